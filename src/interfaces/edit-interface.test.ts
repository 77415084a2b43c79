import { describe, expect, it } from 'vitest';
import { haveSeed, seedExamples, skipMessage } from '../../test/support/shared';
import { addInterface, EditError, removeInterface, setAutostart, setComments, setHotplug } from './edit';
import { toModel } from './model';
import { parse, print } from './parser';
import type { InterfaceModel, NetDocument } from './types';

const edit = (text: string, f: (d: NetDocument) => NetDocument) => print(f(parse(text)));

const iface = (m: Partial<InterfaceModel> & { name: string }): InterfaceModel => ({
  type: 'unknown',
  autostart: false,
  hotplug: false,
  options: [],
  ...m,
});

const BOND = iface({
  name: 'bond0',
  type: 'bond',
  autostart: true,
  inet: { method: 'manual' },
  bond: { slaves: ['eth1', 'eth2'], mode: '802.3ad', miimon: 100, xmitHashPolicy: 'layer2+3' },
});

const SLAVES = `auto lo
iface lo inet loopback

iface eth1 inet manual

iface eth2 inet manual

auto vmbr0
iface vmbr0 inet static
\taddress 10.10.10.2/24
\tgateway 10.10.10.1
\tbridge-ports eth0
\tbridge-stp off
\tbridge-fd 0
`;

describe('addInterface', () => {
  it('writes a bond with bond-slaves after its last slave, one blank line on each side', () => {
    expect(edit(SLAVES, (d) => addInterface(d, BOND))).toBe(`auto lo
iface lo inet loopback

iface eth1 inet manual

iface eth2 inet manual

auto bond0
iface bond0 inet manual
\tbond-slaves eth1 eth2
\tbond-miimon 100
\tbond-mode 802.3ad
\tbond-xmit-hash-policy layer2+3

auto vmbr0
iface vmbr0 inet static
\taddress 10.10.10.2/24
\tgateway 10.10.10.1
\tbridge-ports eth0
\tbridge-stp off
\tbridge-fd 0
`);
  });

  it.skipIf(!haveSeed)(`adds a bond to seed example 1 (${haveSeed ? 'seed found' : skipMessage('seed page')})`, () => {
    const bond = { ...BOND, bond: { slaves: ['eth0'], mode: 'active-backup' as const, miimon: 100 } };
    // The example writes its options unindented, so the new stanza does too.
    expect(edit(seedExamples()[0], (d) => addInterface(d, bond))).toBe(`auto lo
iface lo inet loopback

iface eth0 inet manual

auto bond0
iface bond0 inet manual
bond-slaves eth0
bond-miimon 100
bond-mode active-backup

auto vmbr0
iface vmbr0 inet static
address 192.168.10.2
netmask 255.255.255.0
gateway 192.168.10.1
bridge_ports eth0
bridge_stp off
bridge_fd 0
`);
  });

  it('appends at the end when it depends on nothing in the file, reusing one trailing blank line', () => {
    const vmbr1 = iface({ name: 'vmbr1', type: 'bridge', inet: { method: 'static', cidr: '10.0.1.1/24' }, bridge: { ports: [], stp: false, fd: 0 } });
    const expected = `iface eth1 inet manual

iface vmbr1 inet static
\taddress 10.0.1.1/24
\tbridge-ports none
\tbridge-stp off
\tbridge-fd 0
`;
    expect(edit('iface eth1 inet manual\n', (d) => addInterface(d, vmbr1))).toBe(expected);
    expect(edit('iface eth1 inet manual\n\n', (d) => addInterface(d, vmbr1))).toBe(expected);
    expect(edit('iface eth1 inet manual', (d) => addInterface(d, vmbr1))).toBe(expected);
  });

  it('writes comments, hotplug, both families and vlan options only where the name does not say them', () => {
    const vlan = iface({
      name: 'eth0.10',
      type: 'vlan',
      hotplug: true,
      comments: 'storage vlan\n second line',
      inet: { method: 'static', cidr: '10.0.10.2/24', extraCidrs: ['10.0.10.3/24'], gateway: '10.0.10.1' },
      inet6: { method: 'static', cidr: 'fd10::2/64' },
      vlan: { rawDevice: 'eth0', id: 10, protocol: '802.1ad' },
      mtu: 9000,
      options: [
        { key: 'post-up', value: 'echo up', family: 'inet' },
        { key: 'accept_ra', value: '0', family: 'inet6' },
      ],
    });
    const out = edit('', (d) => addInterface(d, vlan));
    expect(out).toBe(`allow-hotplug eth0.10
#storage vlan
#  second line
iface eth0.10 inet static
\taddress 10.0.10.2/24
\taddress 10.0.10.3/24
\tgateway 10.0.10.1
\tvlan-protocol 802.1ad
\tmtu 9000
\tpost-up echo up

iface eth0.10 inet6 static
\taddress fd10::2/64
\taccept_ra 0
`);
    expect(toModel(parse(out))).toEqual([vlan]);
    const named = iface({ name: 'vlan20', type: 'vlan', inet: { method: 'manual' }, vlan: { rawDevice: 'bond0', id: 20 } });
    expect(edit('', (d) => addInterface(d, named))).toBe('iface vlan20 inet manual\n\tvlan-raw-device bond0\n');
  });

  it('refuses a name that already exists', () => {
    expect(() => addInterface(parse(SLAVES), iface({ name: 'eth1' }))).toThrow(EditError);
  });

  it.skipIf(!haveSeed)('rebuilds each seed example from an empty file with the same model', () => {
    for (const text of seedExamples()) {
      const models = toModel(parse(text));
      let doc = parse('');
      for (const m of models) doc = addInterface(doc, m);
      expect(toModel(doc)).toEqual(models);
    }
  });
});

