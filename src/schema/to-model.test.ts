import { describe, expect, it } from 'vitest';
import { parse } from '../interfaces/parser';
import { toModel } from '../interfaces/model';
import type { InterfaceModel } from '../interfaces/types';
import { haveSeed, seedExamples } from '../../test/support/shared';
import { bondFormDefaults, bondFormSchema, type BondFormInput } from './bond';
import { bridgeFormDefaults, bridgeFormSchema, type BridgeFormInput } from './bridge';
import { ethFormDefaults, ethFormSchema, type EthFormInput } from './eth';
import { modelTextProblems } from './model-check';
import { natSetupDefaults, natSetupSchema, natSubnet, routedSetupSchema } from './setups';
import { issuesAt } from './test-helpers';
import {
  bondFormToModel,
  bridgeFormToModel,
  ethFormToModel,
  modelToBondForm,
  modelToBridgeForm,
  modelToEthForm,
  modelToVlanForm,
  natSetupToModels,
  routedSetupToModels,
  vlanFormToModel,
} from './to-model';
import { vlanFormDefaults, vlanFormSchema, type VlanFormInput } from './vlan';

// The defaults objects are valid react-hook-form defaultValues (checked by tsc).
const typed: [BridgeFormInput, BondFormInput, VlanFormInput, EthFormInput] = [bridgeFormDefaults, bondFormDefaults, vlanFormDefaults, ethFormDefaults];

const seedSetup = { publicIface: 'eth0', publicCidr: '192.168.10.2/24', gateway: '192.168.10.1', bridge: 'vmbr0', bridgeCidr: '10.10.10.1/24' };

const eth0: InterfaceModel = {
  name: 'eth0',
  type: 'eth',
  autostart: true,
  hotplug: false,
  inet: { method: 'static', cidr: '192.168.10.2/24', gateway: '192.168.10.1' },
  options: [],
};
const vmbr0: InterfaceModel = {
  name: 'vmbr0',
  type: 'bridge',
  autostart: true,
  hotplug: false,
  inet: { method: 'static', cidr: '10.10.10.1/24' },
  bridge: { ports: [], stp: false, fd: 0 },
  options: [],
};
const SEED_ROUTED: InterfaceModel[] = [
  { ...eth0, options: [{ key: 'post-up', value: 'echo 1 > /proc/sys/net/ipv4/conf/eth0/proxy_arp', family: 'inet' }] },
  vmbr0,
];
const SEED_NAT: InterfaceModel[] = [
  { ...eth0, comments: 'real IP adress' },
  {
    ...vmbr0,
    comments: 'private sub network',
    options: [
      { key: 'post-up', value: 'echo 1 > /proc/sys/net/ipv4/ip_forward', family: 'inet' },
      { key: 'post-up', value: "iptables -t nat -A POSTROUTING -s '10.10.10.0/24' -o eth0 -j MASQUERADE", family: 'inet' },
      { key: 'post-down', value: "iptables -t nat -D POSTROUTING -s '10.10.10.0/24' -o eth0 -j MASQUERADE", family: 'inet' },
    ],
  },
];

describe('setups', () => {
  it('routed setup builds seed example 2', () => {
    expect(routedSetupToModels(routedSetupSchema.parse(seedSetup))).toEqual(SEED_ROUTED);
  });

  it('NAT setup builds seed example 3, masquerading the subnet derived from the bridge CIDR', () => {
    expect(natSubnet('10.10.10.1/24')).toBe('10.10.10.0/24');
    const v = natSetupSchema.parse({ ...seedSetup, publicComment: 'real IP adress', bridgeComment: 'private sub network' });
    expect(natSetupToModels(v)).toEqual(SEED_NAT);
    expect(issuesAt(natSetupSchema, { ...natSetupDefaults, publicCidr: '192.168.10.2/24', gateway: '192.168.10.1' })).toEqual([]);
  });

  it.skipIf(!haveSeed)('…exactly as the engine parses the seed page', () => {
    const parsed = (i: number) => toModel(parse(seedExamples()[i])).filter((m) => m.name !== 'lo');
    expect(routedSetupToModels(routedSetupSchema.parse(seedSetup))).toEqual(parsed(1));
    const nat = natSetupSchema.parse({ ...seedSetup, publicComment: 'real IP adress', bridgeComment: 'private sub network' });
    expect(natSetupToModels(nat)).toEqual(parsed(2));
  });

  it('generated models pass the safe-text rule', () => {
    for (const m of [...SEED_ROUTED, ...SEED_NAT]) expect(modelTextProblems(m)).toEqual([]);
    const odd = natSetupSchema.parse({ ...seedSetup, publicIface: 'enp3s0.100', bridge: 'br_priv', bridgeCidr: '172.16.0.1/12' });
    for (const m of natSetupToModels(odd)) expect(modelTextProblems(m)).toEqual([]);
  });

  it('the private subnet must not overlap the public one, and must leave room for guests', () => {
    expect(issuesAt(routedSetupSchema, { ...seedSetup, bridgeCidr: '192.168.10.129/25' }, ['bridgeCidr'])).toEqual([
      'The private subnet 192.168.10.128/25 overlaps the public subnet 192.168.10.0/24: pick a subnet outside it (e.g. 10.10.10.1/24).',
    ]);
    expect(issuesAt(natSetupSchema, { ...seedSetup, publicCidr: '10.0.0.2/8', gateway: '10.0.0.1' }, ['bridgeCidr'])[0]).toMatch(/overlaps/);
    expect(issuesAt(natSetupSchema, { ...seedSetup, bridgeCidr: '10.10.10.1/32' }, ['bridgeCidr'])[0]).toMatch(/leaves no addresses/);
    expect(issuesAt(natSetupSchema, { ...seedSetup, bridgeCidr: '10.10.10.0/24' }, ['bridgeCidr'])[0]).toMatch(/network address.*10\.10\.10\.1\/24/);
    expect(issuesAt(natSetupSchema, { ...seedSetup, bridge: 'eth0' }, ['bridge'])[0]).toMatch(/its own name/);
    expect(issuesAt(routedSetupSchema, { ...seedSetup, gateway: '10.10.10.254' }, ['gateway'])[0]).toMatch(/inside the private subnet/);
    expect(issuesAt(natSetupSchema, { ...seedSetup, publicIface: 'eth0;reboot' }, ['publicIface'])[0]).toMatch(/Use only letters/);
  });
});

