/**
 * Test helpers for the auth and security plugins: a small app with both plugins, a protected GET
 * and POST under /api/v1, an unprotected page outside it, a hand-driven clock and a delay that
 * only records (or waits for a gate the test opens).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { HttpError } from '../errors';
import { securityHeaders } from '../security/headers';
import { auth, type AuthPluginOptions } from './plugin';
import { createSessionStore, type SessionStore } from './sessions';
import { createUserStore, type UserStore } from './users';

/** Cheap scrypt for tests (the format and code path are the real ones). */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const ADMIN_PASSWORD = 'correct horse battery';

export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2025, 0, 1)): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

/** Stand-in for the lead's error handler: HttpError → `{ error: { code, message, ...details } }`. */
export function testErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof HttpError) return reply.status(err.status).send({ error: { ...err.details, code: err.code, message: err.message } });
    if (err.validation) return reply.status(400).send({ error: { code: 'invalid-input', message: err.message } });
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    return reply.status(status).send({ error: { code: String(err.code ?? 'internal').toLowerCase(), message: err.message } });
  });
}

export interface TestApp {
  app: FastifyInstance;
  users: UserStore;
  sessions: SessionStore;
  clock: Clock;
  /** Every delay asked for, in ms. */
  delays: number[];
  /** While set, delay() waits for this promise. */
  gate: { promise?: Promise<void>; reached?: () => void };
  dir: string;
  close(): Promise<void>;
}

export async function buildTestApp(
  opts: Partial<AuthPluginOptions> & { fastify?: FastifyServerOptions } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'netstage-auth-'));
  const clock = fakeClock();
  const users = createUserStore(join(dir, 'state'), { scrypt: TEST_SCRYPT });
  await users.set('admin', ADMIN_PASSWORD);
  const sessions = createSessionStore({ now: clock.now });
  const delays: number[] = [];
  const gate: TestApp['gate'] = {};
  const app = Fastify({ logger: false, ...opts.fastify });
  testErrorHandler(app);
  await app.register(securityHeaders);
  await app.register(auth, {
    users,
    sessions,
    secureCookie: false,
    failureDelayMs: 1000,
    now: clock.now,
    ...opts,
    delay: async (ms) => {
      delays.push(ms);
      gate.reached?.();
      if (gate.promise) await gate.promise;
    },
  });
  app.get('/api/v1/thing', async (request) => ({ user: request.user?.username ?? null }));
  app.post('/api/v1/thing', async (request) => ({ user: request.user?.username ?? null, got: request.body ?? null }));
  app.get('/index.html', async (_request, reply) => reply.type('text/html').send('<!doctype html><title>netstage</title>'));
  app.post('/outside', async () => ({ ok: true }));
  await app.ready();
  return {
    app,
    users,
    sessions,
    clock,
    delays,
    gate,
    dir,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` part of a Set-Cookie header, for sending back in Cookie. */
export function cookiePair(setCookie: string | string[] | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!first) throw new Error('no Set-Cookie header');
  return first.split(';', 1)[0];
}
