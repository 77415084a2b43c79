/**
 * The `netstage` command: argument dispatch. `main()` has no side effects beyond the given Io and
 * the files it is told to write, and returns the exit status: bin/netstage.js sets it, tests call
 * it in-process.
 */
import { readFileSync } from 'node:fs';
import { UsageError, type Command } from './common';
import { clean } from './format';
import { InputError, processIo, type Io } from './io';

interface Entry {
  readonly name: string;
  /** Its command line and what it does, for the command list. */
  readonly synopsis: string;
  readonly summary: string;
  /** Commands load on demand: `check` need not pay for the edit engine or the diff package. */
  readonly load: () => Promise<Command>;
}

export const COMMANDS: readonly Entry[] = [
  { name: 'check', synopsis: 'check FILE... [--nics LIST]', summary: 'report problems; exit 1 if any is an error', load: async () => (await import('./check')).check },
  { name: 'show', synopsis: 'show FILE [--json] [--nics LIST]', summary: 'list the interfaces and the problems', load: async () => (await import('./show')).show },
  { name: 'edit', synopsis: 'edit FILE [operations] [--in-place]', summary: 'change a file; print the result or write it back', load: async () => (await import('./edit')).edit },
  { name: 'diff', synopsis: 'diff OLD NEW [-U N]', summary: 'unified diff; exit 1 when the files differ', load: async () => (await import('./diff')).diff },
  { name: 'passwd', synopsis: 'passwd USER [--state-dir DIR] [--password-stdin]', summary: 'set a sign-in password for the web panel', load: async () => (await import('./passwd')).passwd },
  { name: 'serve', synopsis: 'serve [--root DIR] [--host ADDR] [--port N] [--demo]', summary: 'the web panel and its API', load: async () => (await import('./serve')).serve },
];

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function commandList(): string {
  const rows = [...COMMANDS, { synopsis: 'help [COMMAND]', summary: 'this text, or the options of COMMAND' }];
  const w = Math.max(...rows.map((r) => r.synopsis.length));
  return rows.map((r) => `  ${r.synopsis.padEnd(w)}  ${r.summary}\n`).join('');
}

export function usage(): string {
  return `Usage: netstage <command> [options]

Read, check and edit Debian/Proxmox /etc/network/interfaces files (ifupdown2),
keeping every byte that is not edited.

Commands:
${commandList()}
Options:
  -h, --help      show this help
  -V, --version   print the version

FILE may be "-" to read standard input.
Exit status: 0 success; 1 errors found, files differ or edit refused;
2 usage error or a file that cannot be read or written.
`;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(usage());
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(usage());
    return 0;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    io.stdout(`netstage ${version()}\n`);
    return 0;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.stdout(usage());
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === rest[0]);
    if (!entry) {
      io.stderr(`netstage: unknown command "${clean(rest[0], true)}"; run "netstage help" for the list\n`);
      return 2;
    }
    io.stdout((await entry.load()).help);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (!entry) {
    const what = first.startsWith('-') ? `unknown option "${clean(first, true)}"` : `unknown command "${clean(first, true)}"`;
    io.stderr(`netstage: ${what}; run "netstage help" for the list\n`);
    return 2;
  }
  const cmd = await entry.load();
  try {
    return await cmd.run([...rest], io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`netstage ${cmd.name}: ${clean(err.message, true)}\nRun "netstage help ${cmd.name}" for its options.\n`);
      return 2;
    }
    if (err instanceof InputError) {
      io.stderr(`netstage ${cmd.name}: ${clean(err.message, true)}\n`);
      return 2;
    }
    const e = err as Error;
    io.stderr(`netstage ${cmd.name}: internal error: ${e?.stack ?? String(err)}\n`);
    return 2;
  }
}
