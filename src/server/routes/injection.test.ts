/**
 * Nothing that could break out of its line, continue a line, or be run by ifupdown2's Mako
 * templating reaches the file: every such string, in every kind of field, gets 400 and the staged
 * file stays byte-identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../testing';

const LIVE = 'auto lo\niface lo inet loopback\n\niface eth0 inet manual\n\niface eth1 inet manual\n';
const STAGED = `${LIVE}\n# staged by an earlier edit\niface eth2 inet manual\n`;

const TEXT_ATTACKS: [string, string][] = [
  ['CR', 'a\rb'],
  ['LF', 'a\nup reboot'],
  ['NUL', 'a\0b'],
  ['U+2028', 'a\u2028b'],
  ['U+2029', 'a\u2029b'],
  ['trailing backslash', 'a\\'],
  ['%', '100% sure'],
  ['${', '${reboot}'],
  ['<%', "<% import os; os.system('reboot') %>"],
];
const NAME_ATTACKS: [string, string][] = [...TEXT_ATTACKS.map(([k, v]): [string, string] => [k, `br${v}`]), ['../x', '../x'], ['eth0;reboot', 'eth0;reboot'], ['-e', '-e'], ['over 15 bytes', 'vmbr1234567890123']];

const bridge = (over: Record<string, unknown>) => ({ kind: 'bridge', form: { name: 'vmbr1', autostart: true, ports: [], ipv4: { cidr: '', gateway: '' }, ...over } });
const bond = (over: Record<string, unknown>) => ({ kind: 'bond', form: { name: 'bond0', autostart: true, mode: 'active-backup', slaves: ['eth0'], miimon: 100, ...over } });
const vlan = (over: Record<string, unknown>) => ({ kind: 'vlan', form: { name: 'vlan50', autostart: true, rawDevice: 'eth1', ...over } });
const nat = (over: Record<string, unknown>) => ({ publicIface: 'eth0', publicCidr: '192.168.10.2/24', gateway: '192.168.10.1', bridge: 'vmbr0', bridgeCidr: '10.10.10.1/24', ...over });

type Case = [string, string, string, unknown];
const cases: Case[] = [
  ...TEXT_ATTACKS.flatMap(([what, s]): Case[] => [
    [`comment with ${what}`, 'POST', '/api/v1/network', bridge({ comment: s })],
    [`bridge VLAN IDs with ${what}`, 'POST', '/api/v1/network', bridge({ vlanAware: true, vids: `2-4094${s}` })],
    [`gateway with ${what}`, 'POST', '/api/v1/network', bridge({ ipv4: { cidr: '10.1.0.2/24', gateway: `10.1.0.1${s}` } })],
    [`NAT comment with ${what}`, 'POST', '/api/v1/network/setups/nat', nat({ bridgeComment: s })],
    [`update comment with ${what}`, 'PUT', '/api/v1/network/eth1', { kind: 'eth', form: { name: 'eth1', autostart: false, comment: s } }],
  ]),
  ...NAME_ATTACKS.flatMap(([what, s]): Case[] => [
    [`interface name ${what}`, 'POST', '/api/v1/network', bridge({ name: s })],
    [`bridge port ${what}`, 'POST', '/api/v1/network', bridge({ ports: [s] })],
    [`bond slave ${what}`, 'POST', '/api/v1/network', bond({ slaves: [s] })],
    [`VLAN raw device ${what}`, 'POST', '/api/v1/network', vlan({ rawDevice: s })],
    [`routed public interface ${what}`, 'POST', '/api/v1/network/setups/routed', nat({ publicIface: s })],
  ]),
];

describe('injection attempts get 400 and leave the staged file byte-identical', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ live: LIVE, staged: STAGED });
  });
  afterAll(async () => t.close());

  it.each(cases)('%s', async (_what, method, url, body) => {
    const res = await t.call(method as 'POST', url, body, { ifMatch: true });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('invalid-input');
    expect((await t.staged())!.toString()).toBe(STAGED);
  });

  it('the URL is checked too: an interface name with a newline in the path is not found, nothing written', async () => {
    const res = await t.call('DELETE', `/api/v1/network/${encodeURIComponent('eth1\nauto evil')}`, undefined, { ifMatch: true });
    expect(res.statusCode).toBe(404);
    expect((await t.staged())!.toString()).toBe(STAGED);
  });

  it('a valid request through the same path still works (the cases above are refused for their content)', async () => {
    const res = await t.call('POST', '/api/v1/network', bridge({ comment: 'fine comment' }), { ifMatch: true });
    expect(res.statusCode).toBe(201);
  });
});
