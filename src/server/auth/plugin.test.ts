/**
 * Sign-in, sessions, CSRF/Origin checks and limits, through app.inject on a small app with the
 * real plugins (see testing.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildTestApp, cookiePair, type TestApp } from './testing';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

const MIN = 60_000;

async function signIn(app: TestApp['app'], opts: { username?: string; password?: string; cookie?: string; ip?: string; origin?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  return app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: opts.username ?? 'admin', password: opts.password ?? ADMIN_PASSWORD },
    headers,
    remoteAddress: opts.ip ?? '192.0.2.1',
  });
}

/** Signed in: the cookie to send back and the CSRF token. */
async function session(app: TestApp['app']) {
  const r = await signIn(app);
  expect(r.statusCode).toBe(200);
  return { cookie: cookiePair(r.headers['set-cookie']), csrf: r.json().csrfToken as string };
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the user and a CSRF token; no delay', async () => {
    t = await buildTestApp();
    const r = await signIn(t.app);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toEqual({ username: 'admin', csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const set = r.headers['set-cookie'];
    expect(typeof set).toBe('string');
    expect(set).toMatch(/^netstage_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(cookiePair(set).split('=')[1]).not.toBe(body.csrfToken);
    expect(t.delays).toEqual([]);
    // The cookie signs the browser in.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie: cookiePair(set) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: 'admin' });
  });

  it('adds Secure to the cookie when secureCookie is set', async () => {
    t = await buildTestApp({ secureCookie: true });
    const r = await signIn(t.app);
    expect(r.headers['set-cookie']).toMatch(/^netstage_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('answers a wrong password and an unknown user byte for byte the same, after the delay', async () => {
    t = await buildTestApp();
    // Different client addresses, so even the rate-limit counters in the headers are equal.
    const wrong = await signIn(t.app, { password: 'not the password', ip: '192.0.2.10' });
    const unknown = await signIn(t.app, { username: 'nobody', password: ADMIN_PASSWORD, ip: '192.0.2.11' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'bad-credentials', message: 'Wrong user name or password.' } });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.rawPayload.equals(wrong.rawPayload)).toBe(true);
    const { date: _d1, ...wh } = wrong.headers;
    const { date: _d2, ...uh } = unknown.headers;
    expect(uh).toEqual(wh);
    expect(wh['set-cookie']).toBeUndefined();
    expect(t.delays).toEqual([1000, 1000]);
  });

  it('does not answer a failed sign-in before the delay has passed', async () => {
    t = await buildTestApp();
    let release!: () => void;
    t.gate.promise = new Promise((r) => (release = r));
    for (const creds of [{ password: 'not the password' }, { username: 'nobody' }]) {
      const reached = new Promise<void>((r) => (t.gate.reached = r));
      let answered = false;
      const pending = signIn(t.app, creds).then((r) => {
        answered = true;
        return r;
      });
      await reached; // the route is inside delay()
      await new Promise((r) => setImmediate(r));
      expect(answered).toBe(false);
      release();
      expect((await pending).statusCode).toBe(401);
      t.gate.promise = new Promise((r) => (release = r));
    }
    expect(t.delays).toEqual([1000, 1000]);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    t = await buildTestApp();
    const r = await signIn(t.app, { origin: 'https://evil.example' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('origin');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect((await signIn(t.app, { origin: 'http://localhost:80' })).statusCode).toBe(200);
  });

  it('rejects a malformed body with 400 and signs nobody in', async () => {
    t = await buildTestApp();
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'admin' } });
    expect(r.statusCode).toBe(400);
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('the guard on /api/v1', () => {
  it('answers 401 without a session cookie, or with an unknown one, for GET and POST', async () => {
    t = await buildTestApp();
    for (const cookie of [undefined, 'netstage_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'other=1']) {
      for (const method of ['GET', 'POST'] as const) {
        const r = await t.app.inject({ method, url: '/api/v1/thing', headers: cookie ? { cookie } : {}, payload: method === 'POST' ? {} : undefined });
        expect(r.statusCode).toBe(401);
        expect(r.json().error.code).toBe('unauthenticated');
      }
    }
    // Also for a route that does not exist: nothing is revealed before sign-in.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/nope' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes, and activity keeps it alive', async () => {
    t = await buildTestApp();
    const { cookie } = await session(t.app);
    const get = () => t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie } });
    t.clock.advance(29 * MIN);
    expect((await get()).statusCode).toBe(200); // touches it
    t.clock.advance(29 * MIN);
    expect((await get()).statusCode).toBe(200);
    t.clock.advance(30 * MIN);
    const r = await get();
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('unauthenticated');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends a session 12 hours after sign-in, however active', async () => {
    t = await buildTestApp();
    const { cookie } = await session(t.app);
    const get = () => t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie } });
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      t.clock.advance(20 * MIN);
      expect((await get()).statusCode).toBe(200);
    }
    t.clock.advance(19 * MIN); // 11:59 after sign-in
    expect((await get()).statusCode).toBe(200);
    t.clock.advance(1 * MIN); // 12:00, one minute after the last request
    expect((await get()).statusCode).toBe(401);
  });

  it('requires the CSRF token on POST (403 when missing or wrong), not on GET', async () => {
    t = await buildTestApp();
    const { cookie, csrf } = await session(t.app);
    const post = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/thing', headers: { cookie, ...headers }, payload: { x: 1 } });
    for (const headers of <Record<string, string>[]>[{}, { 'x-csrf-token': 'wrong' }, { 'x-csrf-token': csrf.slice(0, -1) }, { 'x-csrf-token': '' }]) {
      const r = await post(headers);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('csrf');
    }
    const ok = await post({ 'x-csrf-token': csrf });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ user: 'admin', got: { x: 1 } });
    // Another session's token is no good either.
    const other = await session(t.app);
    expect((await post({ 'x-csrf-token': other.csrf })).statusCode).toBe(403);
    // GET needs no token.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a request from another origin even with the right token; the own origin passes', async () => {
    t = await buildTestApp();
    const { cookie, csrf } = await session(t.app);
    const post = (origin: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/thing', headers: { cookie, 'x-csrf-token': csrf, origin }, payload: {} });
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'http://localhost:8080', 'https://localhost', 'null']) {
      const r = await post(origin);
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('origin');
    }
    expect((await post('http://localhost')).statusCode).toBe(200);
    expect((await post('http://LOCALHOST:80')).statusCode).toBe(200);
  });

  it('behind a TLS proxy: accepts https://<host> when secureCookie is set, and configured origins', async () => {
    t = await buildTestApp({ secureCookie: true, allowedOrigins: ['https://panel.example.org'] });
    const { cookie, csrf } = await session(t.app);
    // The proxy passes the browser's Host header through, but talks plain HTTP to the panel.
    const post = (origin: string, host = 'panel.lan') =>
      t.app.inject({ method: 'POST', url: '/api/v1/thing', headers: { cookie, 'x-csrf-token': csrf, origin, host }, payload: {} });
    expect((await post('https://panel.lan')).statusCode).toBe(200);
    expect((await post('https://panel.lan', 'panel.lan:8443')).statusCode).toBe(403);
    expect((await post('https://panel.example.org', '127.0.0.1:8080')).statusCode).toBe(200);
    expect((await post('https://other.example.org')).statusCode).toBe(403);
    // Without secureCookie, https://<host> is another origin than this plain-HTTP server.
    await t.close();
    t = await buildTestApp();
    const plain = await session(t.app);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/thing',
      headers: { cookie: plain.cookie, 'x-csrf-token': plain.csrf, origin: 'https://panel.lan', host: 'panel.lan' },
      payload: {},
    });
    expect(r.statusCode).toBe(403);
  });

  it('catches a protected route reached through a path variant the router accepts', async () => {
    t = await buildTestApp({ fastify: { routerOptions: { ignoreDuplicateSlashes: true, ignoreTrailingSlash: true } } });
    for (const url of ['//api/v1/thing', '/api//v1/thing', '/api/v1/thing/', '/api/v1/thing?x=1']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(401);
    }
  });

  it('leaves routes outside the prefix alone', async () => {
    t = await buildTestApp();
    const page = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/netstage/);
    expect((await t.app.inject({ method: 'POST', url: '/outside', payload: {} })).statusCode).toBe(200);
  });
});

