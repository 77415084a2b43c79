/**
 * Files a user names on the `netstage` command line (check, show, edit, diff): read whole, and
 * rewritten in place by `netstage edit --in-place`. Unlike the server's own files (atomic-write.ts,
 * which refuses symlinks and answers with HttpErrors), a file named by the user is theirs: a
 * symlink is followed, the file keeps its owner and mode, and failures are plain sentences.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDir } from './sync-dir';

/** A failure the user can act on; its message names the file and what went wrong. */
export class UserFileError extends Error {
  override name = 'UserFileError';
}

/** Plain words for the errno codes reading or writing a named file can hit. */
export function describeFileError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e?.message ?? String(err);
  }
}

/** The bytes of `path`. Throws UserFileError ("cannot read PATH: no such file"). */
export async function readUserFile(path: string): Promise<Buffer> {
  try {
    return await fsp.readFile(path);
  } catch (err) {
    throw new UserFileError(`cannot read ${path}: ${describeFileError(err)}`);
  }
}

export interface RewriteOptions {
  /**
   * The bytes the file held when it was read. When given, the write is refused (UserFileError) if
   * the file no longer holds them, so a concurrent edit is not silently overwritten.
   */
  expect?: Uint8Array;
}

/**
 * Replace the contents of `path` atomically: a temporary file is created next to it (exclusive
 * create), written, fsynced and renamed over it; the directory is fsynced afterwards. The file
 * keeps its permission bits, and its owner when the process may set it. A symlink is followed:
 * its target is replaced, the link stays.
 */
export async function rewriteUserFile(path: string, data: Uint8Array, opts: RewriteOptions = {}): Promise<void> {
  let target: string;
  try {
    target = await fsp.realpath(path);
  } catch (err) {
    throw new UserFileError(`cannot write ${path}: ${describeFileError(err)}`);
  }
  const st = await fsp.stat(target);
  if (!st.isFile()) throw new UserFileError(`cannot write ${path}: not a regular file`);
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.netstage-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const mode = st.mode & 0o7777;
  let fh: fsp.FileHandle | undefined;
  let created = false;
  try {
    try {
      fh = await fsp.open(tmp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o600);
    } catch (err) {
      throw new UserFileError(`cannot create a temporary file in ${dir}: ${describeFileError(err)}`);
    }
    created = true;
    await fh.writeFile(data);
    // Owner first: chown may clear setuid/setgid bits, chmod sets them back.
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || st.gid !== process.getgid?.())) {
      await fh.chown(st.uid, st.gid).catch(() => {});
    }
    await fh.chmod(mode);
    await fh.sync();
    await fh.close();
    fh = undefined;
    if (opts.expect) {
      const now = await fsp.readFile(target);
      if (!now.equals(opts.expect)) throw new UserFileError(`${path} changed while it was being edited: nothing written, run the command again`);
    }
    await fsp.rename(tmp, target);
    created = false;
  } catch (err) {
    if (err instanceof UserFileError) throw err;
    throw new UserFileError(`cannot write ${path}: ${describeFileError(err)}`);
  } finally {
    if (fh) await fh.close().catch(() => {});
    if (created) await fsp.unlink(tmp).catch(() => {});
  }
  await syncDir(dir); // the rename survives a power cut
}
