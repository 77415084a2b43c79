/**
 * One change at a time to /etc/network: a lock held across read → check digest → write, so two
 * browser tabs, two panel processes or the panel and `netstage edit` cannot interleave and lose
 * an edit. In this process callers queue on a promise chain (no polling); between processes a
 * lock file created with O_EXCL decides, and waiters poll it.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { HttpError } from '../errors';
import { describeFsError, errnoCode, unsafeFile, writeFailure } from './fs-errors';

export interface LockOptions {
  /** Give up (409 `locked`) after waiting this long, in this process's queue and for the file. */
  timeoutMs: number;
  /** How often to look at a lock file held by another process. Default 50 ms. */
  pollMs?: number;
  /**
   * A lock file older than this is broken even if its pid looks alive (the pid may have been
   * reused, or the holder is on another host). Default 10 minutes: far above any real change.
   */
  staleMs?: number;
}

/** What the lock file holds: who took it and when. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Random per acquisition, so a holder never releases a lock that is no longer its own. */
  token: string;
}

interface LockFileInfo {
  holder: LockHolder | null; // null: unreadable, or being written right now
  ino: number;
  dev: number;
  mtimeMs: number;
}

/** Tail of each lock path's in-process queue, and who is at its head (for the 409 message). */
const queues = new Map<string, Promise<void>>();
const inProcessHolders = new Map<string, LockHolder>();
/** Tokens of lock files this process holds now. */
const ownTokens = new Set<string>();

const UNWRITTEN_GRACE_MS = 5_000;

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Run `fn` while holding the lock at `lockPath`; released when `fn` settles, whatever happens.
 * Throws HttpError 409 `locked` when the lock cannot be had within `timeoutMs`.
 */
export async function withLock<T>(lockPath: string, fn: () => T | Promise<T>, opts: LockOptions): Promise<T> {
  const key = resolve(lockPath);
  const deadline = Date.now() + opts.timeoutMs;
  const previous = queues.get(key) ?? Promise.resolve();
  let leave!: () => void;
  const left = new Promise<void>((r) => (leave = r));
  // The next caller waits for us to leave, and we leave only after our predecessor did, even if
  // we time out first, so the chain never lets two callers through at once.
  const tail = previous.then(() => left);
  queues.set(key, tail);
  try {
    if (!(await untilOrDeadline(previous, deadline))) throw lockedError(key, inProcessHolders.get(key) ?? null);
    const holder = await acquireFile(key, deadline, opts.pollMs ?? 50, opts.staleMs ?? 10 * 60_000);
    inProcessHolders.set(key, holder);
    try {
      return await fn();
    } finally {
      inProcessHolders.delete(key);
      await releaseFile(key, holder.token);
      ownTokens.delete(holder.token); // only now: until the file is gone it must not look left over
    }
  } finally {
    leave();
    if (queues.get(key) === tail) queues.delete(key);
  }
}

/** Resolves true when `p` settles before `deadline`, false otherwise. */
async function untilOrDeadline(p: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([p.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

function newHolder(): LockHolder {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(12).toString('hex') };
}

async function acquireFile(path: string, deadline: number, pollMs: number, staleMs: number): Promise<LockHolder> {
  const holder = newHolder();
  // Known before the file exists: another caller in this process must never see our pid with an
  // unknown token (which means "left over", hence stale) between our create and our return.
  ownTokens.add(holder.token);
  try {
    for (;;) {
      if (await tryCreate(path, holder)) return holder;
      const info = await inspect(path);
      if (!info) continue; // released between our create and our look: try again at once
      if (isStale(info, staleMs) && (await breakStale(path, info, staleMs))) continue; // gone: try at once
      const wait = deadline - Date.now();
      if (wait <= 0) throw lockedError(path, info.holder);
      await delay(Math.min(pollMs, wait));
    }
  } catch (err) {
    ownTokens.delete(holder.token);
    throw err;
  }
}

/** Create the lock file exclusively; false if it exists. */
async function tryCreate(path: string, holder: LockHolder): Promise<boolean> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(path, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_NOFOLLOW, 0o644);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw lockFailure(path, err);
  }
  try {
    await fh.writeFile(`${JSON.stringify(holder)}\n`);
    await fh.close();
    return true;
  } catch (err) {
    // A lock without an owner would make everyone wait for the staleness limit: take it back.
    await fh.close().catch(() => {});
    await fsp.unlink(path).catch(() => {});
    throw lockFailure(path, err);
  }
}

