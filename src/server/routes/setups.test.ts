import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { haveSeed, seedExamples } from '../../../test/support/shared';
import { modelOf, toModel } from '../../interfaces/model';
import { parse } from '../../interfaces/parser';
import type { InterfaceModel } from '../../interfaces/types';
import { makeTestApp, type TestApp } from '../testing';

const DEMO = () => readFile(new URL('../demo/interfaces.sample', import.meta.url));
const setup = { publicIface: 'eth0', publicCidr: '192.168.10.2/24', gateway: '192.168.10.1', bridge: 'vmbr0', bridgeCidr: '10.10.10.1/24' };
const withoutComments = ({ comments: _, ...m }: InterfaceModel) => m;

let t: TestApp;
afterEach(async () => t?.close());

async function stagedModels(names: string[]) {
  const doc = parse((await t.staged())!.toString());
  return names.map((n) => withoutComments(modelOf(doc, n, { nics: ['eth0', 'eth1', 'eth2', 'eth3'] })!));
}

describe('POST /network/setups/*', () => {
  it.skipIf(!haveSeed)('routed: turns the demo host into seed example 2 (eth0 with proxy_arp, vmbr0 without ports)', async () => {
    t = await makeTestApp({ live: await DEMO() });
    const res = await t.call('POST', '/api/v1/network/setups/routed', setup, { ifMatch: true });
    expect(res.statusCode).toBe(200);
    const example = toModel(parse(seedExamples()[1])).filter((m) => m.name !== 'lo').map(withoutComments);
    expect(await stagedModels(['eth0', 'vmbr0'])).toEqual(example);
    // The hand-written comment above vmbr0 stays.
    expect((await t.staged())!.toString()).toContain('# Uplink for the guests');
  });

  it.skipIf(!haveSeed)('nat: seed example 3, masquerading the private subnet out of eth0', async () => {
    t = await makeTestApp({ live: await DEMO() });
    const res = await t.call('POST', '/api/v1/network/setups/nat', { ...setup, publicComment: 'real IP adress', bridgeComment: 'private sub network' }, { ifMatch: true });
    expect(res.statusCode).toBe(200);
    const example = toModel(parse(seedExamples()[2])).filter((m) => m.name !== 'lo');
    const doc = parse((await t.staged())!.toString());
    expect(modelOf(doc, 'eth0')).toEqual(example[0]);
    expect(modelOf(doc, 'vmbr0')).toMatchObject({ ...example[1], comments: expect.stringContaining('private sub network') });
    expect(res.json().diff).toMatch(/^\+\s+post-up\s+iptables -t nat -A POSTROUTING -s '10\.10\.10\.0\/24' -o eth0 -j MASQUERADE$/m);
  });

  it('refuses overlapping subnets with 400 on the field, and needs If-Match', async () => {
    t = await makeTestApp({ live: await DEMO() });
    const bad = await t.call('POST', '/api/v1/network/setups/nat', { ...setup, bridgeCidr: '192.168.10.50/24' }, { ifMatch: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toContainEqual({ path: 'bridgeCidr', message: expect.stringMatching(/overlaps/) });
    expect((await t.call('POST', '/api/v1/network/setups/routed', setup)).statusCode).toBe(428);
    expect(await t.staged()).toBeNull();
  });
});
