import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from './parser';
import { modelOf, toModel } from './model';
import type { InterfaceModel } from './types';
import { canonicalKey, MODEL_KEYS, spellings } from './keys';
import { CORPUS, corpusFiles, haveCorpus, haveSeed, seedExamples } from '../../test/support/shared';

const byName = (text: string, nics?: string[]) => new Map(toModel(parse(text), { nics }).map((m) => [m.name, m]));
const corpus = (name: string) => readFileSync(join(CORPUS, 'pve', name), 'utf8');

describe('the seed page examples', () => {
  const examples = haveSeed ? seedExamples() : [];

  it.skipIf(!haveSeed)('has five example configurations', () => expect(examples).toHaveLength(5));

  it.skipIf(!haveSeed)('1: default bridge on eth0', () => {
    const m = byName(examples[0]);
    expect([...m.keys()]).toEqual(['lo', 'eth0', 'vmbr0']);
    expect(m.get('lo')).toMatchObject({ type: 'loopback', autostart: true, inet: { method: 'loopback' } });
    expect(m.get('eth0')).toMatchObject({ type: 'eth', autostart: false, inet: { method: 'manual' } });
    expect(m.get('vmbr0')).toEqual({
      name: 'vmbr0',
      type: 'bridge',
      autostart: true,
      hotplug: false,
      inet: { method: 'static', cidr: '192.168.10.2/24', gateway: '192.168.10.1' },
      bridge: { ports: ['eth0'], stp: false, fd: 0 },
      options: [],
    } satisfies InterfaceModel);
  });

  it.skipIf(!haveSeed)('2: routed, with proxy_arp on eth0 and a bridge without ports', () => {
    const m = byName(examples[1]);
    expect(m.get('eth0')).toMatchObject({
      type: 'eth',
      autostart: true,
      inet: { method: 'static', cidr: '192.168.10.2/24', gateway: '192.168.10.1' },
      options: [{ key: 'post-up', value: 'echo 1 > /proc/sys/net/ipv4/conf/eth0/proxy_arp', family: 'inet' }],
    });
    expect(m.get('vmbr0')).toMatchObject({ type: 'bridge', inet: { method: 'static', cidr: '10.10.10.1/24' }, bridge: { ports: [] } });
    expect(m.get('vmbr0')!.inet!.gateway).toBeUndefined();
  });

  it.skipIf(!haveSeed)('3: NAT, with comments and masquerading post-up lines after a blank line', () => {
    const m = byName(examples[2]);
    expect(m.get('eth0')).toMatchObject({ comments: 'real IP adress', inet: { cidr: '192.168.10.2/24', gateway: '192.168.10.1' } });
    const vmbr0 = m.get('vmbr0')!;
    expect(vmbr0.comments).toBe('private sub network');
    expect(vmbr0.options.map((o) => o.key)).toEqual(['post-up', 'post-up', 'post-down']);
    expect(vmbr0.options[1].value).toBe("iptables -t nat -A POSTROUTING -s '10.10.10.0/24' -o eth0 -j MASQUERADE");
  });

  it.skipIf(!haveSeed)('4: bond with a fixed address, spelled `slaves`', () => {
    const m = byName(examples[3]);
    expect(m.get('bond0')).toMatchObject({
      type: 'bond',
      autostart: true,
      inet: { method: 'static', cidr: '192.168.1.2/24' },
      bond: { slaves: ['eth1', 'eth2'], mode: '802.3ad', miimon: 100, xmitHashPolicy: 'layer2+3' },
      options: [],
    });
    expect(m.get('vmbr0')).toMatchObject({ bridge: { ports: ['eth0'] }, inet: { cidr: '10.10.10.2/24', gateway: '10.10.10.1' } });
    expect(m.has('eth0')).toBe(false);
  });

  it.skipIf(!haveSeed)('5: bond as bridge port, keeping the misspelt method as written', () => {
    const m = byName(examples[4]);
    expect(m.get('bond0')).toMatchObject({ type: 'bond', inet: { method: 'maunal' }, bond: { slaves: ['eth1', 'eth2'], mode: '802.3ad' } });
    expect(m.get('vmbr0')!.bridge!.ports).toEqual(['bond0']);
  });
});

