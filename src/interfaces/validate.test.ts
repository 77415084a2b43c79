import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from './parser';
import { validate } from './validate';
import type { Diagnostic } from './types';

const check = (text: string, nics?: readonly string[]) => validate(parse(text), { nics });
const only = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule);
const rules = (ds: Diagnostic[]) => ds.map((d) => d.rule);

describe('unknown-method', () => {
  it('reports a misspelt method with a suggestion, at the method', () => {
    const ds = check('auto bond0\niface bond0 inet maunal\n');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 2, column: 18, severity: 'error', rule: 'unknown-method', iface: 'bond0' });
    expect(ds[0].message).toContain('did you mean manual?');
  });
  it('checks the method against the family', () => {
    expect(rules(check('iface eth0 inet6 ipv4ll\n'))).toEqual(['unknown-method']);
    expect(check('iface eth0 inet ipv4ll\n')).toEqual([]);
    expect(only(check('iface eth0 inet frobnicate\n'), 'unknown-method')[0].message).toContain('use one of static, manual');
  });
  it('accepts every listed method', () => {
    for (const m of ['static', 'manual', 'dhcp', 'loopback', 'auto', 'bootp', 'ppp', 'wvdial', 'ipv4ll', 'tunnel'])
      expect(only(check(`iface x inet ${m}\n`), 'unknown-method')).toEqual([]);
    for (const m of ['static', 'manual', 'dhcp', 'auto', 'loopback', 'v4tunnel', '6to4'])
      expect(only(check(`iface x inet6 ${m}\n`), 'unknown-method')).toEqual([]);
  });
  it('reports an unknown family at the family', () => {
    const [d] = check('iface x ipx static\n');
    expect(d).toMatchObject({ line: 1, column: 9, rule: 'unknown-method', severity: 'error' });
    expect(d.message).toContain('"ipx"');
    expect(check('iface x inet4 static\n')[0].message).toContain('did you mean inet?');
  });
  it('says when a method was written in place of the family', () => {
    const ds = check('iface eth0 static\n');
    expect(rules(ds)).toEqual(['missing-method', 'unknown-method']);
    expect(ds[1].message).toContain('iface eth0 inet static');
  });
  it('leaves family-less stanzas alone', () => {
    expect(check('iface vmbr1\n\taddress 10.0.0.1/24\n')).toEqual([]);
  });
});

