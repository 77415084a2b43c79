import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, haveCorpus, haveSeed, seedExamples, skipMessage } from '../../test/support/shared';
import { applyModel } from './edit';
import { toModel } from './model';
import { parse, print } from './parser';
import type { InterfaceModel } from './types';

const pve = (name: string) => readFileSync(join(CORPUS, 'pve', name), 'utf8');

function modelOf(text: string, name: string): InterfaceModel {
  const m = toModel(parse(text)).find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  return m;
}

/** Apply `change` to the model of `name` in `text`; return the new text. */
function change(text: string, name: string, f: (m: InterfaceModel) => InterfaceModel): string {
  return print(applyModel(parse(text), f(modelOf(text, name))));
}

describe('applyModel against the PVE corpus', () => {
  it.skipIf(!haveCorpus)(`changing bond1's address gives t.unknown_order.expected (${haveCorpus ? 'corpus found' : skipMessage('corpus')})`, () => {
    const out = change(pve('t.unknown_order.input'), 'bond1', (m) => ({ ...m, inet: { ...m.inet!, cidr: '10.10.10.11/24' } }));
    expect(out).toBe(pve('t.unknown_order.expected'));
  });

  it.skipIf(!haveCorpus)('walks the t.bridge-v4-v6 steps with PVE text: add ipv4, add ipv6, delete inet', () => {
    const steps = ['1-new-bridge', '2-add-ipv4', '3-add-ipv6', '4-delete-inet'].map((s) => pve(`t.bridge-v4-v6.${s}.expected`));
    for (let k = 1; k < steps.length; k++) {
      const out = print(applyModel(parse(steps[k - 1]), modelOf(steps[k], 'vmbr0')));
      expect(out).toBe(steps[k]);
    }
  });

  it.skipIf(!haveCorpus)('an unchanged model leaves every corpus file byte for byte', () => {
    for (const [path, text] of corpusFiles()) {
      const doc = parse(text);
      for (const m of toModel(doc)) expect(print(applyModel(doc, m)), `${path}: ${m.name}`).toBe(text);
    }
  });

  it.skipIf(!haveSeed)('an unchanged model leaves every seed example byte for byte', () => {
    for (const text of seedExamples()) {
      const doc = parse(text);
      for (const m of toModel(doc)) expect(print(applyModel(doc, m))).toBe(text);
    }
  });
});

const NETMASK = `auto vmbr0
iface vmbr0 inet static
    address 192.168.10.2
    netmask 255.255.255.0
    gateway 192.168.10.1
    bridge_ports eth0
    bridge_stp yes
`;

describe('applyModel: addresses and gateway', () => {
  it('keeps the address/netmask form; rewrites the netmask only when the prefix changes', () => {
    const same = change(NETMASK, 'vmbr0', (m) => ({ ...m, inet: { ...m.inet!, cidr: '192.168.10.3/24' } }));
    expect(same).toBe(NETMASK.replace('address 192.168.10.2', 'address 192.168.10.3'));
    const wider = change(NETMASK, 'vmbr0', (m) => ({ ...m, inet: { ...m.inet!, cidr: '192.168.10.3/16' } }));
    expect(wider).toBe(`auto vmbr0
iface vmbr0 inet static
    address 192.168.10.3
    netmask 255.255.0.0
    gateway 192.168.10.1
    bridge_ports eth0
    bridge_stp yes
`);
    const numeric = NETMASK.replace('255.255.255.0', '24');
    expect(change(numeric, 'vmbr0', (m) => ({ ...m, inet: { ...m.inet!, cidr: '192.168.10.2/22' } }))).toBe(numeric.replace('netmask 24', 'netmask 22'));
  });

  it('writes extra addresses after the first one and removes the gateway', () => {
    const out = change(NETMASK, 'vmbr0', (m) => ({ ...m, inet: { method: 'static', cidr: '192.168.10.2/24', extraCidrs: ['192.168.20.2/24'] } }));
    expect(out).toBe(`auto vmbr0
iface vmbr0 inet static
    address 192.168.10.2
    address 192.168.20.2/24
    netmask 255.255.255.0
    bridge_ports eth0
    bridge_stp yes
`);
    expect(modelOf(out, 'vmbr0').inet).toEqual({ method: 'static', cidr: '192.168.10.2/24', extraCidrs: ['192.168.20.2/24'] });
  });

  it('adds IPv6 as a new stanza right after the interface, in the middle of the file', () => {
    const text = `iface eth0 inet static
\taddress 10.0.0.2/24
\tgateway 10.0.0.1
iface eth1 inet manual
`;
    expect(change(text, 'eth0', (m) => ({ ...m, inet6: { method: 'static', cidr: 'fd00::2/64', gateway: 'fd00::1' } }))).toBe(`iface eth0 inet static
\taddress 10.0.0.2/24
\tgateway 10.0.0.1

iface eth0 inet6 static
\taddress fd00::2/64
\tgateway fd00::1

iface eth1 inet manual
`);
  });

  it('puts a new family into a family-less stanza, and moves it out when it gets a method', () => {
    const text = `iface vmbr1
\taddress 10.0.0.1/24
\tbridge-ports none
`;
    const v6 = change(text, 'vmbr1', (m) => ({ ...m, inet6: { method: 'static', cidr: 'fd00::1/64' } }));
    expect(v6).toBe(`iface vmbr1
\taddress fd00::1/64
\taddress 10.0.0.1/24
\tbridge-ports none
`);
    const dhcp = change(text, 'vmbr1', (m) => ({ ...m, inet: { method: 'dhcp' } }));
    expect(dhcp).toBe(`iface vmbr1
\tbridge-ports none

iface vmbr1 inet dhcp
`);
    expect(modelOf(dhcp, 'vmbr1').inet).toEqual({ method: 'dhcp' });
  });

  it('removing inet: the inet6 stanza takes its place and keeps the bridge options', () => {
    const text = `auto vmbr0
iface vmbr0 inet static
\taddress 10.0.0.2/24
\tbridge-ports eth0
\tbridge-stp off

iface vmbr0 inet6 static
\taddress fc05::1:2/112
`;
    const out = change(text, 'vmbr0', (m) => ({ ...m, inet: undefined }));
    expect(out).toBe(`auto vmbr0
iface vmbr0 inet6 static
\taddress fc05::1:2/112
\tbridge-ports eth0
\tbridge-stp off
`);
    expect(modelOf(out, 'vmbr0')).toEqual({ ...modelOf(text, 'vmbr0'), inet: undefined });
  });
});