describe('type detection and field folding', () => {
  it('types a stanza by its options, not only its name', () => {
    const m = byName(
      [
        'iface uplink inet manual\n\tbond-slaves eno1 eno2\n\tbond-mode 4',
        'iface lan inet manual\n\tbridge-ports uplink',
        'iface mgmt inet static\n\tvlan-raw-device lan\n\tvlan-id 10\n\taddress 10.1.0.2/24',
        'iface lan.20 inet manual',
        'iface vlan30 inet manual\n\tvlan-raw-device lan',
        'iface eno1 inet manual',
        'iface eth0:1 inet static\n\taddress 10.9.9.9/32',
        'iface vmbr7 inet manual',
        'iface mystery inet manual',
        'iface port9 inet manual',
      ].join('\n') + '\n',
      ['port9'],
    );
    const types = Object.fromEntries([...m].map(([n, x]) => [n, x.type]));
    expect(types).toEqual({
      uplink: 'bond',
      lan: 'bridge',
      mgmt: 'vlan',
      'lan.20': 'vlan',
      vlan30: 'vlan',
      eno1: 'eth',
      'eth0:1': 'alias',
      vmbr7: 'bridge',
      mystery: 'unknown',
      port9: 'eth',
    });
    expect(m.get('uplink')!.bond!.mode).toBe('802.3ad');
    expect(m.get('mgmt')!.vlan).toEqual({ rawDevice: 'lan', id: 10 });
    expect(m.get('lan.20')!.vlan).toEqual({ rawDevice: 'lan', id: 20 });
    expect(m.get('vlan30')!.vlan).toEqual({ rawDevice: 'lan', id: 30 });
  });

  it('treats `_` and `-` spellings and `slaves` as the same key', () => {
    const a = byName('iface bond0 inet manual\n\tslaves eth1 eth2\n\tbond_mode active-backup\n\tbond_primary eth1\n\tbond_miimon 100\n');
    const b = byName('iface bond0 inet manual\n\tbond-slaves eth1 eth2\n\tbond-mode 1\n\tbond-primary eth1\n\tbond-miimon 100\n');
    expect(a.get('bond0')).toEqual(b.get('bond0'));
    expect(a.get('bond0')!.bond).toEqual({ slaves: ['eth1', 'eth2'], mode: 'active-backup', primary: 'eth1', miimon: 100 });
  });

  it('folds dotted and numeric netmasks into the CIDR and merges inet and inet6 stanzas', () => {
    const m = byName('auto eth1\niface eth1 inet static\n\taddress 10.0.0.5\n\tnetmask 255.255.255.128\n\tgateway 10.0.0.1\niface eth1 inet6 static\n\taddress fc05::2\n\tnetmask 112\n\tgateway fc05::1\n');
    expect(m.get('eth1')).toMatchObject({
      autostart: true,
      inet: { method: 'static', cidr: '10.0.0.5/25', gateway: '10.0.0.1' },
      inet6: { method: 'static', cidr: 'fc05::2/112', gateway: 'fc05::1' },
    });
  });

  it('keeps allow-hotplug apart from autostart', () => {
    const m = byName('allow-hotplug ens18\niface ens18 inet dhcp\nallow-auto ens19\niface ens19 inet dhcp\n');
    expect(m.get('ens18')).toMatchObject({ autostart: false, hotplug: true });
    expect(m.get('ens19')).toMatchObject({ autostart: true, hotplug: false });
  });

  it('keeps unknown options raw and in order, and unparseable values visible', () => {
    const m = byName('iface eth0 inet manual\n\thwaddress aa:bb:cc:dd:ee:ff\n\tmtu jumbo\n\tpost-up ip link set eth0 promisc on\n');
    expect(m.get('eth0')!.options).toEqual([
      { key: 'hwaddress', value: 'aa:bb:cc:dd:ee:ff', family: 'inet' },
      { key: 'mtu', value: 'jumbo', family: 'inet' },
      { key: 'post-up', value: 'ip link set eth0 promisc on', family: 'inet' },
    ]);
    expect(m.get('eth0')!.mtu).toBeUndefined();
  });

  it('reads several addresses on one interface', () => {
    const m = byName('iface eth0 inet static\n\taddress 10.0.0.1/24\n\taddress 10.0.1.1/24\n');
    expect(m.get('eth0')!.inet).toEqual({ method: 'static', cidr: '10.0.0.1/24', extraCidrs: ['10.0.1.1/24'] });
  });
});