/** Look at the current lock file; null if there is none. */
async function inspect(path: string): Promise<LockFileInfo | null> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(path, fsc.O_RDONLY | fsc.O_NOFOLLOW);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    if (errnoCode(err) === 'ELOOP') throw unsafeFile('read', path, 'the lock file is a symbolic link');
    throw lockReadFailure(path, err);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw unsafeFile('read', path, 'the lock file is not a regular file');
    const raw = await fh.readFile('utf8');
    return { holder: parseHolder(raw), ino: st.ino, dev: st.dev, mtimeMs: st.mtimeMs };
  } catch (err) {
    throw err instanceof HttpError ? err : lockReadFailure(path, err);
  } finally {
    await fh.close().catch(() => {});
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const v = JSON.parse(raw) as Partial<LockHolder>;
    // pid must be a positive integer: kill(0) or kill(-1) would address whole process groups.
    if (!Number.isSafeInteger(v.pid) || (v.pid as number) <= 0) return null;
    return { pid: v.pid as number, host: String(v.host ?? ''), since: String(v.since ?? ''), token: String(v.token ?? '') };
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) !== 'ESRCH'; // EPERM: alive, owned by another user
  }
}

function isStale(info: LockFileInfo, staleMs: number): boolean {
  if (Date.now() - info.mtimeMs > staleMs) return true;
  const h = info.holder;
  // No readable owner: either being written this very moment (it takes microseconds), or its
  // writer died between create and write. A few seconds tell the two apart.
  if (!h) return Date.now() - info.mtimeMs > Math.min(staleMs, UNWRITTEN_GRACE_MS);
  if (h.host !== hostname()) return false; // cannot check a pid on another host: age only
  // Our own pid but not a token we hold: left behind by an earlier failure in this process.
  if (h.pid === process.pid) return !ownTokens.has(h.token);
  return !pidAlive(h.pid);
}

/**
 * Remove the stale lock file `info` describes; true if this call removed it.
 *
 * POSIX has no "remove this name only if it is still inode X", so check-then-unlink races: two
 * breakers judge the same dead lock, one removes it and a third process takes the lock fresh, and
 * the slower breaker removes that live lock. So breakers first take a second, short-lived lock
 * (`<lock>.break`), and only while holding it check that the file is still the same stale inode
 * and unlink it. Holders and creators never remove another's file, so nothing else can swap the
 * file between the check and the unlink. Breaking does not grant the lock: the breaker then
 * competes with everyone else through the exclusive create.
 */
async function breakStale(path: string, info: LockFileInfo, staleMs: number): Promise<boolean> {
  const guardPath = `${path}.break`;
  const guard = newHolder();
  ownTokens.add(guard.token);
  let got = false;
  try {
    got = await tryCreate(guardPath, guard);
  } finally {
    if (!got) ownTokens.delete(guard.token);
  }
  if (!got) {
    // Someone else is breaking it (that takes microseconds), or died doing so: a guard whose
    // process is gone, or older than a few seconds, is removed the simple racy way. Two breakers
    // would need to race exactly here after a third died mid-break for that to matter.
    const g = await inspect(guardPath);
    if (g && isStale(g, UNWRITTEN_GRACE_MS)) await unlinkIfSame(guardPath, g);
    return false;
  }
  try {
    const now = await inspect(path);
    if (!now || !sameFile(now, info) || !isStale(now, staleMs)) return false;
    return await unlinkIfSame(path, now);
  } finally {
    await fsp.unlink(guardPath).catch(() => {});
    ownTokens.delete(guard.token);
  }
}

/** Same lock file: inode numbers are reused at once on tmpfs and ext4, so content and mtime too. */
function sameFile(a: LockFileInfo, b: LockFileInfo): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.mtimeMs === b.mtimeMs && a.holder?.token === b.holder?.token;
}

/** Unlink `path` if it is still the file `expected` describes (check, then act: callers guard). */
async function unlinkIfSame(path: string, expected: { ino: number; dev: number }): Promise<boolean> {
  const st = await fsp.lstat(path).catch(() => null);
  if (!st || st.ino !== expected.ino || st.dev !== expected.dev) return false;
  try {
    await fsp.unlink(path);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw lockFailure(path, err, 'remove');
  }
}

/**
 * Remove the lock file only if it is still ours. It stops being ours only if we held it past the
 * staleness limit and someone broke it; then it is left to its new owner.
 */
async function releaseFile(path: string, token: string): Promise<void> {
  const info = await inspect(path).catch(() => null);
  if (info?.holder?.token === token) await unlinkIfSame(path, info).catch(() => {});
}

function lockedError(path: string, holder: LockHolder | null): HttpError {
  const who = holder
    ? `lock held by pid ${holder.pid}${holder.host && holder.host !== hostname() ? ` on ${holder.host}` : ''}${
        holder.since ? ` since ${holder.since}` : ''
      }`
    : `lock file ${path}`;
  return new HttpError(
    409,
    'locked',
    `Another change to the network configuration is in progress (${who}). Try again in a moment.`,
    { lock: path, holder: holder ? { pid: holder.pid, host: holder.host, since: holder.since } : null },
  );
}

/** Creating or removing the lock file failed: same codes as a failed write (disk-full, read-only…). */
function lockFailure(path: string, err: unknown, verb: 'write' | 'remove' = 'write'): HttpError {
  return writeFailure(verb, path, err, 'Nothing was changed.');
}

function lockReadFailure(path: string, err: unknown): HttpError {
  return new HttpError(500, 'read-failed', `Could not read the lock file ${path}: ${describeFsError(err)}.`, { path });
}
