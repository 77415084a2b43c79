/**
 * Replace a file so that every reader, and the file after a crash or `kill -9` at any moment,
 * sees either the old or the new contents in full, never a mix, a truncation or nothing.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode, unsafeFile, writeFailure } from './fs-errors';
import { syncDir } from './sync-dir';

export interface AtomicWriteOptions {
  /** Permission bits of the result, applied with fchmod so the umask cannot narrow them. Default 0644. */
  mode?: number;
  /** What to call the file in messages ("staged file"). Default "file". */
  label?: string;
}

/**
 * Temp names: hidden (ifupdown's `source-directory` and `source dir/*` skip dot-files, and they
 * cannot match `interfaces*`), and carrying the writer's pid so a temp orphaned by a killed
 * writer can be recognised and removed by the next write.
 */
const tempPrefix = (target: string) => `.${basename(target)}.netstage-`;
const tempName = (target: string) =>
  join(dirname(target), `${tempPrefix(target)}${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
const TEMP_TAIL = /^(\d+)-[0-9a-f]+\.tmp$/;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) !== 'ESRCH'; // EPERM: alive, just not ours
  }
}

/** Remove temps of `target` left by writers that no longer run (best effort; frees space too). */
async function removeOrphanTemps(target: string): Promise<void> {
  const prefix = tempPrefix(target);
  let names: string[];
  try {
    names = await fsp.readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(TEMP_TAIL.exec(name.slice(prefix.length))?.[1]);
    if (pid > 0 && pid !== process.pid && !pidAlive(pid)) await fsp.unlink(join(dirname(target), name)).catch(() => {});
  }
}

/** Refuse a symlink or non-file at `path`; tell whether a file is there. */
async function checkTarget(path: string): Promise<boolean> {
  let st;
  try {
    st = await fsp.lstat(path);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
  // rename() would replace the link itself, but a link here means someone set up something we
  // do not understand (or an attack on a root process): leave it, and its target, alone.
  if (st.isSymbolicLink()) {
    const to = await fsp.readlink(path).catch(() => 'an unreadable target');
    throw unsafeFile('write', path, `it is a symbolic link (to ${to})`);
  }
  if (!st.isFile()) throw unsafeFile('write', path, 'it is not a regular file');
  return true;
}

/**
 * Write `data` (a string is written as UTF-8; pass `encode(text, encoding)` to keep latin1) to
 * `path`: temp file in the same directory (exclusive, no-follow), write, fchmod, fsync, rename
 * over `path`, fsync the directory. On failure the temp is removed, `path` is untouched, and an
 * HttpError says what happened (507 disk-full, 503 read-only/permission-denied, 500 otherwise).
 */
export async function atomicWrite(path: string, data: Buffer | string, opts: AtomicWriteOptions = {}): Promise<void> {
  const label = opts.label ?? 'file';
  let existed = false;
  let tmp: string | undefined;
  let fh: fsp.FileHandle | undefined;
  try {
    existed = await checkTarget(path);
    await removeOrphanTemps(path);
    tmp = tempName(path);
    // O_EXCL: never reuse or truncate a file someone else put there; O_NOFOLLOW: never write
    // through a planted symlink. 0600 until complete, so nobody reads a half-written temp.
    fh = await fsp.open(tmp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_NOFOLLOW, 0o600);
    await fh.writeFile(data); // loops over short writes; ENOSPC surfaces here
    await fh.chmod(opts.mode ?? 0o644);
    await fh.sync(); // the bytes must be on disk before the name points at them
    await fh.close();
    fh = undefined;
    // Checked again right before the rename: a link may have appeared while we wrote.
    existed = await checkTarget(path);
    await fsp.rename(tmp, path);
    tmp = undefined;
  } catch (err) {
    if (fh) await fh.close().catch(() => {});
    if (tmp) await fsp.unlink(tmp).catch(() => {});
    const outcome = existed ? `The previous ${label} is unchanged.` : 'Nothing was written.';
    throw writeFailure('write', path, err, outcome);
  }
  await syncDir(dirname(path));
}

/** Remove `path` (revert: drop the staged file). Absent already is fine. */
export async function removeFile(path: string, opts: { label?: string } = {}): Promise<void> {
  try {
    await fsp.unlink(path); // a symlink here is removed itself, its target is untouched
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return;
    throw writeFailure('remove', path, err, `The ${opts.label ?? 'file'} is still there.`);
  }
  await syncDir(dirname(path));
}
