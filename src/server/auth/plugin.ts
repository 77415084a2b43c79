/**
 * Sign-in for the API: the session routes and the guard in front of every other route under
 * the prefix. Routes outside the prefix (the UI's static files) are left alone.
 *
 *   POST   {prefix}/session   {username, password} → cookie + {username, csrfToken}
 *   GET    {prefix}/session   → {username, csrfToken} of the live session (the cookie is HttpOnly)
 *   DELETE {prefix}/session   → sign out, 204
 *
 * The guard runs as a preParsing hook: after every onRequest hook (so security headers and rate
 * limits apply to its 401/403 answers whatever the order plugins were registered in) and before
 * the body is parsed (an unauthenticated request never gets its body read). For a request under
 * the prefix it checks, in this order:
 *   1. an Origin header, when sent, is this server's own origin (or one of `allowedOrigins`)
 *      → else 403 `origin`
 *   2. (not for the session routes) a live session cookie → else 401 `unauthenticated`
 *   3. (not GET/HEAD/OPTIONS) X-CSRF-Token equals the session's token → else 403 `csrf`
 * and then sets `request.user` and `request.session` for the route.
 *
 * Failed sign-ins: the same 401 for an unknown user and a wrong password, answered after
 * `delay(failureDelayMs)`. Limits: per client address (@fastify/rate-limit on POST /session) and
 * per user name (failures in a window; when reached, even the right password gets 429 until the
 * window ends).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { credentialsSchema, sessionInfoSchema } from '../../schema/session';
import { forbidden, HttpError, unauthorized } from '../errors';
import type { Session, SessionStore } from './sessions';
import type { UserStore } from './users';

export const SESSION_COOKIE = 'netstage_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthUser {
  readonly username: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, on routes under the API prefix (from preParsing on); null elsewhere. */
    user: AuthUser | null;
    /** Their session (its csrfToken included); null where `user` is null. */
    session: Session | null;
  }
}

export interface RateWindow {
  readonly max: number;
  readonly windowMs: number;
}

export interface AuthPluginOptions {
  users: Pick<UserStore, 'verify'>;
  sessions: SessionStore;
  /**
   * Add `Secure` to the cookie: true when the browser reaches the panel over HTTPS (directly or
   * through a TLS proxy). Then `https://<Host header>` also counts as the panel's own origin.
   */
  secureCookie: boolean;
  /**
   * Further origins the panel is reached at, e.g. `https://panel.example.org` behind a proxy that
   * does not pass the Host header through. The request's own origin is always accepted.
   */
  allowedOrigins?: readonly string[];
  /** How a failed sign-in waits (default: a real timer). */
  delay?: (ms: number) => Promise<void>;
  /** How long a failed sign-in waits before its 401 (default 1000 ms). */
  failureDelayMs?: number;
  /** The API prefix the guard protects (default `/api/v1`). */
  prefix?: string;
  /** Clock of the per-user limit (default: the session store's clock). */
  now?: () => number;
  /** Sign-in attempts per client address (default 10 per minute). */
  ipLimit?: RateWindow;
  /** Failed sign-ins per user name (default 5 per 15 minutes). */
  userLimit?: RateWindow;
}

export const BAD_CREDENTIALS_MESSAGE = 'Wrong user name or password.';

const badCredentials = () => new HttpError(401, 'bad-credentials', BAD_CREDENTIALS_MESSAGE);

function inWords(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The signed-in user of a route under the prefix (the guard has run): throws 401 otherwise. */
export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw unauthorized();
  return request.user;
}

/** Every value of cookie `name` in a Cookie header (a cookie can be sent twice, e.g. set for a parent domain too). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let v = part.slice(eq + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    out.push(v);
  }
  return out;
}

const sha = (s: string) => createHash('sha256').update(s).digest();
/** Constant-time string comparison (of digests, so the lengths need not match). */
const sameSecret = (a: string, b: string) => timingSafeEqual(sha(a), sha(b));