describe('removeInterface', () => {
  it('removes the name from a shared auto line, keeping the others spaced as they were', () => {
    const text = `auto lo  eth0\teth1

iface lo inet loopback

iface eth0 inet manual

iface eth1 inet manual
`;
    expect(edit(text, (d) => removeInterface(d, 'eth0'))).toBe(`auto lo\teth1

iface lo inet loopback

iface eth1 inet manual
`);
    expect(edit('auto lo eth0 eth1\n', (d) => removeInterface(d, 'eth0'))).toBe('auto lo eth1\n');
  });

  it('takes its owned comments and its auto line, leaves unrelated comments', () => {
    const text = `# Host network, managed by hand

auto eth0
# uplink to the core switch
iface eth0 inet static
\taddress 10.0.0.2/24
\t# old gateway was .254
\tgateway 10.0.0.1
# end of eth0

# the bridge
auto vmbr0
iface vmbr0 inet manual
\tbridge-ports none
`;
    expect(edit(text, (d) => removeInterface(d, 'eth0'))).toBe(`# Host network, managed by hand

# the bridge
auto vmbr0
iface vmbr0 inet manual
\tbridge-ports none
`);
  });

  it('keeps CRLF, and does not leave blank lines behind at the end', () => {
    const text = 'auto lo\r\niface lo inet loopback\r\n\r\nallow-hotplug eth0\r\niface eth0 inet dhcp\r\n';
    expect(edit(text, (d) => removeInterface(d, 'eth0'))).toBe('auto lo\r\niface lo inet loopback\r\n');
  });

  it('removes every stanza of the name and never grows a run of blank lines', () => {
    const text = `iface lo inet loopback


iface eth0 inet static
\taddress 10.0.0.2/24

iface eth0 inet6 static
\taddress fd00::2/64

iface eth1 inet manual
`;
    expect(edit(text, (d) => removeInterface(d, 'eth0'))).toBe(`iface lo inet loopback


iface eth1 inet manual
`);
  });

  it('refuses an unknown name', () => {
    expect(() => removeInterface(parse(SLAVES), 'eth7')).toThrow(/no interface "eth7"/);
  });
});

describe('setAutostart / setHotplug', () => {
  const text = `iface lo inet loopback

# uplink
iface eth0 inet manual

allow-auto eth1
iface eth1 inet manual
allow-hotplug eth1
`;

  it('on: adds `auto NAME` above the stanza and its leading comments, once', () => {
    expect(edit(text, (d) => setAutostart(d, 'eth0', true))).toBe(`iface lo inet loopback

auto eth0
# uplink
iface eth0 inet manual

allow-auto eth1
iface eth1 inet manual
allow-hotplug eth1
`);
    expect(edit(text, (d) => setAutostart(d, 'eth1', true))).toBe(text);
  });

  it('off: removes the name from auto and allow-auto lines, not from allow-hotplug', () => {
    expect(edit(text, (d) => setAutostart(d, 'eth1', false))).toBe(`iface lo inet loopback

# uplink
iface eth0 inet manual

iface eth1 inet manual
allow-hotplug eth1
`);
    expect(edit(text, (d) => setHotplug(d, 'eth1', false))).toBe(text.replace('allow-hotplug eth1\n', ''));
  });
});

describe('setComments', () => {
  const text = `auto vmbr0
# main bridge
# do not touch
iface vmbr0 inet manual
\tbridge-ports eth0
\t#   indented note
`;

  it('rewrites only the comment lines whose text changed, in their own style', () => {
    expect(edit(text, (d) => setComments(d, 'vmbr0', 'main bridge\nplease do not touch\n  indented note'))).toBe(`auto vmbr0
# main bridge
# please do not touch
iface vmbr0 inet manual
\tbridge-ports eth0
\t#   indented note
`);
  });

  it('puts a different number of lines where the first comment was', () => {
    expect(edit(text, (d) => setComments(d, 'vmbr0', 'bridge for the VMs'))).toBe(`auto vmbr0
# bridge for the VMs
iface vmbr0 inet manual
\tbridge-ports eth0
`);
  });

  it('adds comments above the header when there were none, removes them with undefined', () => {
    const bare = 'auto eth0\niface eth0 inet manual\n';
    const out = edit(bare, (d) => setComments(d, 'eth0', 'uplink\n'));
    expect(out).toBe('auto eth0\n#uplink\n#\niface eth0 inet manual\n');
    expect(toModel(parse(out))[0].comments).toBe('uplink\n');
    expect(edit(text, (d) => setComments(d, 'vmbr0', undefined))).toBe('auto vmbr0\niface vmbr0 inet manual\n\tbridge-ports eth0\n');
  });
});
