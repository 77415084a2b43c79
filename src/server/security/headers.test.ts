/** Security headers on successful, refused and missing-route responses (through the real plugins). */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../auth/testing';
import { securityHeaders } from './headers';

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self';" +
  "font-src 'self';frame-ancestors 'none';base-uri 'self';form-action 'self';object-src 'none'";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function expectSecurityHeaders(headers: Record<string, unknown>) {
  expect(headers['content-security-policy']).toBe(CSP);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', () => {
  it('are on a page, an API 200, a 401, a 404 and a 429', async () => {
    t = await buildTestApp({ ipLimit: { max: 1, windowMs: 60_000 } });
    const page = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(page.statusCode).toBe(200);
    expectSecurityHeaders(page.headers);
    expect(page.headers['cache-control']).toBeUndefined();

    const signIn = () => t!.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'admin', password: 'correct horse battery' } });
    const ok = await signIn();
    expect(ok.statusCode).toBe(200);
    expectSecurityHeaders(ok.headers);
    expect(ok.headers['cache-control']).toBe('no-store');

    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/thing' });
    expect(denied.statusCode).toBe(401);
    expectSecurityHeaders(denied.headers);
    expect(denied.headers['cache-control']).toBe('no-store');

    const missing = await t.app.inject({ method: 'GET', url: '/no/such/page' });
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing.headers);

    const limited = await signIn();
    expect(limited.statusCode).toBe(429);
    expectSecurityHeaders(limited.headers);
    expect(limited.headers['cache-control']).toBe('no-store');
  });

  it('add HSTS only when told the panel is served over TLS', async () => {
    const app = Fastify();
    await app.register(securityHeaders, { hsts: true });
    app.get('/', async () => 'ok');
    const r = await app.inject({ method: 'GET', url: '/' });
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    await app.close();
  });
});
