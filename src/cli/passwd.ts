/**
 * `netstage passwd USER [--state-dir DIR] [--password-stdin]`: set a sign-in password of the web
 * panel (creates the user when needed). The password is read from standard input with
 * --password-stdin (its first line), otherwise asked twice on the terminal without echo.
 */
import { StringDecoder } from 'node:string_decoder';
import { createUserStore, DEFAULT_STATE_DIR, passwordProblem, USERS_FILE, usernameProblem, UserStoreError } from '../server/auth/users';
import { parse, UsageError, type Command } from './common';
import { clean } from './format';
import { InputError, processIo, type Io } from './io';

const HELP = `Usage: netstage passwd USER [--state-dir DIR] [--password-stdin]

Set the web panel sign-in password of USER, creating the user if needed.
Users are kept in DIR/${USERS_FILE} (mode 0600). Sessions already signed in
stay signed in until they expire or the server restarts.

The password is asked twice on the terminal (not echoed), or read from the
first line of standard input with --password-stdin, e.g.
  printf '%s\\n' "$PASSWORD" | netstage passwd admin --password-stdin

A user name is 1 to 32 letters, digits, "_", "." or "-", starting with a letter
or "_". A password has 8 to 1024 characters.

Options:
  --state-dir DIR     where the panel keeps its state (default ${DEFAULT_STATE_DIR})
  --password-stdin    read the password from standard input
  -h, --help          show this help

Exit status: 0 password set; 2 usage error, password refused or the file
cannot be written.
`;

/** The terminal, for the no-echo prompt: replaceable in tests. */
export interface Terminal {
  /** Whether a person can be asked (stdin is a TTY). */
  isInteractive(io: Io): boolean;
  /** Show `prompt` and read one line without echoing it. */
  readSecret(prompt: string): Promise<string>;
}

class Aborted extends Error {}

/** Raw-mode line reading on process.stdin: Enter ends, Backspace erases, Ctrl-C aborts, Ctrl-D on an empty line is end of input. */
function readSecretFromTty(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let chars: string[] = [];
    const finish = (err: Error | undefined, value = '') => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (buf: Buffer) => {
      for (const ch of decoder.write(buf)) {
        if (ch === '\r' || ch === '\n') return finish(undefined, chars.join(''));
        if (ch === '\u0003') return finish(new Aborted('aborted'));
        if (ch === '\u0004') {
          if (chars.length === 0) return finish(new InputError('no password given (end of input)'));
          continue;
        }
        if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
        else if (ch === '\u0015') chars = []; // Ctrl-U: erase the line
        else chars.push(ch);
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export const processTerminal: Terminal = {
  // Only the real process has a terminal; an Io captured in tests never does.
  isInteractive: (io) => io === processIo && process.stdin.isTTY === true && typeof process.stdin.setRawMode === 'function',
  readSecret: readSecretFromTty,
};

/** The first line of `bytes` (UTF-8), without its line ending. */
function firstLine(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('the password on standard input is not valid UTF-8');
  }
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export function createPasswd(terminal: Terminal = processTerminal): Command {
  const cmd: Command = {
    name: 'passwd',
    help: HELP,
    async run(args: string[], io: Io): Promise<number> {
      const { values, positionals } = parse(args, {
        'state-dir': { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) {
        io.stdout(HELP);
        return 0;
      }
      if (positionals.length !== 1) throw new UsageError('passwd takes one user name');
      const user = positionals[0];
      const badName = usernameProblem(user);
      if (badName) throw new UsageError(`"${clean(user, true)}" is not a valid user name: ${badName}`);
      const stateDir = values['state-dir'] ?? DEFAULT_STATE_DIR;
      if (stateDir === '') throw new UsageError('--state-dir: give a folder');

      let password: string;
      if (values['password-stdin']) {
        const bytes = await io.readStdin().catch((err: Error) => {
          throw new InputError(`cannot read standard input: ${err.message}`);
        });
        if (bytes.length === 0) throw new InputError('no password on standard input');
        password = firstLine(bytes);
      } else {
        if (!terminal.isInteractive(io))
          throw new UsageError('standard input is not a terminal: give --password-stdin to read the password from it');
        try {
          password = await terminal.readSecret(`New password for ${user}: `);
          const bad = passwordProblem(password);
          if (bad) throw new InputError(`password refused: ${bad}`);
          const again = await terminal.readSecret('Retype the password: ');
          if (again !== password) throw new InputError('the two passwords differ: nothing changed');
        } catch (err) {
          if (err instanceof Aborted) {
            io.stderr('netstage passwd: aborted, nothing changed\n');
            return 130;
          }
          throw err;
        }
      }
      const bad = passwordProblem(password);
      if (bad) throw new InputError(`password refused: ${bad}`);

      const store = createUserStore(stateDir);
      try {
        const existed = await store.has(user);
        await store.set(user, password);
        io.stdout(`${existed ? 'Changed the password of' : 'Created user'} ${user} in ${clean(store.path, true)}.\n`);
      } catch (err) {
        if (err instanceof UserStoreError) throw new InputError(err.message);
        throw err;
      }
      return 0;
    },
  };
  return cmd;
}

export const passwd: Command = createPasswd();
