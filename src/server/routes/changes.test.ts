import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../testing';

const LIVE = `auto lo
iface lo inet loopback

iface eth0 inet manual

# storage network
auto eth1
iface eth1 inet static
	address 10.8.0.2/24

auto vmbr0
iface vmbr0 inet static
	address 10.20.30.5/24
	gateway 10.20.30.1
	bridge-ports eth0
	bridge-stp off
	bridge-fd 0
`;

const eth1 = (cidr: string) => ({ kind: 'eth', form: { name: 'eth1', autostart: true, ipv4: { cidr, gateway: '' }, comment: 'storage network' } });
const vmbr1 = { kind: 'bridge', form: { name: 'vmbr1', autostart: true, ports: [], ipv4: { cidr: '10.60.0.1/24', gateway: '' } } };

let t: TestApp;
afterEach(async () => t?.close());

describe('/network/changes', () => {
  it('shows no diff while nothing is pending, then the unified diff of live vs staged', async () => {
    t = await makeTestApp({ live: LIVE });
    const empty = (await t.call('GET', '/api/v1/network/changes')).json();
    expect(empty).toMatchObject({ pending: false, diff: '', files: { live: t.files.live, staged: t.files.staged } });
    await t.call('PUT', '/api/v1/network/eth1', eth1('10.8.0.3/24'), { ifMatch: true });
    const res = await t.call('GET', '/api/v1/network/changes');
    expect(res.json().pending).toBe(true);
    expect(res.json().diff).toBe(
      `--- ${t.files.live}\n+++ ${t.files.staged}\n@@ -6,7 +6,7 @@\n # storage network\n auto eth1\n iface eth1 inet static\n-\taddress 10.8.0.2/24\n+\taddress 10.8.0.3/24\n \n auto vmbr0\n iface vmbr0 inet static\n`,
    );
  });

  it('says which interfaces each hunk changes, from the files\' stanzas (a hunk inside a stanza too)', async () => {
    t = await makeTestApp({ live: LIVE });
    await t.call('PUT', '/api/v1/network/vmbr0', { kind: 'bridge', form: { name: 'vmbr0', autostart: false, ports: ['eth0'], ipv4: { cidr: '10.20.30.5/24', gateway: '10.20.30.1' } } }, { ifMatch: true });
    await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: true });
    const body = (await t.call('GET', '/api/v1/network/changes')).json();
    expect(body.changes).toEqual({ vmbr0: 'changed', vmbr1: 'added' });
    // One hunk: `auto vmbr0` goes (an auto line: its pending names) and vmbr1's stanza is added.
    expect(body.hunks).toEqual([{ oldStart: expect.any(Number), newStart: expect.any(Number), ifaces: ['vmbr0', 'vmbr1'] }]);
    await t.call('DELETE', '/api/v1/network/changes/vmbr0', undefined, { ifMatch: true });
    await t.call('PUT', '/api/v1/network/eth1', eth1('10.8.0.3/24'), { ifMatch: true });
    const two = (await t.call('GET', '/api/v1/network/changes')).json();
    expect(two.hunks.map((h: { ifaces: string[] }) => h.ifaces)).toEqual([['eth1'], ['vmbr1']]);
  });

  it('GET /network/file gives the text shown and its digest, for checks in the browser', async () => {
    t = await makeTestApp({ live: LIVE });
    expect((await t.call('GET', '/api/v1/network/file')).json()).toEqual({ digest: await t.digest(), source: 'live', text: LIVE });
    await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: true });
    const staged = (await t.call('GET', '/api/v1/network/file')).json();
    expect(staged).toMatchObject({ source: 'staged', digest: await t.digest() });
    expect(staged.text).toBe((await t.staged())!.toString());
  });

  it('DELETE reverts everything: the staged file goes, the live one stays', async () => {
    t = await makeTestApp({ live: LIVE });
    await t.call('PUT', '/api/v1/network/eth1', eth1('10.8.0.3/24'), { ifMatch: true });
    expect((await t.call('DELETE', '/api/v1/network/changes')).statusCode).toBe(428);
    const res = await t.call('DELETE', '/api/v1/network/changes', undefined, { ifMatch: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pending: false, diff: '' });
    expect(await t.staged()).toBeNull();
    expect((await t.live()).toString()).toBe(LIVE);
    expect(res.json().digest).toBe(await t.digest());
  });

  it('DELETE /changes/:iface reverts one interface and keeps the other pending edits', async () => {
    t = await makeTestApp({ live: LIVE });
    await t.call('PUT', '/api/v1/network/eth1', eth1('10.8.0.3/24'), { ifMatch: true });
    await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: true });
    expect((await t.call('GET', '/api/v1/network')).json().changes).toEqual({ eth1: 'changed', vmbr1: 'added' });
    const one = await t.call('DELETE', '/api/v1/network/changes/eth1', undefined, { ifMatch: true });
    expect(one.statusCode).toBe(200);
    const staged = (await t.staged())!.toString();
    expect(staged).toContain('\taddress 10.8.0.2/24\n');
    expect(staged).toContain('iface vmbr1 inet static');
    expect(one.json().diff).not.toContain('10.8.0.3');
    expect((await t.call('GET', '/api/v1/network')).json()).toMatchObject({ changes: { vmbr1: 'added' }, removed: [] });
    // Reverting the new bridge too leaves nothing pending: the staged file is gone.
    const two = await t.call('DELETE', '/api/v1/network/changes/vmbr1', undefined, { ifMatch: true });
    expect(two.json()).toMatchObject({ pending: false, diff: '' });
    expect(await t.staged()).toBeNull();
  });

  it('DELETE /changes/:iface brings back a removed interface with its comment and auto line', async () => {
    t = await makeTestApp({ live: LIVE });
    await t.call('DELETE', '/api/v1/network/eth1', undefined, { ifMatch: true });
    await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: true });
    const listed = (await t.call('GET', '/api/v1/network')).json();
    expect(listed.changes).toEqual({ eth1: 'removed', vmbr1: 'added' });
    expect(listed.removed).toEqual([expect.objectContaining({ name: 'eth1', inet: { method: 'static', cidr: '10.8.0.2/24' } })]);
    const res = await t.call('DELETE', '/api/v1/network/changes/eth1', undefined, { ifMatch: true });
    expect(res.statusCode).toBe(200);
    const staged = (await t.staged())!.toString();
    expect(staged).toContain('# storage network\nauto eth1\niface eth1 inet static\n\taddress 10.8.0.2/24\n');
    expect(res.json().diff).not.toMatch(/^-(?!--)/m); // only vmbr1's lines are added
  });

  it('404 for an interface in neither file; 412 with a stale digest', async () => {
    t = await makeTestApp({ live: LIVE });
    const old = await t.digest();
    expect((await t.call('DELETE', '/api/v1/network/changes/vmbr9', undefined, { ifMatch: true })).statusCode).toBe(404);
    await t.call('POST', '/api/v1/network', vmbr1, { ifMatch: true });
    const stale = await t.call('DELETE', '/api/v1/network/changes', undefined, { ifMatch: old });
    expect(stale.statusCode).toBe(412);
    expect(await t.staged()).not.toBeNull();
  });
});
