import { describe, expect, it } from 'vitest';
import type { InterfaceModel } from '../../../interfaces/types';
import type { Nic } from '../../../schema/responses';
import { deviceOptions, membership, unconfiguredNics } from './devices';

const m = (name: string, type: InterfaceModel['type'], extra: Partial<InterfaceModel> = {}): InterfaceModel => ({ name, type, autostart: true, hotplug: false, options: [], ...extra });
const nic = (name: string, physical = true): Nic => ({ name, physical });

const network = {
  interfaces: [
    m('lo', 'loopback'),
    m('eth0', 'eth'),
    m('eth1', 'eth'),
    m('vmbr0', 'bridge', { bridge: { ports: ['eth0'] } }),
    m('bond0', 'bond', { bond: { slaves: ['eth2', 'eth3'] } }),
    m('vmbr1', 'bridge', { bridge: { ports: ['bond0'] } }),
    m('eth1.50', 'vlan', { vlan: { rawDevice: 'eth1', id: 50 } }),
    m('eth1:1', 'alias'),
    m('ovsbr0', 'OVSBridge'),
  ],
  nics: [nic('eth0'), nic('eth1'), nic('eth2'), nic('eth3'), nic('eth10'), nic('lo', false), nic('vmbr0', false), nic('tap100i0', false)],
};

describe('membership', () => {
  it('names the master of every enslaved device', () => {
    expect(Object.fromEntries(membership(network.interfaces))).toEqual({
      eth0: 'port of vmbr0',
      eth2: 'slave of bond0',
      eth3: 'slave of bond0',
      bond0: 'port of vmbr1',
    });
  });

  it('leaves out what the edited interface itself holds', () => {
    expect(membership(network.interfaces, 'vmbr0').has('eth0')).toBe(false);
  });
});

describe('deviceOptions', () => {
  it('offers bridge ports: NICs, bonds and VLANs, enslaved ones disabled with the reason', () => {
    expect(deviceOptions(network, { purpose: 'port', exclude: 'vmbr2' })).toEqual([
      { value: 'bond0', label: 'bond0 — port of vmbr1', disabled: true },
      { value: 'eth0', label: 'eth0 — port of vmbr0', disabled: true },
      { value: 'eth1', label: 'eth1', disabled: false },
      { value: 'eth1.50', label: 'eth1.50', disabled: false },
      { value: 'eth2', label: 'eth2 — slave of bond0', disabled: true },
      { value: 'eth3', label: 'eth3 — slave of bond0', disabled: true },
      { value: 'eth10', label: 'eth10', disabled: false },
    ]);
  });

  it('keeps the edited bridge’s own ports enabled and never offers the bridge itself', () => {
    const opts = deviceOptions(network, { purpose: 'port', exclude: 'vmbr0' });
    expect(opts.find((o) => o.value === 'eth0')).toEqual({ value: 'eth0', label: 'eth0', disabled: false });
    expect(opts.some((o) => o.value === 'vmbr0')).toBe(false);
  });

  it('offers bond slaves: NICs only', () => {
    const opts = deviceOptions(network, { purpose: 'slave', exclude: 'bond0' });
    expect(opts.map((o) => [o.value, o.disabled])).toEqual([
      ['eth0', true],
      ['eth1', false],
      ['eth2', false],
      ['eth3', false],
      ['eth10', false],
    ]);
  });

  it('offers raw devices of every carrying type, annotated but not disabled', () => {
    const opts = deviceOptions(network, { purpose: 'raw', exclude: 'eth1.50' });
    expect(opts.map((o) => o.value)).toEqual(['bond0', 'eth0', 'eth1', 'eth2', 'eth3', 'eth10', 'vmbr0', 'vmbr1']);
    expect(opts.find((o) => o.value === 'eth0')).toEqual({ value: 'eth0', label: 'eth0 — port of vmbr0', disabled: false });
  });

  it('never offers loopback, aliases, OVS or virtual NICs without a stanza', () => {
    const all = (['port', 'slave', 'raw', 'public'] as const).flatMap((purpose) => deviceOptions(network, { purpose }).map((o) => o.value));
    for (const name of ['lo', 'eth1:1', 'ovsbr0', 'tap100i0']) expect(all).not.toContain(name);
  });

  it('still lists a selected value the host does not know, so it can be seen and removed', () => {
    const opts = deviceOptions(network, { purpose: 'port', exclude: 'vmbr5', selected: ['eth9'] });
    expect(opts.find((o) => o.value === 'eth9')).toEqual({ value: 'eth9', label: 'eth9', disabled: false });
  });
});

describe('unconfiguredNics', () => {
  it('lists hardware NICs without a stanza', () => {
    expect(unconfiguredNics(network)).toEqual(['eth2', 'eth3', 'eth10']);
  });
});