describe('addresses', () => {
  it('bad-address: malformed, prefix out of range, wrong family', () => {
    const ds = check('iface a inet static\n\taddress 10.0.0.300/24\niface b inet static\n\taddress 10.0.0.1/33\niface c inet static\n\taddress 2001:db8::1/64\niface d inet6 static\n\taddress 10.0.0.1/24\n');
    expect(ds.map((d) => [d.rule, d.line, d.column, d.iface])).toEqual([
      ['bad-address', 2, 10, 'a'],
      ['bad-address', 4, 10, 'b'],
      ['bad-address', 6, 10, 'c'],
      ['bad-address', 8, 10, 'd'],
    ]);
    expect(ds[1].message).toContain('/0 to /32');
    expect(ds[2].message).toContain('iface c inet6 static');
  });
  it('accepts valid addresses, several per line, and mixed families in a family-less stanza', () => {
    expect(check('iface a inet static\n\taddress 10.0.0.1/24 10.0.1.1/24\n\taddress 0.0.0.0\niface b inet6 static\n\taddress fc05::1:2/112\n')).toEqual([]);
    expect(check('iface v\n\taddress 1.2.3.4/24\n\taddress fccc::a:1/64\n\tgateway 1.2.3.1\n\tgateway fccc::1\n')).toEqual([]);
  });
  it('bad-netmask: non-contiguous or malformed', () => {
    const ds = check('iface a inet static\n\taddress 10.0.0.1\n\tnetmask 255.0.255.0\niface b inet static\n\taddress 10.0.0.2\n\tnetmask 33\n');
    expect(ds.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['bad-netmask', 3, 10],
      ['bad-netmask', 6, 10],
    ]);
    expect(ds[0].message).toContain('not contiguous');
    expect(check('iface a inet static\n\taddress 10.0.0.1\n\tnetmask 255.255.255.0\niface a inet6 static\n\taddress fc05::1\n\tnetmask 112\n')).toEqual([]);
  });
  it('bad-gateway: invalid, with a prefix, wrong family', () => {
    const ds = check('iface a inet static\n\taddress 10.0.0.2/24\n\tgateway 10.0.0.256\niface b inet static\n\taddress 10.0.1.2/24\n\tgateway 10.0.1.1/24\niface c inet static\n\taddress 10.0.2.2/24\n\tgateway fe80::1\n');
    expect(ds.map((d) => [d.rule, d.line, d.column, d.iface])).toEqual([
      ['bad-gateway', 3, 10, 'a'],
      ['bad-gateway', 6, 10, 'b'],
      ['bad-gateway', 9, 10, 'c'],
    ]);
    expect(ds[1].message).toContain('gateway 10.0.1.1');
  });
  it('static-without-address: warning, only when no address at all for that family', () => {
    const ds = check('iface vmbr0.10 inet static\n', ['vmbr0']);
    expect(ds).toMatchObject([{ rule: 'static-without-address', severity: 'warning', line: 1, column: 21 }]);
    expect(check('iface a inet manual\n')).toEqual([]);
    expect(check('iface a inet static\niface a\n\taddress 10.0.0.1/24\n')).toEqual([]);
    expect(rules(check('iface a inet6 static\niface a\n\taddress 10.0.0.1/24\n'))).toEqual(['static-without-address']);
  });
});

describe('bad-vlan-id', () => {
  it('reports vlan-id outside 1-4094 or not a number', () => {
    const ds = check('iface v1 inet manual\n\tvlan-raw-device eth0\n\tvlan-id 4095\niface v2 inet manual\n\tvlan-raw-device eth0\n\tvlan-id abc\niface eth0 inet manual\n');
    expect(ds.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['bad-vlan-id', 3, 10],
      ['bad-vlan-id', 6, 10],
    ]);
  });
  it('reports ids implied by raw.N and vlanN names', () => {
    const ds = check('iface eth0 inet manual\niface eth0.0 inet manual\niface eth0.4095 inet manual\niface vlan5000 inet manual\n\tvlan-raw-device eth0\n');
    expect(ds.map((d) => [d.rule, d.line, d.column, d.iface])).toEqual([
      ['bad-vlan-id', 2, 7, 'eth0.0'],
      ['bad-vlan-id', 3, 7, 'eth0.4095'],
      ['bad-vlan-id', 4, 7, 'vlan5000'],
    ]);
  });
  it('accepts good ids, and names that are not VLANs', () => {
    expect(check('iface eth0 inet manual\niface eth0.100 inet manual\niface eth0.4094 inet manual\niface vlan0 inet manual\niface z inet manual\n\tvlan-id 1\n\tvlan-raw-device eth0\n')).toEqual([]);
  });
});

const BOND = (body: string, mode = '802.3ad') =>
  `iface eth1 inet manual\niface eth2 inet manual\niface bond0 inet manual\n\tbond-slaves eth1 eth2\n\tbond-miimon 100\n${mode ? `\tbond-mode ${mode}\n` : ''}${body}`;

