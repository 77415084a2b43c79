/**
 * A full disk and a read-only file system, for real: a small tmpfs mounted for this file. Each
 * failed write must answer with its own status and a plain message, leave the old staged file
 * byte for byte, and leave no temp behind. Needs root (mount); skipped with a message otherwise.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, removeFile } from './atomic-write';
import { withLock } from './lock';
import { networkFiles } from './paths';
import { readNetwork } from './read';

const mnt = mkdtempSync(join(tmpdir(), 'netstage-tmpfs-'));
const SIZE = 256 * 1024;

function tryMount(): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE},mode=0755`, 'netstage-test', mnt], { stdio: 'pipe' });
    return null;
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return e.stderr?.toString().trim() || e.message;
  }
}
const mountProblem = tryMount();
const mounted = mountProblem === null;
if (!mounted) rmSync(mnt, { recursive: true, force: true }); // afterAll does not run when all is skipped
if (!mounted) console.warn(`storage disk tests skipped: cannot mount a tmpfs at ${mnt} (${mountProblem}); they need root and permission to mount`);

afterAll(() => {
  if (mounted) execFileSync('umount', [mnt], { stdio: 'pipe' });
  rmSync(mnt, { recursive: true, force: true });
});

const files = networkFiles(mnt);
const OLD = Buffer.from('auto lo\niface lo inet loopback\n\n# staged by hand\r\nauto eth0\niface eth0 inet dhcp\n');

describe.skipIf(!mounted)('on a tmpfs', () => {
  beforeEach(() => {
    mkdirSync(files.dir, { recursive: true });
    writeFileSync(files.staged, OLD); // the previous staged file each case must keep
  });

  it('rejects content larger than the free space with 507, keeping the old file and no temp', async () => {
    await expect(atomicWrite(files.staged, Buffer.alloc(2 * SIZE, 'x'), { label: 'staged file' })).rejects.toMatchObject({
      status: 507,
      code: 'disk-full',
      message: `Could not write ${files.staged}: no space left on the device. The previous staged file is unchanged.`,
    });
    expect(readFileSync(files.staged).equals(OLD)).toBe(true);
    expect(readdirSync(files.dir)).toEqual(['interfaces.new']);
  });

  it('rejects even a small write once the disk is full, and works again when space is freed', async () => {
    const filler = join(mnt, 'filler');
    expect(() => writeFileSync(filler, Buffer.alloc(2 * SIZE))).toThrow(/ENOSPC/); // fills the tmpfs
    const small = Buffer.from('auto lo\niface lo inet loopback\n'.repeat(200)); // ~6 KB: needs new pages
    await expect(atomicWrite(files.staged, small, { label: 'staged file' })).rejects.toMatchObject({ status: 507, code: 'disk-full' });
    expect(readFileSync(files.staged).equals(OLD)).toBe(true);
    expect(readdirSync(files.dir)).toEqual(['interfaces.new']);
    expect((await readNetwork(files)).staged?.bytes.equals(OLD)).toBe(true);

    unlinkSync(filler);
    await atomicWrite(files.staged, small);
    expect(readFileSync(files.staged).equals(small)).toBe(true);
  });

  it('answers 503 on a read-only file system for writes, removes and the lock, old file intact', async () => {
    execFileSync('mount', ['-o', 'remount,ro', mnt], { stdio: 'pipe' });
    try {
      await expect(atomicWrite(files.staged, 'auto lo\n', { label: 'staged file' })).rejects.toMatchObject({
        status: 503,
        code: 'read-only',
        message: `Could not write ${files.staged}: the file system is mounted read-only. The previous staged file is unchanged.`,
      });
      await expect(removeFile(files.staged, { label: 'staged file' })).rejects.toMatchObject({
        status: 503,
        code: 'read-only',
        message: `Could not remove ${files.staged}: the file system is mounted read-only. The staged file is still there.`,
      });
      await expect(withLock(files.lock, () => 'never', { timeoutMs: 1000 })).rejects.toMatchObject({ status: 503, code: 'read-only' });
      expect(readFileSync(files.staged).equals(OLD)).toBe(true);
      expect(readdirSync(files.dir)).toEqual(['interfaces.new']);
      // Reading still works, so the panel can show what is there.
      expect((await readNetwork(files)).text).toBe(OLD.toString('utf8'));
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mnt], { stdio: 'pipe' });
    }
  });
});
