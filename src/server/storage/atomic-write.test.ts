/** atomicWrite and removeFile on an ordinary temp directory. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite, removeFile } from './atomic-write';
import { networkFiles, type NetworkFiles } from './paths';
import { readNetwork } from './read';

let root: string;
let files: NetworkFiles;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'netstage-write-'));
  files = networkFiles(root);
  mkdirSync(files.dir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (p: string) => statSync(p).mode & 0o777;

describe('atomicWrite', () => {
  it('creates the file, then replaces it, with exactly the given bytes', async () => {
    await atomicWrite(files.staged, 'auto lo\n');
    expect(readFileSync(files.staged, 'utf8')).toBe('auto lo\n');
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0x0d, 0x0a]), Buffer.from('auto lo\r\n')]);
    await atomicWrite(files.staged, bytes);
    expect(readFileSync(files.staged).equals(bytes)).toBe(true);
    expect(readdirSync(files.dir)).toEqual(['interfaces.new']);
  });

  it('writes a string as UTF-8', async () => {
    await atomicWrite(files.staged, '# Zürich\n');
    expect(readFileSync(files.staged).equals(Buffer.from('# Zürich\n', 'utf8'))).toBe(true);
  });

  it('leaves the file 0644 even under umask 077, and resets a narrower mode', async () => {
    const old = process.umask(0o077);
    try {
      await atomicWrite(files.staged, 'a\n');
      expect(mode(files.staged)).toBe(0o644);
      writeFileSync(files.live, 'x\n');
      chmodSync(files.live, 0o600);
      await atomicWrite(files.live, 'b\n');
      expect(mode(files.live)).toBe(0o644);
    } finally {
      process.umask(old);
    }
  });

  it('honours an explicit mode', async () => {
    await atomicWrite(files.staged, 'a\n', { mode: 0o600 });
    expect(mode(files.staged)).toBe(0o600);
  });

  it('refuses to write over a symlink: link and its target unchanged, no temp left', async () => {
    const victim = join(root, 'shadow');
    writeFileSync(victim, 'root:x:0:0\n');
    symlinkSync(victim, files.staged);
    await expect(atomicWrite(files.staged, 'pwned\n', { label: 'staged file' })).rejects.toMatchObject({
      status: 500,
      code: 'unsafe-file',
      message: expect.stringContaining(`Refusing to write ${files.staged}: it is a symbolic link (to ${victim})`),
    });
    expect(readFileSync(victim, 'utf8')).toBe('root:x:0:0\n');
    expect(lstatSync(files.staged).isSymbolicLink()).toBe(true);
    expect(readlinkSync(files.staged)).toBe(victim);
    expect(readdirSync(files.dir)).toEqual(['interfaces.new']);
  });

  it('refuses to replace a directory', async () => {
    mkdirSync(files.staged);
    await expect(atomicWrite(files.staged, 'x\n')).rejects.toMatchObject({ status: 500, code: 'unsafe-file' });
    expect(statSync(files.staged).isDirectory()).toBe(true);
  });

  it('reports a missing directory in plain words and writes nothing', async () => {
    const path = join(root, 'nowhere', 'interfaces.new');
    await expect(atomicWrite(path, 'x\n')).rejects.toMatchObject({
      status: 500,
      code: 'write-failed',
      message: `Could not write ${path}: the directory does not exist. Nothing was written.`,
    });
  });

  it("removes temps orphaned by dead writers on the next write, but not a live writer's", async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid; // has exited: its pid is free
    const orphan = join(files.dir, `.interfaces.new.netstage-${dead}-0123abcd.tmp`);
    const inFlight = join(files.dir, `.interfaces.new.netstage-1-89abcdef.tmp`); // pid 1 is alive
    writeFileSync(orphan, 'half a fi');
    writeFileSync(inFlight, 'being written');
    await atomicWrite(files.staged, 'auto lo\n');
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
    expect(readFileSync(files.staged, 'utf8')).toBe('auto lo\n');
  });

  it('serves concurrent readers only whole contents while writes race each other', async () => {
    const A = Buffer.alloc(64 * 1024, 'a');
    const B = Buffer.alloc(32 * 1024, 'b');
    await atomicWrite(files.staged, A);
    const writes = Array.from({ length: 20 }, (_, i) => atomicWrite(files.staged, i % 2 ? A : B));
    const reads = Array.from({ length: 40 }, () => readNetwork(files).then((r) => r.staged!.bytes));
    await Promise.all(writes);
    for (const got of await Promise.all(reads)) expect(got.equals(A) || got.equals(B)).toBe(true);
    expect(readdirSync(files.dir)).toEqual(['interfaces.new']);
  });
});

describe('removeFile', () => {
  it('drops the staged file so the live one shows again', async () => {
    writeFileSync(files.live, 'live\n');
    await atomicWrite(files.staged, 'staged\n');
    expect((await readNetwork(files)).view).toBe('staged');
    await removeFile(files.staged);
    expect(existsSync(files.staged)).toBe(false);
    expect(await readNetwork(files)).toMatchObject({ view: 'live', text: 'live\n' });
  });

  it('is fine when there is nothing to remove', async () => {
    await expect(removeFile(files.staged)).resolves.toBeUndefined();
  });

  it('removes a symlink itself, never its target', async () => {
    const victim = join(root, 'shadow');
    writeFileSync(victim, 'keep\n');
    symlinkSync(victim, files.staged);
    await removeFile(files.staged);
    expect(existsSync(files.staged)).toBe(false);
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
  });
});