describe('bond', () => {
  it('a well-formed bond is clean', () => {
    expect(check(BOND('\tbond-xmit-hash-policy layer3+4\n\tbond-lacp-rate fast\n'))).toEqual([]);
    expect(check(BOND('\tbond-primary eth1\n\tbond-updelay 200\n', '1'))).toEqual([]);
  });
  it('unknown-bond-mode with a suggestion', () => {
    const ds = check(BOND('', 'lacp'));
    expect(ds).toMatchObject([{ rule: 'unknown-bond-mode', severity: 'error', line: 6, column: 12, iface: 'bond0' }]);
    expect(ds[0].message).toContain('did you mean 802.3ad?');
    expect(check(BOND('', '7'))[0].message).toContain('0-6');
    expect(check(BOND('', 'active_backup'))[0].message).toContain('active-backup');
  });
  it('bond-option-mode: options that the mode ignores', () => {
    const ds = check(BOND('\tbond-xmit-hash-policy layer2\n\tbond-lacp-rate 1\n', 'active-backup'));
    expect(ds.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ['bond-option-mode', 'warning', 7, 2],
      ['bond-option-mode', 'warning', 8, 2],
    ]);
    expect(only(check(BOND('\tbond-primary eth1\n')), 'bond-option-mode')[0].message).toContain('active-backup, balance-tlb, balance-alb');
    expect(only(check(BOND('\tbond-xmit-hash-policy layer2\n', '')), 'bond-option-mode')[0].message).toContain('default bond mode balance-rr');
  });
  it('bond-option-mode: updelay/downdelay without miimon', () => {
    const text = 'iface eth1 inet manual\niface bond0 inet manual\n\tbond-slaves eth1\n\tbond-mode active-backup\n\tbond-updelay 100\n';
    expect(only(check(text), 'bond-option-mode')[0].message).toContain('no bond-miimon');
    expect(only(check(text + '\tbond-miimon 0\n'), 'bond-option-mode')[0].message).toContain('bond-miimon is 0');
    expect(check(text + '\tbond-miimon 100\n')).toEqual([]);
  });
  it('bad-hash-policy and bad-bond-value', () => {
    const ds = check(BOND('\tbond-xmit-hash-policy layer2+4\n\tbond-lacp-rate quick\n\tbond-updelay soon\n'));
    expect(ds.map((d) => d.rule)).toEqual(['bad-hash-policy', 'bad-bond-value', 'bad-bond-value']);
    expect(ds[0].message).toMatch(/did you mean layer(2\+3|3\+4)\?/);
  });
  it('slaves-spelling on the key', () => {
    const ds = check('iface eth1 inet manual\niface bond0 inet manual\nslaves eth1\nbond_mode active-backup\n');
    expect(ds).toMatchObject([{ rule: 'slaves-spelling', severity: 'warning', line: 3, column: 1, iface: 'bond0' }]);
    expect(ds[0].message).toContain('bond-slaves');
    expect(check('iface eth1 inet manual\niface bond0 inet manual\n\tbond_slaves eth1\n')).toEqual([]);
  });
  it('bond-without-slaves', () => {
    expect(rules(check('iface bond0 inet manual\n\tbond-mode 802.3ad\n'))).toEqual(['bond-without-slaves']);
    expect(rules(check('iface bond0 inet manual\n\tbond-slaves none\n\tbond-mode 1\n'))).toEqual(['bond-without-slaves']);
  });
});

describe('ports', () => {
  it('port-conflict: one port in two bridges, or two bonds', () => {
    const ds = check('iface eth0 inet manual\niface vmbr0 inet manual\n\tbridge-ports eth0\niface vmbr1 inet manual\n\tbridge-ports eth0\n');
    expect(ds).toMatchObject([{ rule: 'port-conflict', severity: 'error', line: 5, column: 15, iface: 'vmbr1' }]);
    expect(ds[0].message).toContain('vmbr0 (line 3)');
    const bonds = check('iface eth1 inet manual\niface bond0 inet manual\n\tbond-slaves eth1\niface bond1 inet manual\n\tbond-slaves eth1\n');
    expect(rules(bonds)).toEqual(['port-conflict']);
  });
  it('port-is-slave: reported on the bridge, whichever comes first', () => {
    const bondFirst = 'iface eth1 inet manual\niface bond0 inet manual\n\tbond-slaves eth1\niface vmbr0 inet manual\n\tbridge-ports eth1\n';
    const bridgeFirst = 'iface eth1 inet manual\niface vmbr0 inet manual\n\tbridge-ports eth1\niface bond0 inet manual\n\tbond-slaves eth1\n';
    expect(check(bondFirst)).toMatchObject([{ rule: 'port-is-slave', line: 5, column: 15, iface: 'vmbr0' }]);
    const ds = check(bridgeFirst);
    expect(ds).toMatchObject([{ rule: 'port-is-slave', line: 3, column: 15, iface: 'vmbr0' }]);
    expect(ds[0].message).toContain('replace eth1 with bond0');
  });
  it('no conflict for distinct ports, none, or a bond used as a bridge port', () => {
    expect(check('iface eth1 inet manual\niface bond0 inet manual\n\tbond-slaves eth1\niface vmbr0 inet manual\n\tbridge-ports bond0\niface vmbr1 inet manual\n\tbridge-ports none\niface vmbr2 inet manual\n\tbridge-ports none\n')).toEqual([]);
  });
});

