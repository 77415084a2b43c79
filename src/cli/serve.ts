/**
 * `netstage serve`: the web panel and its API. The server is not part of the CLI bundle (it would
 * slow every `check` down): it is loaded from the sources through tsx at start, which costs a
 * second once for a long-running process.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, UsageError, type Command } from './common';
import type { Io } from './io';

export const DEFAULT_PORT = 8640;

/** The repository (or installed package) folder: the nearest parent with our package.json. */
export function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src/server'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the netstage package folder (with src/server) above this file');
    dir = up;
  }
  return dir;
}

export const serve: Command = {
  name: 'serve',
  help: `Usage: netstage serve [--root DIR] [--host ADDR] [--port N] [--state-dir DIR]
       netstage serve --demo [DIR]
       netstage serve --recover-only [--root DIR] [--state-dir DIR]

Serve the web panel and its API (under /api/v1). Edits are staged in
ROOT/etc/network/interfaces.new; only "Apply" (POST /api/v1/network/apply) replaces the
live ROOT/etc/network/interfaces, reloads, and rolls back unless confirmed in time.

Options:
  --root DIR        folder standing for / (default /)
  --host ADDR       address to listen on (default 127.0.0.1: this machine only)
  --port N          TCP port (default ${DEFAULT_PORT})
  --state-dir DIR   users.json and other state (default /var/lib/netstage)
  --ui DIR          the built panel (default dist/ui of this package)
  --secure-cookie   mark the session cookie Secure (behind a TLS proxy)
  --reload-command ARGV
                    what "Apply" runs to make the live file take effect, as a JSON
                    array ('["ifreload","-a"]') or plain words (no shell); default
                    ifreload -a for --root /, nothing for any other root
  --ifupdown2 DIR   check with an unpacked ifupdown2 (scripts/ifupdown2.sh DIR) instead
                    of the installed one; its state stays in $IFUPDOWN2_SCRATCH, else
                    STATE-DIR/ifupdown2
  --recover-only    do not serve: roll back a pending apply whose confirmation deadline
                    has passed (or that a crash interrupted), then exit; for a systemd
                    timer that guards applies independently of the server
  --demo [DIR]      serve a demo host made on first run in DIR (default .demo in this
                    package): eth0-eth3 and vmbr0, a generated sign-in; the machine's own
                    /etc/network is never read or written
  -h, --help        show this help

Users: "netstage passwd USER", or NETSTAGE_ADMIN_PASSWORD=… to create or reset "admin" at start.
`,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, {
      root: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'state-dir': { type: 'string' },
      ui: { type: 'string' },
      'secure-cookie': { type: 'boolean' },
      'reload-command': { type: 'string' },
      ifupdown2: { type: 'string' },
      'recover-only': { type: 'boolean' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(serve.help);
      return 0;
    }
    if (positionals.length > (values.demo ? 1 : 0)) throw new UsageError(`unexpected argument "${positionals[values.demo ? 1 : 0]}"`);
    if (values.demo && (values.root || values['state-dir'])) throw new UsageError('--demo makes its own root and state folder: leave out --root and --state-dir');
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${values.port}" is not a port number (0-65535)`);
    const host = values.host ?? '127.0.0.1';
    const pkg = packageDir();
    let root = resolve(values.root ?? '/');
    let stateDir = resolve(values['state-dir'] ?? '/var/lib/netstage');
    let signIn: string | undefined;
    if (values.demo) {
      const { ensureDemoRoot, DEMO_USER } = await loadServer<typeof import('../server/demo/demo-root')>(pkg, 'demo/demo-root.ts');
      const demo = await ensureDemoRoot(resolve(positionals[0] ?? join(pkg, '.demo')));
      root = demo.root;
      stateDir = demo.stateDir;
      signIn = `${DEMO_USER} / ${demo.password}`;
      io.stdout(`netstage: ${demo.created ? 'made' : 'using'} the demo host in ${dirname(root)}\n`);
    }
    const server = await loadServer<typeof import('../server/main')>(pkg, 'main.ts');
    if (values['recover-only']) {
      io.stdout(`netstage: ${await server.recoverPendingApply({ root, stateDir, system: systemOptions(values['reload-command'], values.ifupdown2, stateDir) })}\n`);
      return 0;
    }
    const { startServer } = server;
    const env = { ...process.env };
    if (signIn) env.NETSTAGE_ADMIN_PASSWORD = signIn.split(' / ')[1];
    let app;
    try {
      app = await startServer({ root, stateDir, host, port, system: systemOptions(values['reload-command'], values.ifupdown2, stateDir), uiDir: values.ui ? resolve(values.ui) : join(pkg, 'dist/ui'), secureCookie: values['secure-cookie'], env, log: (l) => io.stdout(`${l}\n`) });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use: pick another with --port`);
      if (e.code === 'EADDRNOTAVAIL') throw new UsageError(`${host} is not an address of this machine (--host)`);
      throw err;
    }
    const addr = app.server.address();
    const shown = typeof addr === 'object' && addr ? `${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}` : `${host}:${port}`;
    io.stdout(`netstage: serving ${root === '/' ? '/etc/network' : join(root, 'etc/network')} at http://${shown}/\n`);
    if (signIn) io.stdout(`netstage: demo sign-in: ${signIn}\n`);
    if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') io.stderr('netstage: warning: listening beyond this machine without TLS; put a TLS proxy in front\n');
    await new Promise<void>((done) => {
      const stop = () => void app.close().then(done);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

/** `--reload-command` as an argument array: a JSON array of strings, or words split on blanks. */
export function parseCommand(flag: string, value: string): string[] {
  let argv: unknown;
  if (value.trim().startsWith('[')) {
    try {
      argv = JSON.parse(value);
    } catch {
      throw new UsageError(`${flag}: not a JSON array of strings: ${value}`);
    }
  } else argv = value.trim().split(/\s+/).filter(Boolean);
  if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string' && a !== ''))
    throw new UsageError(`${flag}: give the program and its arguments, e.g. '["ifreload","-a"]'`);
  return argv as string[];
}

function systemOptions(reload: string | undefined, ifupdown2: string | undefined, stateDir: string) {
  const o: { reloadCommand?: string[]; ifup?: string[]; ifupdown2Conf?: string; templatesByDefault?: boolean; env?: NodeJS.ProcessEnv } = {};
  if (reload !== undefined) o.reloadCommand = parseCommand('--reload-command', reload);
  if (ifupdown2 !== undefined) {
    const dir = resolve(ifupdown2);
    if (!existsSync(join(dir, 'bin/ifup'))) throw new UsageError(`--ifupdown2: no bin/ifup in ${dir} (unpack it with scripts/ifupdown2.sh ${ifupdown2})`);
    const scratch = process.env.IFUPDOWN2_SCRATCH ?? join(stateDir, 'ifupdown2');
    // The unpacked copy's wrapper writes template_enable=0 into the scratch config it makes.
    Object.assign(o, { ifup: ['/usr/bin/python3', join(dir, 'bin/ifup')], ifupdown2Conf: join(scratch, 'ifupdown2.conf'), templatesByDefault: false, env: { IFUPDOWN2_SCRATCH: scratch } });
  }
  return o;
}

/** Import a server module from the sources (tsx compiles it; a bundle of the CLI has no server). */
async function loadServer<T>(pkg: string, rel: string): Promise<T> {
  const api = 'tsx/esm/api'; // a variable, so the CLI bundle does not pull tsx in
  const { register } = (await import(api)) as typeof import('tsx/esm/api');
  register({ tsconfig: join(pkg, 'tsconfig.json') });
  return (await import(pathToFileURL(join(pkg, 'src/server', rel)).href)) as T;
}
