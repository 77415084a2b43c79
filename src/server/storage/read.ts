/**
 * Read the live and staged files as the panel shows them: the staged file when there is one
 * (pending edits), else the live file. The digest is over the exact bytes shown, so a later
 * write can prove the user edited what is on disk now.
 */
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { HttpError } from '../errors';
import { describeFsError, errnoCode, unsafeFile } from './fs-errors';
import type { NetworkFiles } from './paths';
import { decode, sha256Hex, type TextEncodingName } from './text';

export interface FileText {
  /** The exact bytes on disk. */
  readonly bytes: Buffer;
  readonly text: string;
  /** How `text` was decoded; `encode(text, encoding)` gives `bytes` back. */
  readonly encoding: TextEncodingName;
}

export interface NetworkRead {
  /** The live file, or null when it does not exist. */
  readonly live: FileText | null;
  /** The staged file, or null when nothing is staged. */
  readonly staged: FileText | null;
  /** Which file `text` comes from. */
  readonly view: 'staged' | 'live';
  /** The text to edit: the staged file, else the live file, else '' (no live file yet). */
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** SHA-256 hex of the bytes `text` was decoded from (of no bytes when neither file exists). */
  readonly digest: string;
}

/**
 * Read one file. `followLinks: false` opens with O_NOFOLLOW, so a symlink is refused without a
 * window between checking and opening; the live file may be a link (some admins keep it in a
 * config repository), the staged file, which netstage writes, may not.
 */
async function readRegular(path: string, followLinks: boolean): Promise<FileText | null> {
  // lstat first: opening a FIFO or device would block or read something that is not a file.
  let st;
  try {
    st = followLinks ? await fsp.stat(path) : await fsp.lstat(path);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw readFailure(path, err);
  }
  if (st.isSymbolicLink()) throw unsafeFile('read', path, `it is a symbolic link (to ${await linkTarget(path)})`);
  if (!st.isFile()) throw unsafeFile('read', path, 'it is not a regular file');
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(path, fsc.O_RDONLY | (followLinks ? 0 : fsc.O_NOFOLLOW));
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null; // removed since the lstat: same as absent
    if (errnoCode(err) === 'ELOOP') throw unsafeFile('read', path, 'it is a symbolic link');
    throw readFailure(path, err);
  }
  try {
    if (!(await fh.stat()).isFile()) throw unsafeFile('read', path, 'it is not a regular file');
    const bytes = await fh.readFile();
    return { bytes, ...decode(bytes) };
  } catch (err) {
    throw err instanceof HttpError ? err : readFailure(path, err);
  } finally {
    await fh.close().catch(() => {});
  }
}

async function linkTarget(path: string): Promise<string> {
  return fsp.readlink(path).catch(() => 'an unreadable target');
}

function readFailure(path: string, err: unknown): HttpError {
  return new HttpError(500, 'read-failed', `Could not read ${path}: ${describeFsError(err)}.`, { path });
}

const EMPTY = Buffer.alloc(0);

/** Read both files. Hold the lock around this and the write that depends on it. */
export async function readNetwork(files: Pick<NetworkFiles, 'live' | 'staged'>): Promise<NetworkRead> {
  const [live, staged] = await Promise.all([readRegular(files.live, true), readRegular(files.staged, false)]);
  const shown = staged ?? live;
  return {
    live,
    staged,
    view: staged ? 'staged' : 'live',
    text: shown?.text ?? '',
    encoding: shown?.encoding ?? 'utf8',
    digest: sha256Hex(shown?.bytes ?? EMPTY),
  };
}