describe('session routes', () => {
  it('GET /session gives the user and CSRF token back after a reload', async () => {
    t = await buildTestApp();
    const { cookie, csrf } = await session(t.app);
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ username: 'admin', csrfToken: csrf });
  });

  it('sign-out ends the session and clears the cookie', async () => {
    t = await buildTestApp();
    const { cookie, csrf } = await session(t.app);
    const noToken = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie } })).statusCode).toBe(200);

    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    expect(out.headers['set-cookie']).toMatch(/^netstage_session=; Max-Age=0; .*Path=\/; HttpOnly; SameSite=Strict$/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);
    // Signing out again (the session is gone) is harmless.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(204);
  });

  it('gives a new session id on every sign-in and ends the one the browser sent', async () => {
    t = await buildTestApp();
    const first = await session(t.app);
    const again = await signIn(t.app, { cookie: first.cookie });
    expect(again.statusCode).toBe(200);
    const second = cookiePair(again.headers['set-cookie']);
    expect(second).not.toBe(first.cookie);
    expect(again.json().csrfToken).not.toBe(first.csrf);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/thing', headers: { cookie: second } })).statusCode).toBe(200);
  });
});

describe('limits', () => {
  it('answers 429 with Retry-After after 10 sign-in attempts a minute from one address', async () => {
    t = await buildTestApp();
    for (let i = 0; i < 10; i++) {
      // Distinct unknown names: only the per-address limit can trip.
      expect((await signIn(t.app, { username: `guess${i}`, ip: '198.51.100.7' })).statusCode).toBe(401);
    }
    const r = await signIn(t.app, { ip: '198.51.100.7' }); // even the right password
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('rate-limited');
    expect(r.json().error.message).toMatch(/^Too many sign-in attempts from your address\. Try again in \d+ seconds?\.$/);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(r.headers['set-cookie']).toBeUndefined();
    // Another address is not affected.
    expect((await signIn(t.app, { ip: '198.51.100.8' })).statusCode).toBe(200);
  });

  it('locks a user name for 15 minutes after 5 failures, even for the right password, from any address', async () => {
    t = await buildTestApp();
    for (let i = 0; i < 5; i++) {
      expect((await signIn(t.app, { password: `wrong-${i}-password`, ip: `203.0.113.${i}` })).statusCode).toBe(401);
    }
    const locked = await signIn(t.app, { ip: '203.0.113.50' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('too-many-failures');
    expect(locked.json().error.message).toBe('Too many failed sign-ins for this user name. Try again in 15 minutes.');
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.headers['set-cookie']).toBeUndefined();
    // Other users can still sign in.
    await t.users.set('operator', 'another password');
    expect((await signIn(t.app, { username: 'operator', password: 'another password', ip: '203.0.113.51' })).statusCode).toBe(200);

    t.clock.advance(14 * MIN);
    const stillLocked = await signIn(t.app, { ip: '203.0.113.52' });
    expect(stillLocked.statusCode).toBe(429);
    expect(stillLocked.headers['retry-after']).toBe('60');
    t.clock.advance(1 * MIN);
    expect((await signIn(t.app, { ip: '203.0.113.53' })).statusCode).toBe(200);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    t = await buildTestApp();
    for (let i = 0; i < 4; i++) expect((await signIn(t.app, { password: 'wrong password', ip: `203.0.113.${i}` })).statusCode).toBe(401);
    expect((await signIn(t.app, { ip: '203.0.113.9' })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(t.app, { password: 'wrong password', ip: `203.0.113.${20 + i}` })).statusCode).toBe(401);
    expect((await signIn(t.app, { ip: '203.0.113.30' })).statusCode).toBe(200);
  });
});
