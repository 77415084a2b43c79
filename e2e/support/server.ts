/**
 * A real netstage server on a fresh demo root, for one test: `node bin/netstage.js serve --demo DIR
 * --port 0`, waited on until it prints its URL and the demo sign-in (no fixed sleeps). The same
 * approach as test/support/server-process.ts, without its vitest import (Playwright has its own
 * expect).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NETSTAGE_BIN = join(REPO, 'bin/netstage.js');
const START_TIMEOUT_MS = 30_000;
const SERVING = /^netstage: serving .* at (http:\/\/[^/]+:\d+)\/$/;
const DEMO_SIGN_IN = /^netstage: demo sign-in: (\S+) \/ (\S+)$/;

export interface DemoServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  base: string;
  username: string;
  password: string;
  /** The temp folder given to --demo. */
  dir: string;
  /** DIR/root/etc/network/interfaces: must never change (except when a spec applies the configuration). */
  live: string;
  /** DIR/root/etc/network/interfaces.new: where edits are staged. */
  staged: string;
  /** The NICs the demo host has (sys/class/net), for the engine's model. */
  nics: string[];
  /** The live file's bytes right after the server started. */
  liveAtStart: Buffer;
  /** stdout + stderr so far. */
  output(): string;
  stop(): Promise<void>;
  /** Stop, then delete the temp folder. */
  dispose(): Promise<void>;
}

/**
 * NETSTAGE_E2E_UI=DIR serves the panel built in DIR (`npx vite build --outDir DIR`) instead of
 * dist/ui: for running the specs while someone else rebuilds dist/ui.
 */
const UI_ARGS = process.env.NETSTAGE_E2E_UI ? ['--ui', resolve(process.env.NETSTAGE_E2E_UI)] : [];

/** Servers of this worker still running: ended if the worker exits without the fixture's teardown. */
const running = new Set<ChildProcessWithoutNullStreams>();
process.once('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

export interface DemoServerOptions {
  /** More `netstage serve` arguments, given the temp folder (e.g. a `--reload-command` reading DIR/root). */
  args?: (dir: string) => string[];
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dir = await mkdtemp(join(tmpdir(), 'netstage-e2e-'));
  const extra = options.args?.(dir) ?? [];
  const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, [NETSTAGE_BIN, 'serve', '--demo', dir, '--port', '0', ...UI_ARGS, ...extra], {
    cwd: REPO,
    stdio: 'pipe',
  });
  running.add(proc);
  let all = '';
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let exitInfo: string | null = null;
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (all += c));
  createInterface({ input: proc.stdout }).on('line', (line) => {
    lines.push(line);
    all += `${line}\n`;
    for (const w of waiters) w();
  });
  const exited = new Promise<void>((ok) =>
    proc.on('close', (code, signal) => {
      exitInfo = `exited (code ${code}, signal ${signal})`;
      running.delete(proc);
      for (const w of waiters) w();
      ok();
    }),
  );
  const waitForLine = (re: RegExp) =>
    new Promise<RegExpMatchArray>((ok, fail) => {
      const timer = setTimeout(() => (waiters.delete(check), fail(new Error(`no line matching ${re} within ${START_TIMEOUT_MS} ms; output:\n${all}`))), START_TIMEOUT_MS);
      const check = () => {
        for (const l of lines) {
          const m = l.match(re);
          if (m) return (clearTimeout(timer), waiters.delete(check), ok(m));
        }
        if (exitInfo) (clearTimeout(timer), waiters.delete(check), fail(new Error(`netstage serve ${exitInfo} before printing ${re}; output:\n${all}`)));
      };
      waiters.add(check);
      check();
    });
  const stop = async () => {
    if (exitInfo) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const [, base] = await waitForLine(SERVING);
    const [, username, password] = await waitForLine(DEMO_SIGN_IN);
    const live = join(dir, 'root/etc/network/interfaces');
    return {
      base,
      username,
      password,
      dir,
      live,
      staged: join(dir, 'root/etc/network/interfaces.new'),
      nics: ['eth0', 'eth1', 'eth2', 'eth3'],
      liveAtStart: await readFile(live),
      output: () => all,
      stop,
      dispose: async () => {
        await stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await stop();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