describe('duplicate-gateway', () => {
  it('reports the second IPv4 default gateway, naming the first', () => {
    const ds = check('iface eth1 inet static\n\taddress 192.168.0.2/24\n\tgateway 192.168.0.1\n\niface vmbr0 inet static\n\taddress 10.0.0.2/24\n\tgateway 10.0.0.1\n');
    expect(ds).toMatchObject([{ rule: 'duplicate-gateway', severity: 'error', line: 7, column: 10, iface: 'vmbr0' }]);
    expect(ds[0].message).toContain('eth1 already sets one (192.168.0.1) on line 3');
  });
  it('counts family-less gateways by their address, twice on one interface too', () => {
    const ds = check('iface a inet6 static\n\taddress fc00::2/64\n\tgateway fc00::1\niface b\n\taddress 1.2.3.4/24\n\tgateway 1.2.3.1\n\tgateway fccc::1\n\tgateway 1.2.3.254\n');
    expect(ds.map((d) => [d.rule, d.line])).toEqual([
      ['duplicate-gateway', 7],
      ['duplicate-gateway', 8],
    ]);
    expect(ds[1].message).toContain('it already has one (1.2.3.1) on line 6');
  });
  it('one gateway per family is fine; different VRFs or metrics are separate routes', () => {
    expect(check('iface a inet static\n\taddress 1.2.3.4/24\n\tgateway 1.2.3.1\niface a inet6 static\n\taddress fc00::2/64\n\tgateway fc00::1\n')).toEqual([]);
    expect(check('iface a inet static\n\taddress 1.2.3.4/24\n\tgateway 1.2.3.1\niface b inet static\n\taddress 1.2.4.4/24\n\tgateway 1.2.4.1\n\tmetric 200\n')).toEqual([]);
    expect(check('iface a inet static\n\taddress 1.2.3.4/24\n\tgateway 1.2.3.1\niface b inet static\n\taddress 1.2.4.4/24\n\tgateway 1.2.4.1\n\tvrf mgmt\niface mgmt inet manual\n\tvrf-table auto\n')).toEqual([]);
  });
});

describe('bad-name', () => {
  it('reports names over 15 bytes, with / or with misplaced colons', () => {
    const ds = check('iface abcdefghijklmnop inet manual\niface ééééééééé inet manual\niface a/b inet manual\niface eth0:1:2 inet manual\niface . inet manual\n');
    expect(ds.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['bad-name', 1, 7],
      ['bad-name', 2, 7],
      ['bad-name', 3, 7],
      ['bad-name', 4, 7],
      ['bad-name', 5, 7],
    ]);
    expect(ds[1].message).toContain('18 bytes');
  });
  it('accepts 15-byte names and aliases', () => {
    expect(check('iface abcdefghijklmno inet manual\niface eth0 inet manual\niface eth0:1 inet manual\n')).toEqual([]);
  });
});