describe('form ↔ model', () => {
  it('bridge form builds the model of seed example 1', () => {
    const v = bridgeFormSchema.parse({ name: 'vmbr0', ports: ['eth0'], ipv4: { cidr: '192.168.10.2/24', gateway: '192.168.10.1' } });
    expect(bridgeFormToModel(v)).toEqual({
      name: 'vmbr0',
      type: 'bridge',
      autostart: true,
      hotplug: false,
      inet: { method: 'static', cidr: '192.168.10.2/24', gateway: '192.168.10.1' },
      bridge: { ports: ['eth0'], stp: false, fd: 0 },
      options: [],
    });
    const e = ethFormToModel(ethFormSchema.parse({ name: 'eth0', autostart: false }));
    expect(e).toEqual({ name: 'eth0', type: 'eth', autostart: false, hotplug: false, inet: { method: 'manual' }, options: [] });
  });

  it('bond form builds the bond of seed example 4', () => {
    const v = bondFormSchema.parse({ name: 'bond0', mode: '802.3ad', slaves: ['eth1', 'eth2'], xmitHashPolicy: 'layer2+3', ipv4: { cidr: '192.168.1.2/24' } });
    expect(bondFormToModel(v)).toEqual({
      name: 'bond0',
      type: 'bond',
      autostart: true,
      hotplug: false,
      inet: { method: 'static', cidr: '192.168.1.2/24' },
      bond: { slaves: ['eth1', 'eth2'], mode: '802.3ad', miimon: 100, xmitHashPolicy: 'layer2+3' },
      options: [],
    });
  });

  it('VLAN form fills raw device and id from the name; inet6 only when given', () => {
    const m = vlanFormToModel(vlanFormSchema.parse({ name: 'eth0.50', ipv6: { cidr: '2001:db8::2/64', gateway: '' } }));
    expect(m).toMatchObject({ type: 'vlan', vlan: { rawDevice: 'eth0', id: 50 }, inet: { method: 'manual' }, inet6: { method: 'static', cidr: '2001:db8::2/64' } });
    expect(m.inet6).not.toHaveProperty('gateway');
    expect(vlanFormToModel(vlanFormSchema.parse({ name: 'eth0.50' }))).not.toHaveProperty('inet6');
  });

  it('an edit keeps what the form cannot show: raw options, hotplug, dhcp, extra addresses, multi-line comments', () => {
    const base: InterfaceModel = {
      name: 'vmbr1',
      type: 'bridge',
      autostart: false,
      hotplug: true,
      inet: { method: 'static', cidr: '10.0.0.1/24', extraCidrs: ['10.0.1.1/24'] },
      inet6: { method: 'auto' },
      comments: 'line one\nline two',
      bridge: { ports: ['eth1'] },
      options: [{ key: 'hwaddress', value: 'aa:bb:cc:dd:ee:ff', family: 'inet' }],
    };
    const form = modelToBridgeForm(base);
    expect(form.comment).toBe('line one line two');
    expect(bridgeFormToModel(bridgeFormSchema.parse(form), base)).toEqual(base);
    const changed = bridgeFormToModel(bridgeFormSchema.parse({ ...form, comment: 'new', stp: true, fd: 15 }), base);
    expect(changed).toMatchObject({ comments: 'new', bridge: { ports: ['eth1'], stp: true, fd: 15 }, options: base.options });
  });

  it.skipIf(!haveSeed)('every seed interface survives model → form → model unchanged', () => {
    const toForm = { bridge: [modelToBridgeForm, bridgeFormSchema, bridgeFormToModel], bond: [modelToBondForm, bondFormSchema, bondFormToModel], vlan: [modelToVlanForm, vlanFormSchema, vlanFormToModel], eth: [modelToEthForm, ethFormSchema, ethFormToModel] } as const;
    let n = 0;
    for (const text of seedExamples())
      for (const m of toModel(parse(text))) {
        if (!(m.type in toForm)) continue;
        const [fromModel, schema, toM] = toForm[m.type as keyof typeof toForm];
        const parsed = (schema as typeof bridgeFormSchema).safeParse(fromModel(m));
        expect(parsed.error?.issues ?? [], m.name).toEqual([]);
        expect((toM as typeof bridgeFormToModel)(parsed.data!, m), m.name).toEqual(m);
        n++;
      }
    expect(n).toBeGreaterThanOrEqual(12);
  });

  it('opening a bond keeps only the fields of its mode', () => {
    const f = modelToBondForm({ name: 'bond0', type: 'bond', autostart: true, hotplug: false, bond: { slaves: ['eth1'], mode: 'active-backup', primary: 'eth1' }, options: [] });
    expect(f).toMatchObject({ mode: 'active-backup', primary: 'eth1', miimon: 100 });
    expect(f).not.toHaveProperty('lacpRate');
    expect(typed).toHaveLength(4);
  });
});