/** `scheme://host[:port]` as the URL standard serializes it, or undefined when it is not an http(s) origin. */
function normalOrigin(s: string): string | undefined {
  try {
    const u = new URL(s);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== `${u.protocol}//${u.host}`) return undefined;
    if (u.pathname !== '/' || u.search || u.hash || u.username || u.password) return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}

/** A pure path (no query), duplicate slashes collapsed, lower case: only for deciding "under the prefix?". */
const plainPath = (url: string) => url.split('?', 1)[0].replace(/\/{2,}/g, '/').toLowerCase();

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);


async function authPluginImpl(app: FastifyInstance, opts: AuthPluginOptions): Promise<void> {
  const prefix = (opts.prefix ?? '/api/v1').replace(/\/+$/, '');
  const sessionRoute = `${prefix}/session`;
  const { users, sessions, secureCookie } = opts;
  const allowedOrigins = new Set<string>();
  for (const o of opts.allowedOrigins ?? []) {
    const n = normalOrigin(o);
    if (!n) throw new Error(`auth: allowedOrigins: "${o}" is not an origin like https://panel.example.org`);
    allowedOrigins.add(n);
  }
  /** Origins this request may come from: its own (as seen here, or over HTTPS when secureCookie), and the configured ones. */
  function originAllowed(request: FastifyRequest, origin: string): boolean {
    const n = normalOrigin(origin);
    if (n === undefined) return false;
    if (allowedOrigins.has(n)) return true;
    if (n === normalOrigin(`${request.protocol}://${request.host}`)) return true;
    return secureCookie && n === normalOrigin(`https://${request.host}`);
  }
  const delay = opts.delay ?? ((ms: number) => sleep(ms).then(() => {}));
  const failureDelayMs = opts.failureDelayMs ?? 1000;
  const now = opts.now ?? (() => sessions.now());
  const ipLimit = opts.ipLimit ?? { max: 10, windowMs: 60_000 };
  const userLimit = opts.userLimit ?? { max: 5, windowMs: 15 * 60_000 };

  const cookieTail = `; Path=/; HttpOnly; SameSite=Strict${secureCookie ? '; Secure' : ''}`;
  const setSessionCookie = (reply: FastifyReply, id: string) => reply.header('set-cookie', `${SESSION_COOKIE}=${id}${cookieTail}`);
  const clearSessionCookie = (reply: FastifyReply) =>
    reply.header('set-cookie', `${SESSION_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${cookieTail}`);

  /** The live session of the request's cookie, if any. */
  function sessionOf(request: FastifyRequest): Session | undefined {
    for (const id of cookieValues(request.headers.cookie, SESSION_COOKIE)) {
      const s = sessions.get(id);
      if (s) return s;
    }
    return undefined;
  }

  // ---- per user name: failures in a fixed window from the first failure -------------------
  const failures = new Map<string, { count: number; since: number }>();
  const MAX_TRACKED = 10_000;

  function lockedFor(username: string): number {
    const f = failures.get(username);
    if (!f) return 0;
    const left = f.since + userLimit.windowMs - now();
    if (left <= 0) {
      failures.delete(username);
      return 0;
    }
    return f.count >= userLimit.max ? left : 0;
  }

  function recordFailure(username: string): void {
    const t = now();
    const f = failures.get(username);
    if (f && t - f.since < userLimit.windowMs) {
      f.count++;
      return;
    }
    failures.delete(username);
    if (failures.size >= MAX_TRACKED) {
      for (const [k, v] of failures) if (t - v.since >= userLimit.windowMs) failures.delete(k);
      // Still full: forget the oldest entries rather than grow without bound.
      while (failures.size >= MAX_TRACKED) failures.delete(failures.keys().next().value!);
    }
    failures.set(username, { count: 1, since: t });
  }

  // ---- the guard -----------------------------------------------------------------------------
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);

  const underPrefix = (path: string) => path === prefix || path.startsWith(`${prefix}/`);

  app.addHook('preParsing', async (request) => {
    // The matched route decides; for a 404 the path does (normalized, so `//api/v1` is caught too).
    const route = request.routeOptions.url;
    if (!(route !== undefined ? underPrefix(route) : underPrefix(plainPath(request.url)))) return;

    const origin = request.headers.origin;
    if (origin !== undefined && (typeof origin !== 'string' || !originAllowed(request, origin))) {
      throw forbidden('origin', 'This request comes from another site (its Origin header is not this server): refused.');
    }
    if (route === sessionRoute) return; // the session routes handle sessions themselves

    const session = sessionOf(request);
    if (!session) throw unauthorized('Sign in first (no session, or it has expired).');
    if (!SAFE_METHODS.has(request.method)) {
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !sameSecret(token, session.csrfToken))
        throw forbidden('csrf', 'Missing or wrong X-CSRF-Token header: reload the page and try again.');
    }
    request.session = session;
    request.user = { username: session.username };
  });

  // ---- the session routes (own context: rate-limit and zod compilers stay inside) -------------
  await app.register(async (child) => {
    if (!child.hasDecorator('rateLimit')) await child.register(rateLimit, { global: false });
    child.setValidatorCompiler(validatorCompiler);
    child.setSerializerCompiler(serializerCompiler);
    const r = child.withTypeProvider<ZodTypeProvider>();

    r.post(
      sessionRoute,
      {
        schema: { body: credentialsSchema, response: { 200: sessionInfoSchema } },
        config: {
          rateLimit: {
            max: ipLimit.max,
            timeWindow: ipLimit.windowMs,
            errorResponseBuilder: (_req, ctx) => {
              const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
              return new HttpError(
                429,
                'rate-limited',
                `Too many sign-in attempts from your address. Try again in ${inWords(seconds)}.`,
                { retryAfter: seconds },
              );
            },
          },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const locked = lockedFor(username);
        if (locked > 0) {
          const seconds = Math.ceil(locked / 1000);
          reply.header('retry-after', String(seconds));
          throw new HttpError(
            429,
            'too-many-failures',
            `Too many failed sign-ins for this user name. Try again in ${inWords(seconds)}.`,
            { retryAfter: seconds },
          );
        }
        if (!(await users.verify(username, password))) {
          recordFailure(username);
          await delay(failureDelayMs);
          throw badCredentials();
        }
        failures.delete(username);
        // Rotation: a new id on every sign-in; the session the browser had is ended.
        for (const old of cookieValues(request.headers.cookie, SESSION_COOKIE)) sessions.destroy(old);
        const session = sessions.create(username);
        setSessionCookie(reply, session.id);
        return { username: session.username, csrfToken: session.csrfToken };
      },
    );

    r.get(sessionRoute, { schema: { response: { 200: sessionInfoSchema } } }, async (request) => {
      const session = sessionOf(request);
      if (!session) throw unauthorized('Not signed in (no session, or it has expired).');
      return { username: session.username, csrfToken: session.csrfToken };
    });

    r.delete(sessionRoute, async (request, reply) => {
      const session = sessionOf(request);
      if (session) {
        const token = request.headers[CSRF_HEADER];
        if (typeof token !== 'string' || !sameSecret(token, session.csrfToken))
          throw forbidden('csrf', 'Missing or wrong X-CSRF-Token header: reload the page and try again.');
      }
      for (const id of cookieValues(request.headers.cookie, SESSION_COOKIE)) sessions.destroy(id);
      clearSessionCookie(reply);
      return reply.code(204).send();
    });
  });
}

/** What an app passes through from its own dependencies (it adds the prefix). */
export type AuthDeps = Omit<AuthPluginOptions, 'prefix'>;

/** Register once, at the root (fastify-plugin: the guard covers the whole app), after securityHeaders. */
export const auth = fp(authPluginImpl, { fastify: '5.x', name: 'netstage-auth' });
export { auth as authPlugin };
export default auth;
