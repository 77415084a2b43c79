/**
 * The CLI's input and output: the process's stdout/stderr/stdin (or a capture in tests), and its
 * inputs (files or `-` for stdin) read without losing a byte. The files themselves are read and
 * written by src/server/storage (user-files.ts, text.ts), the only code that touches files.
 */
import { decode, type TextEncodingName } from '../server/storage/text';
import { describeFileError, readUserFile, UserFileError } from '../server/storage/user-files';

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

/** Read a file, or stdin for `-`. Throws InputError with a readable message. */
export async function readInput(path: string, io: Io): Promise<Input> {
  let bytes: Buffer;
  if (path === '-') {
    try {
      bytes = await io.readStdin();
    } catch (err) {
      throw new InputError(`cannot read standard input: ${describeFileError(err)}`);
    }
  } else {
    try {
      bytes = await readUserFile(path);
    } catch (err) {
      throw err instanceof UserFileError ? new InputError(err.message) : err;
    }
  }
  const { text, encoding } = decode(bytes);
  return { label: path === '-' ? '<stdin>' : path, path, text, encoding, bytes };
}
