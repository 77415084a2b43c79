import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from '../../interfaces/parser';
import { modelOf } from '../../interfaces/model';
import { makeTestApp, type TestApp } from '../testing';

const LIVE = `auto lo
iface lo inet loopback

iface eth0 inet manual

iface eth1 inet manual

auto vmbr0
iface vmbr0 inet static
	address 10.20.30.5/24
	gateway 10.20.30.1
	bridge-ports eth0
	bridge-stp off
	bridge-fd 0
`;

const bridge = (name: string, extra: Record<string, unknown> = {}) => ({
  kind: 'bridge',
  form: { name, autostart: true, ports: [], ipv4: { cidr: '', gateway: '' }, ...extra },
});

let t: TestApp;
afterEach(async () => t?.close());

describe('GET /network', () => {
  it('lists the interfaces, NICs and problems with the digest of the live file as ETag', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('GET', '/api/v1/network');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const sha = createHash('sha256').update(LIVE).digest('hex');
    expect(body.digest).toBe(sha);
    expect(res.headers.etag).toBe(`"${sha}"`);
    expect(body.pending).toBe(false);
    expect(body.interfaces.map((i: { name: string }) => i.name)).toEqual(['lo', 'eth0', 'eth1', 'vmbr0']);
    expect(body.interfaces[3]).toMatchObject({ type: 'bridge', bridge: { ports: ['eth0'] }, inet: { cidr: '10.20.30.5/24', gateway: '10.20.30.1' } });
    expect(body.nics.map((n: { name: string }) => n.name)).toEqual(['eth0', 'eth1', 'eth2', 'eth3']);
    expect(body.diagnostics).toEqual([]);
  });

  it('comes compressed to a client that takes it (a large host is megabytes of JSON)', async () => {
    const stanzas = Array.from({ length: 300 }, (_, i) => `auto vmbr${i + 1}\niface vmbr${i + 1} inet static\n\taddress 10.${i >> 8}.${i & 255}.1/24\n\tbridge-ports none\n`);
    t = await makeTestApp({ live: `${LIVE}\n${stanzas.join('\n')}` });
    const plain = await t.call('GET', '/api/v1/network');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.call('GET', '/api/v1/network', undefined, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await t.call('GET', '/api/v1/network', undefined, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('reads the staged file when there is one, and says changes are pending', async () => {
    t = await makeTestApp({ live: LIVE, staged: `${LIVE}\niface eth2 inet manual\n` });
    const body = (await t.call('GET', '/api/v1/network')).json();
    expect(body.pending).toBe(true);
    expect(body.interfaces.map((i: { name: string }) => i.name)).toContain('eth2');
  });

  it('reports a hand-made typo as a diagnostic with its line, not as a failure', async () => {
    t = await makeTestApp({ live: 'auto eth0\niface eth0 inet maunal\n' });
    const res = await t.call('GET', '/api/v1/network');
    expect(res.statusCode).toBe(200);
    expect(res.json().diagnostics).toContainEqual(expect.objectContaining({ line: 2, severity: 'error', rule: 'unknown-method' }));
  });

  it('GET /network/:iface gives one interface, 404 for an unknown one', async () => {
    t = await makeTestApp({ live: LIVE });
    const one = await t.call('GET', '/api/v1/network/vmbr0');
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe(`"${await t.digest()}"`);
    expect(one.json().interface).toMatchObject({ name: 'vmbr0', type: 'bridge' });
    const missing = await t.call('GET', '/api/v1/network/vmbr9');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('vmbr9');
  });
});

describe('POST /network (create)', () => {
  it('stages the new interface, answers with the new digest and the diff, and leaves the live file alone', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('POST', '/api/v1/network', bridge('vmbr1', { ports: ['eth1'], ipv4: { cidr: '10.50.0.1/24', gateway: '' } }), { ifMatch: true });
    expect(res.statusCode).toBe(201);
    const staged = (await t.staged())!.toString();
    expect(res.json().digest).toBe(createHash('sha256').update(staged).digest('hex'));
    expect(res.headers.etag).toBe(`"${res.json().digest}"`);
    expect(res.json().diff).toContain('+iface vmbr1 inet static');
    // Only added lines: nothing the admin wrote changes.
    expect(res.json().diff.split('\n').filter((l: string) => l.startsWith('-') && !l.startsWith('---'))).toEqual([]);
    expect(modelOf(parse(staged), 'vmbr1')).toMatchObject({ type: 'bridge', bridge: { ports: ['eth1'] }, inet: { cidr: '10.50.0.1/24' } });
    expect((await t.live()).toString()).toBe(LIVE);
  });

  it('refuses a name that exists with 409', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('POST', '/api/v1/network', bridge('vmbr0'), { ifMatch: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'exists' });
    expect(await t.staged()).toBeNull();
  });

  it('answers invalid input with 400 and the field path', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('POST', '/api/v1/network', bridge('vmbr1', { ipv4: { cidr: '10.0.0.300/24', gateway: '' } }), { ifMatch: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path: 'form.ipv4.cidr' }));
    expect(await t.staged()).toBeNull();
  });

  it('refuses with 400 and the diagnostics a change that leaves an error in the file', async () => {
    t = await makeTestApp({ live: LIVE });
    // eth0 is already vmbr0's port: a second bridge on it is an error in the whole document.
    const res = await t.call('POST', '/api/v1/network', bridge('vmbr1', { ports: ['eth0'] }), { ifMatch: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-config');
    expect(res.json().error.diagnostics[0]).toMatchObject({ rule: 'port-conflict', severity: 'error' });
    expect(await t.staged()).toBeNull();
  });

  it('still accepts edits while an old hand-made error stays in the file', async () => {
    t = await makeTestApp({ live: `${LIVE}\niface eth3 inet maunal\n` });
    const res = await t.call('POST', '/api/v1/network', bridge('vmbr1'), { ifMatch: true });
    expect(res.statusCode).toBe(201);
    expect((await t.staged())!.toString()).toContain('iface eth3 inet maunal');
  });
});

describe('PUT /network/:iface (update)', () => {
  it('changes only the lines of the edit', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('PUT', '/api/v1/network/vmbr0', bridge('vmbr0', { ports: ['eth0'], ipv4: { cidr: '10.20.30.6/24', gateway: '10.20.30.1' } }), { ifMatch: true });
    expect(res.statusCode).toBe(200);
    expect((await t.staged())!.toString()).toBe(LIVE.replace('10.20.30.5/24', '10.20.30.6/24'));
  });

  it('refuses a rename and an unknown interface', async () => {
    t = await makeTestApp({ live: LIVE });
    const rename = await t.call('PUT', '/api/v1/network/vmbr0', bridge('vmbr7'), { ifMatch: true });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().error.code).toBe('rename-unsupported');
    const missing = await t.call('PUT', '/api/v1/network/vmbr9', bridge('vmbr9'), { ifMatch: true });
    expect(missing.statusCode).toBe(404);
    expect(await t.staged()).toBeNull();
  });
});

