import { describe, expect, it } from 'vitest';
import { EditError, setMethod, setOption, unsetOption } from './edit';
import { parse, print } from './parser';
import { toModel } from './model';

/** Physical lines of `after` that are not at the same place in `before` (same line count assumed). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  return after.split('\n').filter((l, i) => l !== a[i]);
}

const edit = (text: string, f: (d: ReturnType<typeof parse>) => ReturnType<typeof parse>) => print(f(parse(text)));

const BOND_UNDERSCORE = `auto lo
iface lo inet loopback

auto bond0
iface bond0 inet static
    slaves eth1 eth2
    address 192.168.1.2
    netmask 255.255.255.0
    bond_miimon 100
    bond_mode 802.3ad
`;

describe('setOption', () => {
  it('edits bond-miimon in a file that spells it bond_miimon: one line, underscore kept', () => {
    const out = edit(BOND_UNDERSCORE, (d) => setOption(d, { iface: 'bond0' }, 'bond-miimon', '200'));
    expect(out).toBe(`auto lo
iface lo inet loopback

auto bond0
iface bond0 inet static
    slaves eth1 eth2
    address 192.168.1.2
    netmask 255.255.255.0
    bond_miimon 200
    bond_mode 802.3ad
`);
    expect(changedLines(BOND_UNDERSCORE, out)).toEqual(['    bond_miimon 200']);
  });

  it('keeps `slaves` spelled slaves when its value changes', () => {
    const out = edit(BOND_UNDERSCORE, (d) => setOption(d, { iface: 'bond0' }, 'bond-slaves', 'eth1 eth2 eth3'));
    expect(changedLines(BOND_UNDERSCORE, out)).toEqual(['    slaves eth1 eth2 eth3']);
  });

  it('gives a new key the stanza style (`_` here), before the trailing comments', () => {
    const text = `iface vmbr0 inet static
\taddress 10.0.0.1/24
\tbridge_ports eth0
\t# keep me last
`;
    expect(edit(text, (d) => setOption(d, { iface: 'vmbr0' }, 'bridge-stp', 'off'))).toBe(`iface vmbr0 inet static
\taddress 10.0.0.1/24
\tbridge_ports eth0
\tbridge_stp off
\t# keep me last
`);
  });

  it('writes hyphen keys in hyphen stanzas, never introduces `slaves`', () => {
    const text = `iface bond0 inet manual
  bond-mode active-backup
`;
    expect(edit(text, (d) => setOption(d, { iface: 'bond0' }, 'slaves', 'eth0 eth1'))).toBe(`iface bond0 inet manual
  bond-mode active-backup
  bond-slaves eth0 eth1
`);
    const under = `iface bond0 inet manual
  bond_mode active-backup
`;
    expect(edit(under, (d) => setOption(d, { iface: 'bond0' }, 'slaves', 'eth0'))).toBe(`iface bond0 inet manual
  bond_mode active-backup
  bond_slaves eth0
`);
  });

  it('keeps indentation and key/value separator of the edited line', () => {
    const text = 'iface eth0 inet manual\n   mtu\t\t1500\n';
    expect(edit(text, (d) => setOption(d, { iface: 'eth0' }, 'mtu', '9000'))).toBe('iface eth0 inet manual\n   mtu\t\t9000\n');
  });

  it('replaces a backslash-continued line by one physical line with its own line ending', () => {
    const text = 'iface eth0 inet manual\r\n\tpost-up echo a \\\r\n\t  b\r\n\tmtu 1500\r\n';
    expect(edit(text, (d) => setOption(d, { iface: 'eth0' }, 'post-up', 'echo c'))).toBe(
      'iface eth0 inet manual\r\n\tpost-up echo c\r\n\tmtu 1500\r\n',
    );
  });

  it('indents new options like the file (tabs) and uses its line ending (CRLF)', () => {
    const text = 'auto eth0\r\niface eth0 inet static\r\n\taddress 10.0.0.2/24\r\n';
    expect(edit(text, (d) => setOption(d, { iface: 'eth0' }, 'gateway', '10.0.0.1'))).toBe(
      'auto eth0\r\niface eth0 inet static\r\n\taddress 10.0.0.2/24\r\n\tgateway 10.0.0.1\r\n',
    );
  });

  it('uses the document indentation in a stanza without options', () => {
    const text = 'iface eth0 inet manual\n\niface eth1 inet manual\n    mtu 1500\n';
    expect(edit(text, (d) => setOption(d, { iface: 'eth0' }, 'mtu', '9000'))).toBe(
      'iface eth0 inet manual\n    mtu 9000\n\niface eth1 inet manual\n    mtu 1500\n',
    );
  });

  it('adds the line ending to a last line without one when appending after it (the only touch)', () => {
    const text = 'iface eth0 inet static\n\taddress 10.0.0.2/24';
    expect(edit(text, (d) => setOption(d, { iface: 'eth0' }, 'mtu', '9000'))).toBe(
      'iface eth0 inet static\n\taddress 10.0.0.2/24\n\tmtu 9000\n',
    );
    // Replacing that last line keeps it without a final newline.
    expect(edit(text, (d) => setOption(d, { iface: 'eth0' }, 'address', '10.0.0.3/24'))).toBe(
      'iface eth0 inet static\n\taddress 10.0.0.3/24',
    );
  });

  it('sets every value of a multi-valued key in order: replace, remove surplus, append', () => {
    const text = `iface eth0 inet static
\taddress 10.0.0.1/24
\tpost-up ip route add 10.1.0.0/16 via 10.0.0.254
\tpost-up ip route add 10.2.0.0/16 via 10.0.0.254
\tpost-up ip route add 10.3.0.0/16 via 10.0.0.254
\tmtu 1500
`;
    expect(
      edit(text, (d) =>
        setOption(d, { iface: 'eth0' }, 'post-up', ['ip route add 10.1.0.0/16 via 10.0.0.254', 'ip route add 10.9.0.0/16 via 10.0.0.254']),
      ),
    ).toBe(`iface eth0 inet static
\taddress 10.0.0.1/24
\tpost-up ip route add 10.1.0.0/16 via 10.0.0.254
\tpost-up ip route add 10.9.0.0/16 via 10.0.0.254
\tmtu 1500
`);
    expect(edit(text, (d) => setOption(d, { iface: 'eth0' }, 'address', ['10.0.0.1/24', '10.0.0.5/24', 'fd00::1/64']))).toBe(`iface eth0 inet static
\taddress 10.0.0.1/24
\taddress 10.0.0.5/24
\taddress fd00::1/64
\tpost-up ip route add 10.1.0.0/16 via 10.0.0.254
\tpost-up ip route add 10.2.0.0/16 via 10.0.0.254
\tpost-up ip route add 10.3.0.0/16 via 10.0.0.254
\tmtu 1500
`);
  });

  const DUAL = `iface eth0 inet static
\taddress 10.0.0.2/24
\tmtu 1500

iface eth0 inet6 static
\taddress fd00::2/64
`;

  it('targets the stanza holding the key, the first stanza, or the given family', () => {
    expect(edit(DUAL, (d) => setOption(d, { iface: 'eth0' }, 'mtu', '9000'))).toBe(DUAL.replace('mtu 1500', 'mtu 9000'));
    expect(edit(DUAL, (d) => setOption(d, { iface: 'eth0', family: 'inet6' }, 'gateway', 'fd00::1'))).toBe(`${DUAL}\tgateway fd00::1\n`);
    expect(edit(DUAL, (d) => setOption(d, { iface: 'eth0' }, 'gateway', '10.0.0.1'))).toBe(`iface eth0 inet static
\taddress 10.0.0.2/24
\tmtu 1500
\tgateway 10.0.0.1

iface eth0 inet6 static
\taddress fd00::2/64
`);
    const typeless = 'iface vmbr1\n\taddress 10.0.0.1/24\n';
    expect(edit(typeless, (d) => setOption(d, { iface: 'vmbr1', family: null }, 'address', ['10.0.0.1/24', 'fd00::1/64']))).toBe(
      'iface vmbr1\n\taddress 10.0.0.1/24\n\taddress fd00::1/64\n',
    );
  });

  it('refuses unknown interfaces, missing stanzas and multi-line values', () => {
    const d = parse(DUAL);
    expect(() => setOption(d, { iface: 'eth9' }, 'mtu', '1')).toThrow(EditError);
    expect(() => setOption(d, { iface: 'eth0', family: null }, 'mtu', '1')).toThrow(/no family-less stanza/);
    expect(() => setOption(d, { iface: 'eth0' }, 'mtu', '1\n2')).toThrow(EditError);
    expect(() => setOption(d, { iface: 'eth0' }, 'bad key', '1')).toThrow(EditError);
    expect(() => setOption(d, { iface: 'eth0' }, 'iface', 'eth1 inet dhcp')).toThrow(/keyword/);
    expect(() => setOption(d, { iface: 'eth0' }, 'post-up', 'echo \\')).toThrow(/backslash/);
  });

  it('returns the same text when the value is unchanged', () => {
    expect(edit(BOND_UNDERSCORE, (d) => setOption(d, { iface: 'bond0' }, 'bond_mode', '802.3ad'))).toBe(BOND_UNDERSCORE);
  });
});

describe('unsetOption', () => {
  it('removes the key from the stanza holding it (any spelling)', () => {
    expect(edit(BOND_UNDERSCORE, (d) => unsetOption(d, { iface: 'bond0' }, 'bond-miimon'))).toBe(`auto lo
iface lo inet loopback

auto bond0
iface bond0 inet static
    slaves eth1 eth2
    address 192.168.1.2
    netmask 255.255.255.0
    bond_mode 802.3ad
`);
  });

  it('removes from every stanza when no family is given, from one when it is', () => {
    const text = 'iface eth0 inet static\n\tmtu 1500\n\niface eth0 inet6 static\n\tmtu 1500\n';
    expect(edit(text, (d) => unsetOption(d, { iface: 'eth0' }, 'mtu'))).toBe('iface eth0 inet static\n\niface eth0 inet6 static\n');
    expect(edit(text, (d) => unsetOption(d, { iface: 'eth0', family: 'inet6' }, 'mtu'))).toBe(
      'iface eth0 inet static\n\tmtu 1500\n\niface eth0 inet6 static\n',
    );
  });

  it('does not let blank lines inside a stanza pile up', () => {
    const text = 'iface vmbr0 inet manual\n\tbridge-ports none\n\n\tpost-up true\n\n\tmtu 1500\n';
    expect(edit(text, (d) => unsetOption(d, { iface: 'vmbr0' }, 'post-up'))).toBe('iface vmbr0 inet manual\n\tbridge-ports none\n\n\tmtu 1500\n');
  });
});

describe('setMethod', () => {
  it('rewrites only the method word of the header', () => {
    const text = 'auto eth0\niface  eth0\tinet   manual  \n\tmtu 1500\n';
    const out = edit(text, (d) => setMethod(d, 'eth0', 'inet', 'dhcp'));
    expect(out).toBe('auto eth0\niface  eth0\tinet   dhcp  \n\tmtu 1500\n');
    expect(toModel(parse(out))[0].inet?.method).toBe('dhcp');
  });

  it('adds a missing method and refuses a missing family stanza', () => {
    expect(edit('iface eth0 inet\n', (d) => setMethod(d, 'eth0', 'inet', 'manual'))).toBe('iface eth0 inet manual\n');
    expect(() => setMethod(parse('iface eth0 inet manual\n'), 'eth0', 'inet6', 'auto')).toThrow(/no inet6 stanza/);
  });
});
