/** users.json: hashing, file permissions, reload from disk, the admin password from the environment. */
import * as crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_SCRYPT } from './testing';
import { createUserStore, ensureAdminFromEnv, UserStoreError } from './users';

// Count scrypt runs (the real function still runs).
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, scrypt: vi.fn(real.scrypt) };
});

let dir: string;
let stateDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netstage-users-'));
  stateDir = join(dir, 'state');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PASSWORD = 'a long enough secret';
const store = () => createUserStore(stateDir, { scrypt: TEST_SCRYPT });

describe('user store', () => {
  it('stores a salted scrypt hash, not the password, in a 0600 file in a 0700 folder', async () => {
    await store().set('admin', PASSWORD);
    const file = join(stateDir, 'users.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir).mode & 0o777).toBe(0o700);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    const data = JSON.parse(text);
    expect(data.users.admin.hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    // Same password again: a new salt, so a different hash.
    await store().set('admin', PASSWORD);
    expect(JSON.parse(readFileSync(file, 'utf8')).users.admin.hash).not.toBe(data.users.admin.hash);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('verifies after a reload from disk; a wrong password or an unknown user fails', async () => {
    await store().set('admin', PASSWORD);
    const fresh = store();
    expect(await fresh.verify('admin', PASSWORD)).toBe(true);
    expect(await fresh.verify('admin', PASSWORD + 'x')).toBe(false);
    expect(await fresh.verify('admin', PASSWORD.toUpperCase())).toBe(false);
    expect(await fresh.verify('Admin', PASSWORD)).toBe(false);
    expect(await fresh.verify('nobody', PASSWORD)).toBe(false);
    expect(await fresh.has('admin')).toBe(true);
    expect(await fresh.has('nobody')).toBe(false);
  });

  it('runs scrypt once per check, also for an unknown user or an impossible name or password', async () => {
    await store().set('admin', PASSWORD);
    const s = store();
    const scrypt = vi.mocked(crypto.scrypt);
    for (const [user, pw] of [
      ['admin', PASSWORD],
      ['admin', 'wrong password'],
      ['nobody', PASSWORD],
      ['not a valid name!', PASSWORD],
      ['admin', 'short'],
    ]) {
      scrypt.mockClear();
      await s.verify(user, pw);
      expect(scrypt, `${user}/${pw}`).toHaveBeenCalledTimes(1);
    }
  });

  it('keeps other users when one is changed, also when changed concurrently', async () => {
    const s = store();
    await Promise.all([s.set('admin', PASSWORD), s.set('alice', 'alice password'), s.set('bob', 'bob password1')]);
    await s.set('alice', 'a new password');
    const fresh = store();
    expect(await fresh.verify('admin', PASSWORD)).toBe(true);
    expect(await fresh.verify('bob', 'bob password1')).toBe(true);
    expect(await fresh.verify('alice', 'a new password')).toBe(true);
    expect(await fresh.verify('alice', 'alice password')).toBe(false);
  });

  it('treats names like __proto__ and constructor as plain user names', async () => {
    const s = store();
    expect(await s.has('constructor')).toBe(false);
    expect(await s.verify('constructor', PASSWORD)).toBe(false);
    await s.set('__proto__', PASSWORD);
    expect(await store().verify('__proto__', PASSWORD)).toBe(true);
    expect(await store().has('toString')).toBe(false);
  });

  it('refuses bad user names and passwords with a clear message, writing nothing', async () => {
    const s = store();
    const cases: [string, string, RegExp][] = [
      ['', PASSWORD, /user name/],
      ['1admin', PASSWORD, /user name/],
      ['ad min', PASSWORD, /user name/],
      ['a'.repeat(33), PASSWORD, /user name/],
      ['admin', 'short', /at least 8 characters/],
      ['admin', 'x'.repeat(1025), /at most 1024 characters/],
      ['admin', 'with a \0 NUL', /NUL/],
    ];
    for (const [user, pw, message] of cases) await expect(s.set(user, pw)).rejects.toThrow(message);
    expect(() => statSync(join(stateDir, 'users.json'))).toThrow();
    await s.set('a'.repeat(32), '€'.repeat(8)); // limits count characters
    expect(await s.verify('a'.repeat(32), '€'.repeat(8))).toBe(true);
  });

  it('reports a damaged users.json instead of treating it as empty', async () => {
    await store().set('admin', PASSWORD);
    writeFileSync(join(stateDir, 'users.json'), '{"users": ');
    await expect(store().verify('admin', PASSWORD)).rejects.toThrow(UserStoreError);
    await expect(store().set('bob', 'bob password1')).rejects.toThrow(/not valid JSON/);
  });
});

describe('NETSTAGE_ADMIN_PASSWORD', () => {
  it('creates admin, leaves it alone when unchanged, resets it when changed', async () => {
    const s = store();
    expect(await ensureAdminFromEnv(s, {})).toBe('not-set');
    expect(await ensureAdminFromEnv(s, { NETSTAGE_ADMIN_PASSWORD: '' })).toBe('not-set');
    expect(await s.has('admin')).toBe(false);

    expect(await ensureAdminFromEnv(s, { NETSTAGE_ADMIN_PASSWORD: PASSWORD })).toBe('created');
    expect(await store().verify('admin', PASSWORD)).toBe(true);
    const before = readFileSync(join(stateDir, 'users.json'), 'utf8');
    expect(await ensureAdminFromEnv(s, { NETSTAGE_ADMIN_PASSWORD: PASSWORD })).toBe('unchanged');
    expect(readFileSync(join(stateDir, 'users.json'), 'utf8')).toBe(before);

    await s.set('alice', 'alice password');
    expect(await ensureAdminFromEnv(s, { NETSTAGE_ADMIN_PASSWORD: 'the new admin password' })).toBe('reset');
    const fresh = store();
    expect(await fresh.verify('admin', 'the new admin password')).toBe(true);
    expect(await fresh.verify('admin', PASSWORD)).toBe(false);
    expect(await fresh.verify('alice', 'alice password')).toBe(true);
  });

  it('refuses a password that is too short, naming the variable', async () => {
    await expect(ensureAdminFromEnv(store(), { NETSTAGE_ADMIN_PASSWORD: 'short' })).rejects.toThrow(
      /^NETSTAGE_ADMIN_PASSWORD: the password must be at least 8 characters long$/,
    );
  });
});