describe('undeclared-reference', () => {
  it('reports an undeclared bridge port with the documented message', () => {
    const ds = check('iface vmbr0 inet manual\n\tbridge-ports eth0\n');
    expect(ds).toEqual([
      {
        line: 2,
        column: 15,
        severity: 'warning',
        rule: 'undeclared-reference',
        iface: 'vmbr0',
        message: 'vmbr0: bridge port eth0 is not declared in this file and is not a known NIC: add `iface eth0 inet manual` or check the name.',
      },
    ]);
  });
  it('accepts known NICs, none, declared raw devices of implicit VLANs', () => {
    expect(check('iface vmbr0 inet manual\n\tbridge-ports eth0\n', ['eth0'])).toEqual([]);
    expect(check('iface vmbr0 inet manual\n\tbridge-ports none\n')).toEqual([]);
    expect(check('iface vmbr4 inet manual\n\tbridge-ports eth0\niface vmbr5 inet manual\n\tbridge-ports vmbr4.99\n', ['eth0'])).toEqual([]);
  });
  it('checks bond slaves, bond-primary and VLAN raw devices', () => {
    const ds = check('iface bond0 inet manual\n\tbond-slaves eth1 eth2\n\tbond-mode active-backup\n\tbond-primary eth3\niface bond0.10 inet manual\niface v inet manual\n\tvlan-raw-device eth9\n\tvlan-id 5\n', ['eth1']);
    expect(ds.map((d) => [d.line, d.column, d.message.split(' is ')[0]])).toEqual([
      [2, 19, 'bond0: bond slave eth2'],
      [4, 15, 'bond0: bond-primary eth3'],
      [7, 18, 'v: VLAN raw device eth9'],
    ]);
    expect(rules(check('iface eth0.5 inet manual\n'))).toEqual(['undeclared-reference']);
  });
  it('mentions sourced files when the file has source lines', () => {
    expect(check('source /etc/network/interfaces.d/*\niface vmbr0 inet manual\n\tbridge-ports eth0\n')[0].message).toContain('sourced file');
  });
});

describe('mtu', () => {
  it('bad-mtu: not an integer in 68..65535', () => {
    const ds = check('iface a inet manual\n\tmtu 50\niface b inet manual\n\tmtu 70000\niface c inet manual\n\tmtu big\n');
    expect(ds.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ['bad-mtu', 'error', 2, 6],
      ['bad-mtu', 'error', 4, 6],
      ['bad-mtu', 'error', 6, 6],
    ]);
    expect(check('iface a inet manual\n\tmtu 9000\niface b inet manual\n\tmtu 68\n')).toEqual([]);
  });
  it('bad-mtu warning: below 1280 with IPv6 configured', () => {
    const ds = check('iface a inet6 static\n\taddress fc00::1/64\n\tmtu 1200\n');
    expect(ds).toMatchObject([{ rule: 'bad-mtu', severity: 'warning', line: 3 }]);
    expect(check('iface a inet static\n\taddress 10.0.0.1/24\n\tmtu 1200\n')).toEqual([]);
  });
  it('mtu-above-parent: VLAN above raw device, bridge above a port', () => {
    const ds = check('iface bond0 inet manual\n\tmtu 1500\niface bond0.100 inet manual\n\tmtu 9000\niface vmbr0 inet manual\n\tbridge-ports bond0\n\tmtu 9000\n');
    expect(ds.map((d) => [d.rule, d.line, d.column, d.iface])).toEqual([
      ['mtu-above-parent', 4, 6, 'bond0.100'],
      ['mtu-above-parent', 7, 6, 'vmbr0'],
    ]);
    expect(ds[0].message).toContain('raw device bond0 (line 2)');
  });
  it('no mtu-above-parent when lower, equal, or one side unset', () => {
    expect(check('iface bond0 inet manual\n\tmtu 9000\niface bond0.100 inet manual\n\tmtu 9000\niface vmbr0 inet manual\n\tbridge-ports bond0\n\tmtu 1500\niface vmbr1 inet manual\n\tbridge-ports bond0.100 eth9\n\tmtu 1500\n', ['eth9'])).toEqual([]);
  });
});