describe('DELETE /network/:iface', () => {
  it('removes the stanzas and the auto entry', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('DELETE', '/api/v1/network/vmbr0', undefined, { ifMatch: true });
    expect(res.statusCode).toBe(200);
    const staged = (await t.staged())!.toString();
    expect(staged).not.toContain('vmbr0');
    expect(staged).toContain('iface eth1 inet manual');
    expect((await t.call('DELETE', '/api/v1/network/vmbr0', undefined, { ifMatch: true })).statusCode).toBe(404);
  });
});

describe('preconditions', () => {
  it('428 without If-Match, 412 naming what changed with a stale digest; nothing written', async () => {
    t = await makeTestApp({ live: LIVE });
    const before = await t.digest();
    const none = await t.call('POST', '/api/v1/network', bridge('vmbr1'));
    expect(none.statusCode).toBe(428);
    expect(none.json().error.message).toContain('If-Match');
    expect(await t.staged()).toBeNull();
    expect((await t.call('POST', '/api/v1/network', bridge('vmbr1'), { ifMatch: before })).statusCode).toBe(201);
    const staged = await t.staged();
    const stale = await t.call('POST', '/api/v1/network', bridge('vmbr2'), { ifMatch: before });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.message).toContain('vmbr1 was added');
    expect(stale.json().error.digest).toBe(await t.digest());
    expect(await t.staged()).toEqual(staged);
  });

  it('412 names what changed also when another writer staged it (the client had the live file)', async () => {
    // Staged by someone else (another process, an admin's editor): this process never served the live version.
    t = await makeTestApp({ live: LIVE, staged: LIVE.replace('10.20.30.5/24', '10.20.30.6/24') });
    const live = createHash('sha256').update(LIVE).digest('hex');
    const stale = await t.call('POST', '/api/v1/network', bridge('vmbr2'), { ifMatch: live });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.message).toContain('Meanwhile vmbr0 was changed.');
  });

  it('428 for If-Match: * (the digest is the point)', async () => {
    t = await makeTestApp({ live: LIVE });
    const res = await t.call('DELETE', '/api/v1/network/eth1', undefined, { headers: { 'if-match': '*' } });
    expect(res.statusCode).toBe(428);
  });
});
