/** `netstage passwd`: through main() with captured streams, and with a stand-in terminal for the prompt. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createUserStore } from '../server/auth/users';
import type { Io } from './io';
import { createPasswd, type Terminal } from './passwd';
import { runMain, tempDir } from './testing';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
const freshStateDir = () => join(tmp.dir, `state-${++n}`);

const captureIo = (stdin = '') => {
  const io = { out: '', err: '' };
  const value: Io = {
    stdout: (c) => void (io.out += typeof c === 'string' ? c : Buffer.from(c).toString()),
    stderr: (c) => void (io.err += c),
    readStdin: async () => Buffer.from(stdin),
  };
  return { io, value };
};

describe('netstage passwd', () => {
  it('--password-stdin sets the first line of stdin as the password', async () => {
    const dir = freshStateDir();
    const r = await runMain(['passwd', 'admin', '--state-dir', dir, '--password-stdin'], 'my new password\nignored second line\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Created user admin in ${join(dir, 'users.json')}.\n`);
    expect(r.stderr).toBe('');
    const users = createUserStore(dir);
    expect(await users.verify('admin', 'my new password')).toBe(true);
    expect(await users.verify('admin', 'my new password\n')).toBe(false);
    expect(statSync(join(dir, 'users.json')).mode & 0o777).toBe(0o600);

    // Again, with a CRLF line ending: the password is changed.
    const again = await runMain(['passwd', 'admin', '--state-dir', dir, '--password-stdin'], 'another password\r\n');
    expect(again.code).toBe(0);
    expect(again.out).toBe(`Changed the password of admin in ${join(dir, 'users.json')}.\n`);
    expect(await users.verify('admin', 'another password')).toBe(true);
    expect(await users.verify('admin', 'my new password')).toBe(false);
  });

  it('refuses a too-short password with exit 2 and writes nothing', async () => {
    const dir = freshStateDir();
    const r = await runMain(['passwd', 'admin', '--state-dir', dir, '--password-stdin'], 'short\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('netstage passwd: password refused: the password must be at least 8 characters long\n');
    expect(r.out).toBe('');
    expect(() => statSync(join(dir, 'users.json'))).toThrow();
    expect((await runMain(['passwd', 'admin', '--state-dir', dir, '--password-stdin'], '')).stderr).toMatch(/no password on standard input/);
  });

  it('needs --password-stdin when stdin is not a terminal; usage errors exit 2', async () => {
    const dir = freshStateDir();
    const r = await runMain(['passwd', 'admin', '--state-dir', dir], 'my new password\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard input is not a terminal: give --password-stdin/);
    for (const args of [['passwd'], ['passwd', 'a', 'b'], ['passwd', 'bad name'], ['passwd', 'admin', '--frob']]) {
      const u = await runMain([...args, '--state-dir', dir, '--password-stdin'], 'my new password\n');
      expect(u.code, args.join(' ')).toBe(2);
      expect(u.stderr).toMatch(/Run "netstage help passwd"/);
    }
    expect(() => statSync(join(dir, 'users.json'))).toThrow();
  });

  it('is listed with its help', async () => {
    const list = await runMain(['--help']);
    expect(list.out).toMatch(/^  passwd USER \[--state-dir DIR\] \[--password-stdin\]\s+set a sign-in password for the web panel$/m);
    const help = await runMain(['passwd', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: netstage passwd USER/);
    expect(help.out).toMatch(/default \/var\/lib\/netstage/);
  });

  it('on a terminal asks twice and refuses two different answers', async () => {
    const terminal = (answers: string[]): Terminal & { prompts: string[] } => {
      const prompts: string[] = [];
      return { prompts, isInteractive: () => true, readSecret: async (p) => (prompts.push(p), answers.shift() ?? '') };
    };
    const dir = freshStateDir();
    const same = terminal(['typed password', 'typed password']);
    const ok = captureIo();
    expect(await createPasswd(same).run(['alice', '--state-dir', dir], ok.value)).toBe(0);
    expect(same.prompts).toEqual(['New password for alice: ', 'Retype the password: ']);
    expect(await createUserStore(dir).verify('alice', 'typed password')).toBe(true);

    const differ = terminal(['first password', 'second password']);
    await expect(createPasswd(differ).run(['alice', '--state-dir', dir], captureIo().value)).rejects.toThrow(/the two passwords differ/);
    expect(await createUserStore(dir).verify('alice', 'typed password')).toBe(true);
  });

  it('reports a state folder it cannot write (exit 2)', async () => {
    const file = tmp.write('not-a-folder', 'x');
    const r = await runMain(['passwd', 'admin', '--state-dir', join(file, 'sub'), '--password-stdin'], 'my new password\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netstage passwd: cannot (read|create) .*not-a-folder\/sub.*: not a directory\n$/);
  });
});
