/**
 * File access for the CLI: reading inputs (files or `-` for stdin) without losing a byte, and
 * writing a file back atomically.
 *
 * Text is decoded as UTF-8 when the bytes are valid UTF-8 (a BOM is kept as U+FEFF), otherwise
 * as latin1, which maps every byte to one code unit, so `encode(decode(bytes))` is always the
 * same bytes. The encoding travels with the text and is used again to write it out.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type TextEncodingName = 'utf8' | 'latin1';

export interface Input {
  /** What to call the input in messages: the path, or `<stdin>`. */
  readonly label: string;
  /** The path as given (`-` for stdin). */
  readonly path: string;
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** The exact bytes read. */
  readonly bytes: Buffer;
}

/** Where the CLI reads and writes: the real process, or a capture in tests. */
export interface Io {
  stdout(chunk: string | Uint8Array): void;
  stderr(chunk: string): void;
  readStdin(): Promise<Buffer>;
}

export const processIo: Io = {
  stdout: (chunk) => void process.stdout.write(chunk),
  stderr: (chunk) => void process.stderr.write(chunk),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks);
  },
};

/** A failure the user can act on: printed as `netstage: MESSAGE`, exit status 2. */
export class InputError extends Error {
  override name = 'InputError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1' };
  }
}

export function encode(text: string, encoding: TextEncodingName): Buffer {
  return Buffer.from(text, encoding);
}

function describe(err: unknown): string {
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

/** Read a file, or stdin for `-`. Throws InputError with a readable message. */
export async function readInput(path: string, io: Io): Promise<Input> {
  let bytes: Buffer;
  if (path === '-') {
    try {
      bytes = await io.readStdin();
    } catch (err) {
      throw new InputError(`cannot read standard input: ${describe(err)}`);
    }
  } else {
    try {
      bytes = await fsp.readFile(path);
    } catch (err) {
      throw new InputError(`cannot read ${path}: ${describe(err)}`);
    }
  }
  const { text, encoding } = decode(bytes);
  return { label: path === '-' ? '<stdin>' : path, path, text, encoding, bytes };
}

export interface AtomicWriteOptions {
  /**
   * The bytes the file held when it was read. When given, the write is refused (InputError) if
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
export async function atomicWrite(path: string, data: Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  let target: string;
  try {
    target = await fsp.realpath(path);
  } catch (err) {
    throw new InputError(`cannot write ${path}: ${describe(err)}`);
  }
  const st = await fsp.stat(target);
  if (!st.isFile()) throw new InputError(`cannot write ${path}: not a regular file`);
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.netstage-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const mode = st.mode & 0o7777;
  let fh: fsp.FileHandle | undefined;
  let created = false;
  try {
    try {
      fh = await fsp.open(tmp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o600);
    } catch (err) {
      throw new InputError(`cannot create a temporary file in ${dir}: ${describe(err)}`);
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
      if (!now.equals(opts.expect)) throw new InputError(`${path} changed while it was being edited: nothing written, run the command again`);
    }
    await fsp.rename(tmp, target);
    created = false;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot write ${path}: ${describe(err)}`);
  } finally {
    if (fh) await fh.close().catch(() => {});
    if (created) await fsp.unlink(tmp).catch(() => {});
  }
  // Make the rename durable. Not every platform can open or fsync a directory: best effort.
  try {
    const d = await fsp.open(dir, fsc.O_RDONLY);
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* ignore */
  }
}
