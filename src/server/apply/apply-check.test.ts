/**
 * What the panel's Apply button relies on: the precheck on its own (enabled, or disabled with the
 * reason), and a confirmation that only counts over a connection opened after the apply.
 */
import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReloadResult } from '../system';
import { makeTestApp, type TestApp } from '../testing';

const LIVE = 'auto lo\niface lo inet loopback\n\niface eth0 inet manual\n';
const STAGED = `${LIVE}\nauto vmbr0\niface vmbr0 inet static\n\taddress 198.51.100.1/24\n\tbridge-ports eth0\n\tbridge-stp off\n\tbridge-fd 0\n`;

let t: TestApp;
afterEach(async () => t?.close());

const reloadOk = () => ({ reload: async (): Promise<ReloadResult> => ({ ran: true, argv: ['fake-reload'], exitCode: 0, output: '' }) });

describe('GET /network/apply/check', () => {
  it('ok for a clean staged file, with which checks ran', async () => {
    t = await makeTestApp({ live: LIVE, staged: STAGED });
    expect((await t.call('GET', '/api/v1/network/apply/check')).json()).toMatchObject({ ok: true, digest: await t.digest(), check: { tool: 'engine' } });
  });

  it('not ok, with the reason and the diagnostics, for a staged file with errors; nothing changes', async () => {
    t = await makeTestApp({ live: LIVE, staged: `${LIVE}\nauto bond0\niface bond0 inet maunal\n\tbond-slaves eth0\n` });
    const body = (await t.call('GET', '/api/v1/network/apply/check')).json();
    expect(body).toMatchObject({ ok: false, code: 'invalid-config', message: expect.stringContaining('Not applied'), diagnostics: [expect.objectContaining({ rule: 'unknown-method' })] });
    expect((await t.live()).toString()).toBe(LIVE);
  });

  it('not ok when nothing is staged', async () => {
    t = await makeTestApp({ live: LIVE });
    expect((await t.call('GET', '/api/v1/network/apply/check')).json()).toMatchObject({ ok: false, code: 'nothing-staged' });
  });
});

describe('the confirmation needs a new connection', () => {
  it('the apply answer closes its connection; a confirm over a connection open before the apply is refused, a new one works', async () => {
    t = await makeTestApp({ live: LIVE, staged: STAGED, system: reloadOk });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const send = (agent: Agent, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
        const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers: { ...t.auth, ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
        });
        req.on('error', fail);
        req.end(body);
      });
    const old = new Agent({ keepAlive: true, maxSockets: 1 });
    const fresh = new Agent({ keepAlive: false });
    try {
      const digest = JSON.parse((await send(old, 'GET', '/api/v1/network')).body).digest as string; // opens the old connection
      const applied = await send(fresh, 'POST', '/api/v1/network/apply', { 'if-match': `"${digest}"` }, '{"confirmWithinSeconds":60}');
      expect(applied.status, applied.body).toBe(200);
      expect(applied.headers.connection).toBe('close');
      const id = JSON.parse(applied.body).applyId as string;
      const stale = await send(old, 'POST', `/api/v1/network/apply/${id}/confirm`, {}, '{}');
      expect(stale.status, stale.body).toBe(409);
      expect(JSON.parse(stale.body).error.code).toBe('old-connection');
      const ok = await send(fresh, 'POST', `/api/v1/network/apply/${id}/confirm`, {}, '{}');
      expect(ok.status, ok.body).toBe(200);
      expect(JSON.parse(ok.body).record.status).toBe('confirmed');
    } finally {
      old.destroy();
      fresh.destroy();
    }
  });
});
