/**
 * `netstage serve --demo DIR`: what someone trying the panel sees. It prints a URL on this
 * machine only and a sign-in that works over real HTTP; the demo host lists its interfaces; an
 * edit is staged (the demo's live file never changes); the page comes with a CSP; a restart on
 * the same folder keeps the staged edit, the password and the signed-in session.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDemo, ethUpdate, postSession, signIn, startServe, stopAll } from '../support/server-process';

describe('netstage serve --demo', { timeout: 25_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netstage-demo-'));
  });
  afterEach(stopAll);
  afterAll(async () => {
    await stopAll();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a local URL and a sign-in that work, lists the demo host, stages edits, serves the page', async () => {
    const server = await startServe(['--demo', join(dir, 'demo'), '--port', '0']);
    expect(server.child.lines[0]).toBe(`netstage: made the demo host in ${join(dir, 'demo')}`);
    await checkDemo(server, join(dir, 'demo'));

    const wrong = await postSession(server.base, 'admin', `${server.signIn!.password}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('keeps the staged edit, the password and the signed-in session across a restart on the same folder', async () => {
    const first = await startServe(['--demo', join(dir, 'again'), '--port', '0']);
    const s1 = await signIn(first.base, 'admin', first.signIn!.password);
    const put = await s1.send('PUT', '/api/v1/network/eth2', ethUpdate('eth2', '10.8.0.2/24'), await s1.digest());
    expect(put.status, await put.clone().text()).toBe(200);
    await first.child.stop();

    const second = await startServe(['--demo', join(dir, 'again'), '--port', '0']);
    expect(second.child.lines[0]).toBe(`netstage: using the demo host in ${join(dir, 'again')}`);
    expect(second.signIn).toEqual(first.signIn);
    // The sign-in of the first process still works: sessions are saved in the state folder.
    const again = await fetch(`${second.base}/api/v1/network`, { headers: s1.headers });
    expect(again.status, 'the first process\'s session cookie on the second').toBe(200);
    const write = await fetch(`${second.base}/api/v1/network/eth3`, {
      method: 'PUT',
      headers: { ...s1.headers, 'content-type': 'application/json', 'if-match': `"${((await again.json()) as { digest: string }).digest}"` },
      body: JSON.stringify(ethUpdate('eth3', '10.8.0.3/24')),
    });
    expect(write.status, 'and its CSRF token').toBe(200);
    const s2 = await signIn(second.base, 'admin', second.signIn!.password);
    const net = (await (await s2.get('/api/v1/network')).json()) as { pending: boolean; interfaces: { name: string; inet?: { cidr?: string } }[] };
    expect(net.pending).toBe(true);
    expect(net.interfaces.find((m) => m.name === 'eth2')?.inet?.cidr).toBe('10.8.0.2/24');
  });
});