describe('duplicate-stanza', () => {
  it('warns on the second stanza with the same name and family', () => {
    const ds = check('iface eth0 inet manual\niface eth0 inet6 manual\niface eth0 inet manual\n');
    expect(ds).toMatchObject([{ rule: 'duplicate-stanza', severity: 'warning', line: 3, column: 7, iface: 'eth0' }]);
    expect(ds[0].message).toContain('line 1');
    expect(check('iface lo inet loopback\niface lo inet6 loopback\n')).toEqual([]);
  });
});

describe('template-marker', () => {
  it('a leading % is an error', () => {
    const ds = check('iface eth0 inet manual\n% for i in range(3):\n');
    expect(only(ds, 'template-marker')).toMatchObject([{ severity: 'error', line: 2, column: 1 }]);
    expect(only(ds, 'template-marker')[0].message).toContain('%%');
  });
  it('${ is an error when the file renders, a warning otherwise', () => {
    expect(check('iface eth0 inet manual\n\tpost-up echo ${IFACE}\n')).toMatchObject([{ rule: 'template-marker', severity: 'warning', line: 2, column: 15, iface: 'eth0' }]);
    const ds = check('iface eth0 inet manual\n\tpost-up echo ${IFACE} 100%\n');
    expect(ds).toMatchObject([{ rule: 'template-marker', severity: 'error', line: 2, column: 15 }]);
  });
  it('<% is an error; a % inside a line is a warning', () => {
    expect(check('# <%include file="x"/>\n')).toMatchObject([{ rule: 'template-marker', severity: 'error', line: 1, column: 3 }]);
    const ds = check('# 100% sure\nauto lo\niface lo inet loopback\n');
    expect(ds).toMatchObject([{ rule: 'template-marker', severity: 'warning', line: 1, column: 6 }]);
    expect(ds[0].message).toContain('Mako');
    expect(check('iface eth0 inet manual\n\tpost-up echo $IFACE\n')).toEqual([]);
  });
  it('reports the physical line inside a continued line', () => {
    expect(check('iface eth0 inet manual\n\tpost-up echo a \\\n%x\n')).toMatchObject([{ rule: 'template-marker', line: 3, column: 1 }]);
  });
});

describe('validate', () => {
  it('includes parser diagnostics and sorts by line then column', () => {
    const ds = check('address 1.2.3.4\niface b inet foo\n\taddress bad\niface a ipx static\n');
    expect(rules(ds)).toEqual(['option-outside-stanza', 'unknown-method', 'bad-address', 'unknown-method']);
    const sorted = [...ds].sort((x, y) => x.line - y.line || x.column - y.column);
    expect(ds).toEqual(sorted);
  });
  it('columns follow the first physical line of a continued line', () => {
    const ds = check('iface vmbr0 inet manual\n\tbridge-ports eth0 \\\n\t  eth1\n', ['eth0']);
    expect(ds).toMatchObject([{ rule: 'undeclared-reference', line: 2, column: 2 }]);
  });
  it('never throws and never reports an internal error, whatever the text', () => {
    const token = fc.constantFrom(
      'iface', 'auto', 'inet', 'inet6', 'static', 'manual', 'maunal', 'eth0', 'eth0.5', 'bond0', 'vmbr0', 'vmbr0.99999',
      'address', 'netmask', 'gateway', 'bridge-ports', 'bond-slaves', 'slaves', 'bond-mode', 'bond-primary', 'mtu', 'vlan-id',
      'vlan-raw-device', 'bond-xmit-hash-policy', '10.0.0.1/24', 'fe80::1', '1500', '99', 'none', '%', '${x}', '\\', '#', '\t', ' ', '\n', '\r\n', ':', '/', '',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        const ds = validate(parse(parts.join(' ')), { nics: ['eth0'] });
        expect(ds.filter((d) => d.rule === 'internal-error')).toEqual([]);
        for (const d of ds) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
