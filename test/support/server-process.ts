/**
 * Test support for real server processes: spawn `node bin/netstage.js serve …` (or `npm start`)
 * with an argument array, wait on the lines it prints, sign in over HTTP and call the API the way
 * the panel does (session cookie, X-CSRF-Token, If-Match). Every process started here is tracked
 * so `stopAll()` (call it in afterEach/afterAll) ends it even when a test failed.
 */
import { existsSync } from 'node:fs';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NETSTAGE_BIN = join(REPO, 'bin/netstage.js');

/** How long a process may take to print a line we wait for (tsx compiles the server at start). */
export const START_TIMEOUT_MS = 20_000;

export interface Child {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  /** The first stdout line (printed already or to come) matching `re`; rejects on exit or timeout. */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (to the whole process group for a detached child), SIGKILL if still alive after 5 s. */
  stop(): Promise<void>;
}

const running = new Set<Child>();

/** Stop every process started through this module and not stopped yet. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

/**
 * Start `command args…` (no shell). `detached` puts it in a process group of its own, so stop()
 * also ends what it started (npm → sh → node).
 */
export function spawnChild(command: string, args: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; detached?: boolean } = {}): Child {
  const proc = spawn(command, args, { cwd: opts.cwd ?? REPO, env: opts.env ?? process.env, detached: opts.detached ?? false, stdio: 'pipe' });
  const lines: string[] = [];
  let all = '';
  let done = false;
  const waiters = new Set<{ re: RegExp; ok: (m: RegExpMatchArray) => void; fail: (e: Error) => void }>();
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (all += c));
  createInterface({ input: proc.stdout }).on('line', (line) => {
    lines.push(line);
    all += `${line}\n`;
    for (const w of waiters) {
      const m = line.match(w.re);
      if (m) (waiters.delete(w), w.ok(m));
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    proc.on('close', (code, signal) => {
      done = true;
      running.delete(child);
      for (const w of waiters) w.fail(new Error(`${command} ${args.join(' ')} exited (code ${code}, signal ${signal}) before printing ${w.re}; output:\n${all}`));
      waiters.clear();
      ok({ code, signal });
    }),
  );
  const signal = (sig: NodeJS.Signals) => {
    if (done || proc.pid === undefined) return;
    try {
      if (opts.detached) process.kill(-proc.pid, sig);
      else proc.kill(sig);
    } catch {
      /* already gone */
    }
  };
  const child: Child = {
    proc,
    lines,
    exited,
    output: () => all,
    waitForLine: (re, timeoutMs = START_TIMEOUT_MS) =>
      new Promise((ok, fail) => {
        for (const l of lines) {
          const m = l.match(re);
          if (m) return ok(m);
        }
        if (done) return fail(new Error(`${command} already exited before printing ${re}; output:\n${all}`));
        const timer = setTimeout(() => {
          waiters.delete(w);
          fail(new Error(`no line matching ${re} within ${timeoutMs} ms; output so far:\n${all}`));
        }, timeoutMs);
        const w = { re, ok: (m: RegExpMatchArray) => (clearTimeout(timer), ok(m)), fail: (e: Error) => (clearTimeout(timer), fail(e)) };
        waiters.add(w);
      }),
    async stop() {
      if (done) return;
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(child);
  return child;
}

export interface Server {
  child: Child;
  /** `http://127.0.0.1:PORT` (no trailing slash), from the "serving … at URL" line. */
  base: string;
  /** What the "serving … at http://HOST:PORT/" line printed as host. */
  host: string;
  /** The demo's printed sign-in, for `--demo`. */
  signIn?: { username: string; password: string };
}

const SERVING = /^netstage: serving .* at (http:\/\/([^/]+):\d+)\/$/;
const DEMO_SIGN_IN = /^netstage: demo sign-in: (\S+) \/ (\S+)$/;

/** Wait until a started server printed its URL (and, for a demo, its sign-in). */
export async function serverOf(child: Child, demo = false): Promise<Server> {
  const [, base, host] = await child.waitForLine(SERVING);
  if (!demo) return { child, base, host };
  const [, username, password] = await child.waitForLine(DEMO_SIGN_IN);
  return { child, base, host, signIn: { username, password } };
}

/** `node bin/netstage.js serve ARGS…`, waited on until it listens. */
export async function startServe(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = spawnChild(process.execPath, [NETSTAGE_BIN, 'serve', ...args], { env: { ...process.env, ...env } });
  return serverOf(child, args.includes('--demo'));
}

export interface SignedIn {
  base: string;
  /** Headers of a signed-in panel: cookie and CSRF token. */
  headers: Record<string, string>;
  get(path: string): Promise<Response>;
  /** GET /network's digest now. */
  digest(): Promise<string>;
  /** A JSON request with the session; `ifMatch` goes in If-Match as a quoted digest. */
  send(method: string, path: string, body: unknown, ifMatch?: string): Promise<Response>;
}

/** POST /api/v1/session over real HTTP. */
export function postSession(base: string, username: string, password: string): Promise<Response> {
  return fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

export async function signIn(base: string, username: string, password: string): Promise<SignedIn> {
  const res = await postSession(base, username, password);
  if (res.status !== 200) throw new Error(`sign-in to ${base} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('netstage_session='));
  if (!cookie) throw new Error(`sign-in to ${base} set no netstage_session cookie`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie: cookie.split(';', 1)[0], 'x-csrf-token': csrfToken };
  const s: SignedIn = {
    base,
    headers,
    get: (path) => fetch(`${base}${path}`, { headers }),
    async digest() {
      const res = await s.get('/api/v1/network');
      if (res.status !== 200) throw new Error(`GET /network: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { digest: string }).digest;
    },
    send: (method, path, body, ifMatch) =>
      fetch(`${base}${path}`, {
        method,
        headers: { ...headers, 'content-type': 'application/json', ...(ifMatch ? { 'if-match': `"${ifMatch}"` } : {}) },
        body: JSON.stringify(body),
      }),
  };
  return s;
}

/** PUT body setting a plain NIC's IPv4 address (everything else empty / off). */
export function ethUpdate(name: string, cidr: string) {
  return { kind: 'eth', form: { name, autostart: false, ipv4: { cidr, gateway: '' }, ipv6: { cidr: '', gateway: '' }, comment: '' } };
}

export const LIVE_FILE = `auto lo
iface lo inet loopback

iface eth0 inet manual

iface eth1 inet manual

iface eth2 inet manual

iface eth3 inet manual
`;

/** A temp root: etc/network/interfaces (LIVE_FILE) and physical NICs eth0-eth3 in sys/class/net. */
export async function makeRoot(): Promise<{ dir: string; root: string; live: string; staged: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'netstage-proc-'));
  const root = join(dir, 'root');
  await mkdir(join(root, 'etc/network'), { recursive: true });
  await writeFile(join(root, 'etc/network/interfaces'), LIVE_FILE);
  for (const nic of ['eth0', 'eth1', 'eth2', 'eth3']) {
    await mkdir(join(root, 'sys/class/net', nic, 'device'), { recursive: true });
    await writeFile(join(root, 'sys/class/net', nic, 'operstate'), 'up\n');
  }
  return { dir, root, live: join(root, 'etc/network/interfaces'), staged: join(root, 'etc/network/interfaces.new') };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The file's bytes, or null when it does not exist. */
export const readOrNull = (path: string) => readFile(path).catch(() => null);

/**
 * What a freshly made demo must do (serve-demo and npm-start tests): local URL, the printed
 * sign-in works, the demo host's interfaces are listed, an edit is staged while the live file
 * stays as it was, and GET / is the page with a Content-Security-Policy.
 */
export async function checkDemo(server: Server, demoDir: string): Promise<void> {
  expect(server.host).toBe('127.0.0.1');
  expect(server.signIn?.username).toBe('admin');
  const s = await signIn(server.base, server.signIn!.username, server.signIn!.password);

  const res = await s.get('/api/v1/network');
  expect(res.status).toBe(200);
  const net = (await res.json()) as { digest: string; pending: boolean; interfaces: { name: string; type: string; bridge?: { ports: string[] } }[] };
  expect(res.headers.get('etag')).toBe(`"${net.digest}"`);
  expect(net.pending).toBe(false);
  expect(net.interfaces.map((m) => m.name)).toEqual(['lo', 'eth0', 'eth1', 'eth2', 'eth3', 'vmbr0']);
  const vmbr0 = net.interfaces.find((m) => m.name === 'vmbr0');
  expect(vmbr0?.type).toBe('bridge');
  expect(vmbr0?.bridge?.ports).toEqual(['eth0']);

  const live = join(demoDir, 'root/etc/network/interfaces');
  const liveBefore = await readFile(live);
  const put = await s.send('PUT', '/api/v1/network/eth1', ethUpdate('eth1', '10.9.0.2/24'), net.digest);
  expect(put.status, await put.clone().text()).toBe(200);
  expect(await readFile(live)).toEqual(liveBefore);
  expect(await readFile(join(demoDir, 'root/etc/network/interfaces.new'), 'utf8')).toContain('10.9.0.2/24');

  const page = await fetch(`${server.base}/`);
  const built = existsSync(join(REPO, 'dist/ui/index.html'));
  expect(page.status, 'GET / (503 means the panel is not built)').toBe(built ? 200 : 503);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await page.text()).toMatch(/^<!doctype html>/i);
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
}
