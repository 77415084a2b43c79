import { describe, expect, it } from 'vitest';
import { activeLabel, COLUMNS, portsOf, TABLE_WIDTH, typeLabel } from './columns';
import type { InterfaceRow } from './rows';
import { bridge, model } from './test-data';

const cells = (row: InterfaceRow) => Object.fromEntries(COLUMNS.map((c) => [c.label, c.text(row)]));

describe('columns', () => {
  it('has the columns of the Proxmox VE panel, in its order', () => {
    expect(COLUMNS.map((c) => c.label)).toEqual([
      'Name',
      'Type',
      'Active',
      'Autostart',
      'VLAN aware',
      'Ports/Slaves',
      'Bond Mode',
      'Hash Policy',
      'CIDR',
      'Gateway',
      'CIDR (IPv6)',
      'Gateway (IPv6)',
      'Comment',
      'MTU',
    ]);
    expect(TABLE_WIDTH).toBe(COLUMNS.reduce((s, c) => s + c.width, 0));
  });

  it('reads a bridge', () => {
    const row: InterfaceRow = {
      model: bridge('vmbr0', ['eth0', 'eth1'], '10.0.0.2/24', {
        inet: { method: 'static', cidr: '10.0.0.2/24', extraCidrs: ['10.0.1.2/24'], gateway: '10.0.0.1' },
        inet6: { method: 'static', cidr: 'fd00::2/64', gateway: 'fd00::1' },
        bridge: { ports: ['eth0', 'eth1'], vlanAware: true },
        comments: 'line one\nline two',
        mtu: 9000,
      }),
      diagnostics: [],
      state: 'up',
    };
    expect(cells(row)).toEqual({
      Name: 'vmbr0',
      Type: 'Linux Bridge',
      Active: 'Yes',
      Autostart: 'Yes',
      'VLAN aware': 'Yes',
      'Ports/Slaves': 'eth0 eth1',
      'Bond Mode': '',
      'Hash Policy': '',
      CIDR: '10.0.0.2/24 10.0.1.2/24',
      Gateway: '10.0.0.1',
      'CIDR (IPv6)': 'fd00::2/64',
      'Gateway (IPv6)': 'fd00::1',
      Comment: 'line one line two',
      MTU: '9000',
    });
  });

  it('reads a bond and a bare NIC', () => {
    const bond: InterfaceRow = { model: model('bond0', { type: 'bond', bond: { slaves: ['eth2', 'eth3'], mode: '802.3ad', xmitHashPolicy: 'layer2+3' } }), diagnostics: [] };
    expect(cells(bond)).toMatchObject({ Type: 'Linux Bond', 'Ports/Slaves': 'eth2 eth3', 'Bond Mode': '802.3ad', 'Hash Policy': 'layer2+3', 'VLAN aware': '', Active: 'No' });
    const nic: InterfaceRow = { model: model('eth0'), diagnostics: [], state: 'down' };
    expect(cells(nic)).toMatchObject({ Type: 'Network Device', Active: 'No', Autostart: 'No', CIDR: '', MTU: '' });
  });

  it('labels types and link states', () => {
    expect(typeLabel('OVSIntPort')).toBe('OVS IntPort');
    expect(typeLabel('something-new')).toBe('something-new');
    expect(activeLabel('unknown')).toBe('Unknown');
    expect(activeLabel('lowerlayerdown')).toBe('No');
    expect(portsOf(model('x', { type: 'OVSBridge', ovs: { type: 'OVSBridge', ports: ['p1', 'p2'] } }))).toBe('p1 p2');
  });
});