describe('agreement with Proxmox parser fixtures', () => {
  it.skipIf(!haveCorpus)('family-less ifupdown2 stanza (t.ifupdown2-typeless)', () => {
    const expected = JSON.parse(corpus('t.ifupdown2-typeless.expected-fields.json')).fields.vmbr1;
    const vmbr1 = byName(corpus('t.ifupdown2-typeless.input')).get('vmbr1')!;
    expect(vmbr1.type).toBe(expected.type);
    expect([vmbr1.inet?.cidr, vmbr1.inet?.gateway, vmbr1.inet6?.cidr, vmbr1.inet6?.gateway]).toEqual([
      expected.cidr,
      expected.gateway,
      expected.cidr6,
      expected.gateway6,
    ]);
    expect(vmbr1.comments).toBe('Comment');
  });

  it.skipIf(!haveCorpus)('mixed file with OVS (t.list-interfaces)', () => {
    const fields = JSON.parse(corpus('t.list-interfaces.expected-fields.json')).fields;
    const m = byName(corpus('t.list-interfaces.input'));
    for (const [name, f] of Object.entries<Record<string, string>>(fields)) {
      const got = m.get(name);
      if (!got) continue; // eth1/eth3 exist only as NICs there
      if (f.type) expect(got.type, name).toBe(f.type);
      if (f.cidr) expect(got.inet?.cidr, name).toBe(f.cidr);
      if (f.gateway) expect(got.inet?.gateway, name).toBe(f.gateway);
      if (f.cidr6) expect(got.inet6?.cidr, name).toBe(f.cidr6);
      if (f.ovs_type) expect(got.ovs?.type, name).toBe(f.ovs_type);
      if (f.ovs_bridge) expect(got.ovs?.bridge, name).toBe(f.ovs_bridge);
      if (f.ovs_ports) expect(got.ovs?.ports?.join(' '), name).toBe(f.ovs_ports);
    }
  });

  it.skipIf(!haveCorpus)('VLANs by dotted name and by vlan-id + raw device (t.vlan-parsing, proxmox-network-api)', () => {
    const m = byName(corpus('t.vlan-parsing.input-and-expected'));
    expect(m.get('vmbr0.100')).toMatchObject({ type: 'vlan', vlan: { rawDevice: 'vmbr0', id: 100 } });
    expect(m.get('zmgmt')).toMatchObject({ type: 'vlan', vlan: { rawDevice: 'vmbr0', id: 1 } });
    expect(m.get('vmbr0')!.bridge).toMatchObject({ vlanAware: true, vids: '2-4094' });
    const named = byName(corpus('proxmox-network-api/parser.test_network_config_parser_vlan_individual_name_static.input'));
    expect(named.get('individual_name')).toMatchObject({ type: 'vlan', vlan: { rawDevice: 'vmbr0', id: 100 }, inet: { cidr: '10.0.0.100/16' } });
    const raw = byName(corpus('proxmox-network-api/parser.test_network_config_parser_vlan_with_raw_device.input'));
    expect(raw.get('vlan100')).toMatchObject({ type: 'vlan', vlan: { rawDevice: 'vmbr0', id: 100 } });
  });
});

describe('key spellings', () => {
  it('lists every spelling that canonicalises to a key, and only those', () => {
    expect(spellings('bond-slaves').sort()).toEqual(['bond-ports', 'bond-slave', 'bond-slaves', 'bond_ports', 'bond_slave', 'bond_slaves', 'slaves']);
    expect(spellings('bond-xmit-hash-policy')).toHaveLength(8);
    for (const k of MODEL_KEYS) for (const w of spellings(k)) expect(canonicalKey(w), w).toBe(k);
    expect(canonicalKey('constructor')).toBe('constructor');
  });

  it('reads mixed spellings into the model', () => {
    const m = byName('iface vmbr0 inet manual\n\tbridge_vlan-aware yes\n\tbridge-ports none\n').get('vmbr0')!;
    expect(m.bridge).toEqual({ ports: [], vlanAware: true });
  });
});

describe('keys and values that name Object.prototype members', () => {
  it('keeps them as raw options', () => {
    const m = byName('iface bond0 inet manual\n\tbond-slaves eth0\n\tbond-lacp-rate constructor\n\tconstructor 1\n').get('bond0')!;
    expect(m.bond).toEqual({ slaves: ['eth0'] });
    expect(m.options).toEqual([
      { key: 'bond-lacp-rate', value: 'constructor', family: 'inet' },
      { key: 'constructor', value: '1', family: 'inet' },
    ]);
  });
});

describe('modelOf', () => {
  const check = (text: string, nics?: string[]) => {
    const doc = parse(text);
    const all = toModel(doc, { nics });
    for (const m of all) expect(modelOf(doc, m.name, { nics })).toEqual(m);
    expect(modelOf(doc, 'no-such-interface')).toBeUndefined();
    expect(modelOf(doc, '')).toBeUndefined();
  };

  it('equals the entry of toModel for every interface', () => {
    check('auto lo\niface lo inet loopback\n\nallow-hotplug eth0\n# up\niface eth0 inet static\n\taddress 10.0.0.2/24\n\tmtu x\niface eth0 inet6 auto\n');
    check('iface bond0 inet manual\n\tslaves eth0 eth1\n\tbond_mode 4\nauto bond0 vmbr0\niface vmbr0\n\tbridge-ports bond0\n', ['eth0']);
  });

  it.skipIf(!haveSeed)('equals the entry of toModel on the seed examples', () => {
    for (const text of seedExamples()) check(text);
  });

  it.skipIf(!haveCorpus)('equals the entry of toModel on the corpus', () => {
    for (const [, text] of corpusFiles()) check(text);
  });
});
