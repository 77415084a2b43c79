/**
 * File-system failures turned into HttpErrors whose messages an admin can act on: what went
 * wrong, with which file, and whether the old contents survived.
 */
import { HttpError } from '../errors';

/** `err.code` of a Node file-system error, or undefined. */
export const errnoCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

/** Plain words for the errno codes a write or read can hit. */
export function describeFsError(err: unknown): string {
  switch (errnoCode(err)) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is exhausted';
    case 'EROFS':
      return 'the file system is mounted read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the directory does not exist';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EIO':
      return 'an input/output error occurred (the disk may be failing)';
    default:
      return (err as Error | null)?.message ?? String(err);
  }
}

/**
 * Map a failed write/remove of `path`. `outcome` tells the user what state the file is in
 * (e.g. "The previous staged file is unchanged.").
 */
export function writeFailure(verb: 'write' | 'remove', path: string, err: unknown, outcome: string): HttpError {
  if (err instanceof HttpError) return err;
  const message = `Could not ${verb} ${path}: ${describeFsError(err)}. ${outcome}`;
  const code = errnoCode(err);
  const details = { path, errno: code ?? null };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new HttpError(507, 'disk-full', message, details);
    case 'EROFS':
      return new HttpError(503, 'read-only', message, details);
    case 'EACCES':
    case 'EPERM':
      return new HttpError(503, 'permission-denied', message, details);
    default:
      return new HttpError(500, verb === 'write' ? 'write-failed' : 'remove-failed', message, details);
  }
}

/** A path netstage will not touch because it is a symlink or not a regular file. */
export function unsafeFile(verb: 'read' | 'write', path: string, what: string): HttpError {
  return new HttpError(
    500,
    'unsafe-file',
    `Refusing to ${verb} ${path}: ${what}. netstage only ${verb}s regular files here; remove or rename it and try again.`,
    { path },
  );
}
