/**
 * An admin's own file — tabs and spaces mixed, comments everywhere, a `source` line, underscore
 * spellings, classic `slaves` — edited once through the API: the pending diff is that edit alone.
 */
import { afterEach, expect, it } from 'vitest';
import { modelToBondForm, modelToBridgeForm } from '../../schema/to-model';
import { makeTestApp, type TestApp } from '../testing';

const LIVE = `# /etc/network/interfaces -- hand-kept, do not let tools reformat
source /etc/network/interfaces.d/*

auto lo
iface lo inet loopback

# the two uplinks, LACP on the switch side
iface eth0 inet manual
iface eth1 inet manual

auto bond0
iface bond0 inet manual
    slaves eth0 eth1
    bond_mode 802.3ad
    bond_miimon 100
    bond_xmit_hash_policy layer3+4   
	# keep lacp fast: the switch times out otherwise
    bond_lacp_rate fast

auto vmbr0
iface vmbr0 inet static
\taddress  10.20.30.5
\tnetmask  255.255.255.0
\tgateway  10.20.30.1
\tbridge_ports bond0
\tbridge_stp off
\tbridge_fd 0
\tup ip route add 10.99.0.0/16 via 10.20.30.254 # lab
`;

let t: TestApp;
afterEach(async () => t?.close());

it('changing the bond\'s MII interval shows one changed line in the diff, spelling and the rest kept', async () => {
  t = await makeTestApp({ live: LIVE });
  // As the panel does it: open the form from the interface, change one field, send it.
  const form = { ...modelToBondForm((await t.call('GET', '/api/v1/network/bond0')).json().interface), miimon: 200 };
  const res = await t.call('PUT', '/api/v1/network/bond0', { kind: 'bond', form }, { ifMatch: true });
  expect(res.statusCode, res.body).toBe(200);
  const changed = res.json().diff.split('\n').filter((l: string) => /^[-+](?![-+]{2} )/.test(l));
  expect(changed).toEqual(['-    bond_miimon 100', '+    bond_miimon 200']);
  expect((await t.staged())!.toString()).toBe(LIVE.replace('bond_miimon 100', 'bond_miimon 200'));
  // The pane's view agrees.
  expect((await t.call('GET', '/api/v1/network/changes')).json().diff).toBe(res.json().diff);
});

it('changing the bridge address keeps the netmask spelling of the file', async () => {
  t = await makeTestApp({ live: LIVE });
  const opened = modelToBridgeForm((await t.call('GET', '/api/v1/network/vmbr0')).json().interface);
  const form = { ...opened, ipv4: { ...opened.ipv4, cidr: '10.20.30.6/24' } };
  const res = await t.call('PUT', '/api/v1/network/vmbr0', { kind: 'bridge', form }, { ifMatch: true });
  expect(res.statusCode, res.body).toBe(200);
  expect((await t.staged())!.toString()).toBe(LIVE.replace('address  10.20.30.5', 'address  10.20.30.6'));
});
