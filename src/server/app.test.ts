import { hostname } from 'node:os';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './testing';

const LIVE = 'auto lo\niface lo inet loopback\n\niface eth0 inet manual\n';
const vmbr1 = { kind: 'bridge', form: { name: 'vmbr1', autostart: true, ports: ['eth0'], ipv4: { cidr: '10.60.0.1/24', gateway: '' } } };

let t: TestApp;
afterEach(async () => t?.close());

describe('every route needs a session; writes need the CSRF token and a same-site origin', () => {
  const routes: [string, string][] = [
    ['GET', '/api/v1/network'],
    ['GET', '/api/v1/network/eth0'],
    ['POST', '/api/v1/network'],
    ['PUT', '/api/v1/network/eth0'],
    ['DELETE', '/api/v1/network/eth0'],
    ['GET', '/api/v1/network/changes'],
    ['DELETE', '/api/v1/network/changes'],
    ['DELETE', '/api/v1/network/changes/eth0'],
    ['POST', '/api/v1/network/setups/routed'],
    ['POST', '/api/v1/network/setups/nat'],
  ];

  it.each(routes)('%s %s: 401 without a session', async (method, url) => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it.each(routes.filter(([m]) => m !== 'GET'))('%s %s: 403 without the CSRF token, or from another origin', async (method, url) => {
    t = await makeTestApp({ live: LIVE, staged: `${LIVE}\n` });
    const staged = await t.staged();
    const noToken = await t.app.inject({ method: method as 'POST', url, headers: { cookie: t.auth.cookie, 'if-match': `"${await t.digest()}"` }, payload: vmbr1 });
    expect(noToken.statusCode).toBe(403);
    const crossSite = await t.call(method as 'POST', url, vmbr1, { ifMatch: true, headers: { origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
    expect(await t.staged()).toEqual(staged);
  });

  it('a same-origin Origin header is fine', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: true, headers: { origin: 'http://localhost:80', host: 'localhost:80' } });
    expect(res.statusCode).toBe(201);
  });
});

describe('errors', () => {
  it('404 for an unknown API route, as JSON with the security headers', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not-found');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('400 for a body that is not JSON', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/network', headers: { ...t.auth, 'content-type': 'application/json', 'if-match': `"${await t.digest()}"` }, payload: '{"kind":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/JSON/i);
  });

  it('409 while another process holds the lock, naming it; nothing written', async () => {
    t = await makeTestApp({ live: LIVE, lockTimeoutMs: 100 });
    const digest = await t.digest();
    // pid 1 is alive for as long as the test runs: a lock it "holds" is not stale.
    await writeFile(t.files.lock, JSON.stringify({ pid: 1, host: hostname(), since: new Date().toISOString(), token: 'someone-else' }));
    const res = await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: digest });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'locked', message: expect.stringContaining('pid 1') });
    expect(await t.staged()).toBeNull();
  });

  it('500 with a plain message and no stack when the staged path is unusable', async () => {
    t = await makeTestApp({ live: LIVE });
    await mkdir(t.files.staged); // a directory where the staged file should be
    const res = await t.call('GET', '/api/v1/network');
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(res.json().error.message).toContain('interfaces.new');
    expect(res.body).not.toMatch(/\n\s+at /);
  });

  it('refuses to write through a symlinked staged file', async () => {
    t = await makeTestApp({ live: LIVE });
    await writeFile(`${t.root}/elsewhere`, 'precious\n');
    await symlink(`${t.root}/elsewhere`, t.files.staged);
    const res = await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: `"${'0'.repeat(64)}"`.slice(1, -1) });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.json().error.message).toMatch(/link/i);
    expect(await readFile(`${t.root}/elsewhere`, 'utf8')).toBe('precious\n');
  });
});
