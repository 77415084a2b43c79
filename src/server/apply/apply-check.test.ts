/**
 * What the panel's Apply button relies on: the precheck on its own (enabled, or disabled with the
 * reason), and a confirmation that only counts over a connection opened after the apply.
 */
import { request as httpRequest, Agent } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
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
  it('the apply closes idle connections and its own; a confirm over a connection busy since before the apply is refused, a new one works', async () => {
    t = await makeTestApp({ live: LIVE, staged: STAGED, system: reloadOk });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const headers = Object.entries({ ...t.auth, host: `127.0.0.1:${port}` }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    const fresh = new Agent({ keepAlive: false });
    const send = (method: string, path: string, extra: Record<string, string> = {}, body?: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((done, fail) => {
        const req = httpRequest({ host: '127.0.0.1', port, method, path, agent: fresh, headers: { ...t.auth, ...extra, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
        });
        req.on('error', fail);
        req.end(body);
      });
    // A connection opened before the apply and kept busy (a request half sent), as a browser's may be.
    const old = connect(port, '127.0.0.1');
    let received = '';
    old.on('data', (c) => (received += c));
    await new Promise((r) => old.once('connect', r));
    old.write('GET /api/v1/network HTTP/1.1\r\n');
    try {
      const digest = await t.digest();
      const applied = await send('POST', '/api/v1/network/apply', { 'if-match': `"${digest}"` }, '{"confirmWithinSeconds":60}');
      expect(applied.status, applied.body).toBe(200);
      expect(applied.headers.connection).toBe('close');
      const id = JSON.parse(applied.body).applyId as string;
      // Finish the GET and send the confirm over that same old connection.
      const confirm = `POST /api/v1/network/apply/${id}/confirm HTTP/1.1\r\n${headers}content-type: application/json\r\ncontent-length: 2\r\n\r\n{}`;
      old.write(`${headers}\r\n${confirm}`);
      await new Promise((r) => old.once('close', r)); // the refusal closes it
      const answers = received.split(/(?=HTTP\/1\.1 )/);
      expect(answers.map((a) => a.slice(9, 12))).toEqual(['200', '409']);
      expect(answers[1]).toContain('old-connection');
      const ok = await send('POST', `/api/v1/network/apply/${id}/confirm`, {}, '{}');
      expect(ok.status, ok.body).toBe(200);
      expect(JSON.parse(ok.body).record.status).toBe('confirmed');
    } finally {
      old.destroy();
      fresh.destroy();
    }
  });
});
