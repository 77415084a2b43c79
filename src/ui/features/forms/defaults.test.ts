import { describe, expect, it } from 'vitest';
import type { InterfaceModel } from '../../../interfaces/types';
import { bondFormSchema } from '../../../schema/bond';
import { bridgeFormSchema } from '../../../schema/bridge';
import { vlanFormSchema } from '../../../schema/vlan';
import { createBondValues, createBridgeValues, createEthValues, createSetupValues, editValues } from './defaults';
import { formTitle } from './labels';
import { formKindFor } from './kind';
import { stagedNotice } from './staged-notice';

const m = (name: string, type: InterfaceModel['type'], extra: Partial<InterfaceModel> = {}): InterfaceModel => ({ name, type, autostart: true, hotplug: false, options: [], ...extra });
const network = {
  interfaces: [m('eth0', 'eth'), m('vmbr0', 'bridge', { bridge: { ports: ['eth0'] } }), m('bond0', 'bond', { bond: { slaves: ['eth1'] } })],
  nics: [
    { name: 'eth0', physical: true },
    { name: 'eth1', physical: true },
    { name: 'eth2', physical: true },
    { name: 'vmbr1', physical: false },
  ],
};

describe('create values', () => {
  it('names a new bridge / bond with the next free name, autostart on', () => {
    expect(createBridgeValues(network)).toMatchObject({ name: 'vmbr2', autostart: true, ports: [] });
    expect(createBondValues(network)).toMatchObject({ name: 'bond1', autostart: true, mode: 'active-backup' });
  });

  it('does not share objects between forms', () => {
    const a = createBridgeValues(network);
    a.ipv4!.cidr = '10.0.0.1/24';
    expect(createBridgeValues(network).ipv4!.cidr).toBe('');
  });

  it('offers the first NIC without a stanza for a network device', () => {
    expect(createEthValues(network).name).toBe('eth1');
  });

  it('keeps the setup default public interface when the host has it', () => {
    expect(createSetupValues('routed', network).publicIface).toBe('eth0');
    expect(createSetupValues('nat', { interfaces: [], nics: [{ name: 'enp1s0', physical: true }] }).publicIface).toBe('enp1s0');
    expect(createSetupValues('nat', network).bridgeCidr).toBe('10.10.10.1/24');
  });
});

describe('edit values', () => {
  it('opens a model as valid form input', () => {
    expect(bridgeFormSchema.safeParse(editValues.bridge(network.interfaces[1])).success).toBe(true);
    expect(bondFormSchema.safeParse(editValues.bond(m('bond0', 'bond', { bond: { slaves: ['eth1'], mode: '802.3ad', lacpRate: 'fast' } }))).success).toBe(true);
  });

  it('shows a dotted VLAN’s raw device and tag even when the file only has the name', () => {
    const v = editValues.vlan(m('eth0.50', 'vlan', { vlan: {} }));
    expect(v).toMatchObject({ rawDevice: 'eth0', id: 50 });
    expect(vlanFormSchema.safeParse(v).success).toBe(true);
  });
});

describe('formKindFor', () => {
  it('maps the four editable types and refuses the rest', () => {
    expect(['bridge', 'bond', 'vlan', 'eth'].map((t) => formKindFor(m('x', t as InterfaceModel['type'])))).toEqual(['bridge', 'bond', 'vlan', 'eth']);
    for (const t of ['loopback', 'alias', 'OVSBridge', 'OVSBond', 'OVSPort', 'OVSIntPort', 'unknown'] as const) expect(formKindFor(m('x', t))).toBeNull();
  });
});

describe('formTitle', () => {
  it('says what is created or edited', () => {
    expect(formTitle({ kind: 'bridge', mode: 'create' })).toBe('Create: Linux Bridge');
    expect(formTitle({ kind: 'bridge', mode: 'edit', name: 'vmbr0' })).toBe('Edit: Linux Bridge vmbr0');
    expect(formTitle({ kind: 'eth', mode: 'edit', name: 'eth0' })).toBe('Edit: Network Device eth0');
    expect(formTitle({ kind: 'nat', mode: 'create' })).toBe('Create: NAT setup');
  });
});

describe('stagedNotice', () => {
  it('is green without warnings about the changed interfaces, yellow with them', () => {
    const other = { line: 3, column: 1, severity: 'warning' as const, rule: 'r', message: 'elsewhere', iface: 'eth9' };
    expect(stagedNotice(['vmbr1'], { diagnostics: [other] })).toMatchObject({ color: 'green', title: 'Staged: vmbr1' });
    const mine = { ...other, message: 'vmbr1: duplicate address.', iface: 'vmbr1' };
    expect(stagedNotice(['vmbr1'], { diagnostics: [other, mine] })).toMatchObject({ color: 'yellow', message: 'Staged with a warning: vmbr1: duplicate address.' });
  });
});
