/**
 * Test support: an app on a temp root with one signed-in user, and helpers to call it the way the
 * panel does (session cookie, CSRF token, If-Match with the current digest).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './app';
import { createSessionStore } from './auth/sessions';
import { createUserStore } from './auth/users';
import { networkFiles } from './storage';
import type { ApplyService } from './apply/service';
import type { Clock } from './apply/clock';
import { hostSystem, type SystemAdapter } from './system';

export const TEST_USER = 'admin';
export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  app: FastifyInstance;
  root: string;
  files: ReturnType<typeof networkFiles>;
  stateDir: string;
  /** The app's apply service (wait on `apply.settled()` after moving the clock). */
  apply: ApplyService;
  /** Headers of a signed-in panel: cookie and CSRF token. */
  auth: Record<string, string>;
  /** GET /network's digest now. */
  digest(): Promise<string>;
  /** A request as the signed-in panel sends it; `ifMatch: true` adds the current digest. */
  call(method: InjectOptions['method'], url: string, body?: unknown, opts?: { ifMatch?: string | true; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  live(): Promise<Buffer>;
  staged(): Promise<Buffer | null>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  live?: string | Buffer;
  staged?: string | Buffer;
  /** Physical NICs in the fake sys/class/net (default eth0-eth3). */
  nics?: string[];
  lockTimeoutMs?: number;
  /** Replace parts of the host adapter (checks and reload are off by default: no ifupdown2, nothing reloaded). */
  system?: Partial<SystemAdapter> | ((root: string) => Partial<SystemAdapter>);
  clock?: Clock;
  /** The root folder to use (default: a new temp folder); removed by close() all the same. */
  root?: string;
  /** The state folder (default `<root>/state`), e.g. shared with a second app to play a restart. */
  stateDir?: string;
}

export async function makeTestApp(o: TestAppOptions = {}): Promise<TestApp> {
  const root = o.root ?? (await mkdtemp(join(tmpdir(), 'netstage-api-')));
  const files = networkFiles(root);
  await mkdir(join(root, 'etc/network'), { recursive: true });
  if (o.live !== undefined) await writeFile(files.live, o.live);
  if (o.staged !== undefined) await writeFile(files.staged, o.staged);
  for (const nic of o.nics ?? ['eth0', 'eth1', 'eth2', 'eth3']) {
    await mkdir(join(root, 'sys/class/net', nic, 'device'), { recursive: true });
    await writeFile(join(root, 'sys/class/net', nic, 'operstate'), 'up\n');
  }
  const stateDir = o.stateDir ?? join(root, 'state');
  const users = createUserStore(stateDir, { scrypt: { N: 1024, r: 8, p: 1 } });
  await users.set(TEST_USER, TEST_PASSWORD);
  let apply!: ApplyService;
  const app = await buildApp({
    root,
    stateDir,
    system: { ...hostSystem(root, { ifup: null, reloadCommand: null, templatesByDefault: false }), ...(typeof o.system === 'function' ? o.system(root) : o.system) },
    clock: o.clock,
    onApplyService: (a) => (apply = a),
    auth: { users, sessions: createSessionStore(), secureCookie: false, delay: async () => {}, failureDelayMs: 0 },
    lockTimeoutMs: o.lockTimeoutMs,
  });
  const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: TEST_USER, password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`test sign-in failed: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'netstage_session');
  const auth = { cookie: `netstage_session=${cookie?.value}`, 'x-csrf-token': login.json().csrfToken as string };
  const t: TestApp = {
    app,
    root,
    files,
    stateDir,
    apply,
    auth,
    async digest() {
      const res = await app.inject({ method: 'GET', url: '/api/v1/network', headers: auth });
      return res.json().digest as string;
    },
    async call(method, url, body, opts = {}) {
      const headers: Record<string, string> = { ...auth, ...opts.headers };
      if (opts.ifMatch) headers['if-match'] = `"${opts.ifMatch === true ? await t.digest() : opts.ifMatch}"`;
      return app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
    },
    live: () => readFile(files.live),
    staged: () => readFile(files.staged).catch(() => null),
    async close() {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
  return t;
}