describe('applyModel: interface options', () => {
  const BOND = `auto bond0
iface bond0 inet manual
\tbond-slaves eth0 eth1
\tbond-mode 4
\tbond-miimon 100
\tbond-lacp-rate 1
`;

  it('leaves a number-form bond mode alone when the mode is the same, writes the name when not', () => {
    expect(change(BOND, 'bond0', (m) => ({ ...m, bond: { ...m.bond!, miimon: 200 } }))).toBe(BOND.replace('miimon 100', 'miimon 200'));
    expect(change(BOND, 'bond0', (m) => ({ ...m, bond: { ...m.bond!, mode: 'active-backup', lacpRate: undefined } }))).toBe(`auto bond0
iface bond0 inet manual
\tbond-slaves eth0 eth1
\tbond-mode active-backup
\tbond-miimon 100
`);
  });

  it('writes bridge stp as on/off only when it changes, mtu in the stanza style', () => {
    expect(change(NETMASK, 'vmbr0', (m) => ({ ...m, bridge: { ...m.bridge!, stp: false }, mtu: 9000 }))).toBe(`auto vmbr0
iface vmbr0 inet static
    address 192.168.10.2
    netmask 255.255.255.0
    gateway 192.168.10.1
    bridge_ports eth0
    bridge_stp off
    mtu 9000
`);
  });

  it('sets raw options per key: changed hooks in place, new keys appended, dropped keys removed', () => {
    const text = `iface eth0 inet static
\taddress 10.0.0.2/24
\tpost-up ip route add 10.1.0.0/16 via 10.0.0.1
\thwaddress 52:54:00:12:34:56
`;
    const out = change(text, 'eth0', (m) => ({
      ...m,
      options: [
        { key: 'post-up', value: 'ip route add 10.1.0.0/16 via 10.0.0.1', family: 'inet' },
        { key: 'post-up', value: 'ip route add 10.2.0.0/16 via 10.0.0.1', family: 'inet' },
        { key: 'dns-nameservers', value: '10.0.0.53', family: 'inet' },
      ],
    }));
    expect(out).toBe(`iface eth0 inet static
\taddress 10.0.0.2/24
\tpost-up ip route add 10.1.0.0/16 via 10.0.0.1
\tpost-up ip route add 10.2.0.0/16 via 10.0.0.1
\tdns-nameservers 10.0.0.53
`);
  });

  it('typed then raw lines, as one step after the other puts them: a new hook after its kind, new keys last', () => {
    const text = `auto vmbr0
iface vmbr0 inet static
\taddress 10.0.0.2/24
\tbridge-ports eth0
\tpost-up echo a

auto vmbr1
iface vmbr1 inet manual
\tbridge-ports none
`;
    const out = change(text, 'vmbr0', (m) => ({
      ...m,
      mtu: 9000,
      bridge: { ...m.bridge!, stp: false },
      options: [...m.options, { key: 'post-up', value: 'echo b', family: 'inet' }, { key: 'hwaddress', value: '52:54:00:aa:bb:cc', family: 'inet' }],
    }));
    expect(out).toBe(
      text.replace('\tpost-up echo a\n', '\tpost-up echo a\n\tpost-up echo b\n\tbridge-stp off\n\tmtu 9000\n\thwaddress 52:54:00:aa:bb:cc\n'),
    );
  });

  it('updates comments, autostart and hotplug', () => {
    const text = `# uplink
iface eth0 inet manual

iface eth1 inet manual
`;
    const out = change(text, 'eth0', (m) => ({ ...m, comments: 'uplink to core', autostart: true, hotplug: true }));
    expect(out).toBe(`auto eth0
allow-hotplug eth0
# uplink to core
iface eth0 inet manual

iface eth1 inet manual
`);
  });

  it('does not fail on odd lines it does not touch, refuses odd values it would write', () => {
    const text = 'iface eth0 inet manual\n\tpost-up echo \\';
    const m = modelOf(text, 'eth0');
    expect(print(applyModel(parse(text), m))).toBe(text);
    expect(() => applyModel(parse(text), { ...m, mtu: 1500 })).toThrow(/ends with a backslash/);
    expect(() => applyModel(parse(`${text}\n`), { ...m, mtu: 1500 })).toThrow(/ends with a backslash/);
    expect(() => applyModel(parse(text), { ...m, options: [{ key: 'post-up', value: 'a\nb', family: 'inet' }] })).toThrow(/one line/);
    expect(() => applyModel(parse(text), { ...m, name: 'eth1', options: [{ key: 'auto', value: 'x', family: 'inet' }] })).toThrow(/keyword/);
  });

  it('adds an interface that is not in the file', () => {
    const m: InterfaceModel = { name: 'eth2', type: 'eth', autostart: false, hotplug: false, inet: { method: 'manual' }, options: [] };
    expect(print(applyModel(parse('iface eth1 inet manual\n'), m))).toBe('iface eth1 inet manual\n\niface eth2 inet manual\n');
  });
});
