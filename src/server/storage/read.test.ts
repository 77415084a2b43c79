/** Reading the live and staged files: which one is shown, its digest, and bytes kept exactly. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networkFiles, type NetworkFiles } from './paths';
import { readNetwork } from './read';
import { encode, sha256Hex } from './text';

let root: string;
let files: NetworkFiles;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'netstage-read-'));
  files = networkFiles(root);
  mkdirSync(files.dir, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const LIVE = 'auto lo\niface lo inet loopback\n';
const STAGED = 'auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet dhcp\n';

describe('networkFiles', () => {
  it('puts everything in <root>/etc/network, with a lock name ifupdown never sources', () => {
    expect(networkFiles('/')).toEqual({
      dir: '/etc/network',
      live: '/etc/network/interfaces',
      staged: '/etc/network/interfaces.new',
      lock: '/etc/network/.netstage.lock',
      backup: '/etc/network/interfaces.bak',
    });
    // source-directory takes only [A-Za-z0-9_-]+ names; `source dir/*` skips dot-files.
    const lockName = files.lock.split('/').pop()!;
    expect(lockName.startsWith('.')).toBe(true);
    expect(/^[a-zA-Z0-9_-]+$/.test(lockName)).toBe(false);
  });
});

describe('readNetwork', () => {
  it('reads nothing as empty live text with the digest of no bytes', async () => {
    const r = await readNetwork(files);
    expect(r).toMatchObject({ live: null, staged: null, view: 'live', text: '' });
    expect(r.digest).toBe(sha256Hex(Buffer.alloc(0)));
    expect(r.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the live file when nothing is staged', async () => {
    writeFileSync(files.live, LIVE);
    const r = await readNetwork(files);
    expect(r.view).toBe('live');
    expect(r.text).toBe(LIVE);
    expect(r.staged).toBeNull();
    expect(r.digest).toBe(sha256Hex(Buffer.from(LIVE)));
  });

  it('prefers the staged file over the live one, and still returns both', async () => {
    writeFileSync(files.live, LIVE);
    writeFileSync(files.staged, STAGED);
    const r = await readNetwork(files);
    expect(r.view).toBe('staged');
    expect(r.text).toBe(STAGED);
    expect(r.live?.text).toBe(LIVE);
    expect(r.staged?.text).toBe(STAGED);
    expect(r.digest).toBe(sha256Hex(Buffer.from(STAGED)));
  });

  it('shows a staged file even when the live one is missing', async () => {
    writeFileSync(files.staged, STAGED);
    const r = await readNetwork(files);
    expect(r).toMatchObject({ live: null, view: 'staged', text: STAGED });
  });

  it('changes the digest when a single byte changes, even one a text editor would hide', async () => {
    writeFileSync(files.staged, STAGED);
    const before = (await readNetwork(files)).digest;
    writeFileSync(files.staged, STAGED.replace(/\n/g, '\r\n'));
    const crlf = (await readNetwork(files)).digest;
    writeFileSync(files.staged, STAGED + ' ');
    const trailing = (await readNetwork(files)).digest;
    writeFileSync(files.staged, STAGED);
    const again = (await readNetwork(files)).digest;
    expect(new Set([before, crlf, trailing]).size).toBe(3);
    expect(again).toBe(before);
  });

  it('keeps CRLF line ends and latin1 bytes exactly', async () => {
    // "# café" in latin1 (0xE9 is not valid UTF-8 on its own), CRLF line ends, no final newline.
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\r\nauto lo\r\niface lo inet loopback')]);
    writeFileSync(files.staged, bytes);
    const r = await readNetwork(files);
    expect(r.encoding).toBe('latin1');
    expect(r.text).toContain('café\r\n');
    expect(r.staged?.bytes.equals(bytes)).toBe(true);
    expect(encode(r.text, r.encoding).equals(bytes)).toBe(true);
    expect(r.digest).toBe(sha256Hex(bytes));
  });

  it('keeps a UTF-8 byte-order mark and UTF-8 text exactly', async () => {
    const bytes = Buffer.from('\uFEFF# Zürich uplink\nauto lo\n', 'utf8');
    writeFileSync(files.live, bytes);
    const r = await readNetwork(files);
    expect(r.encoding).toBe('utf8');
    expect(r.text.startsWith('\uFEFF# Zürich')).toBe(true);
    expect(encode(r.text, r.encoding).equals(bytes)).toBe(true);
  });

  it('refuses a staged path that is a symlink, naming it, and leaves the link target alone', async () => {
    const victim = join(root, 'shadow');
    writeFileSync(victim, 'secret\n');
    symlinkSync(victim, files.staged);
    await expect(readNetwork(files)).rejects.toMatchObject({
      status: 500,
      code: 'unsafe-file',
      message: expect.stringMatching(new RegExp(`^Refusing to read ${files.staged}: it is a symbolic link \\(to ${victim}\\)`)),
    });
    expect(readFileSync(victim, 'utf8')).toBe('secret\n');
  });

  it('refuses a staged path that is a directory instead of reporting it as absent', async () => {
    mkdirSync(files.staged);
    await expect(readNetwork(files)).rejects.toMatchObject({ status: 500, code: 'unsafe-file', message: expect.stringContaining('not a regular file') });
  });

  it('follows a symlinked live file (admins keep it in a config repository)', async () => {
    const real = join(root, 'interfaces.real');
    writeFileSync(real, LIVE);
    symlinkSync(real, files.live);
    const r = await readNetwork(files);
    expect(r).toMatchObject({ view: 'live', text: LIVE });
  });
});
