/**
 * Pure converters between parsed form values and the engine's InterfaceModel.
 *
 * Form → model:
 * - '' and whitespace-only text mean "not set" and become undefined; false vlanAware and unset
 *   optional fields are omitted, so converting a form made from a parsed seed example yields the
 *   model the parser produced. Undefined means "no such line".
 * - A family with a CIDR is `static`; without one it is `manual` (inet always exists, inet6 only
 *   when it has an address).
 * - `base` (the model being edited) keeps what the form cannot express: raw options (post-up …),
 *   hotplug, extra addresses of a family that stays static, a non-static method (dhcp, auto, …)
 *   of a family left without an address, and multi-line comments the user did not change.
 * Model → form (opening an edit form): several comment lines are joined with ' ' (a form comment
 * is one line); the result is form *input*, to be validated like anything the user typed.
 */
import type { FamilyModel, InterfaceModel, RawOption } from '../interfaces/types';
import { BOND_MODE_FIELDS, DEFAULT_MIIMON, fieldsForMode, type BondForm, type BondFormInput } from './bond';
import type { BridgeForm, BridgeFormInput } from './bridge';
import type { FamilyForm } from './common';
import type { EthForm, EthFormInput } from './eth';
import type { NatSetup, RoutedSetup } from './setups';
import { natSubnet } from './setups';
import { resolveVlan, type VlanForm, type VlanFormInput } from './vlan';

/** '' / whitespace-only / undefined → undefined. */
export function blank(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s;
}

function familyToModel(f: FamilyForm | undefined, base: FamilyModel | undefined, always: boolean): FamilyModel | undefined {
  const cidr = blank(f?.cidr);
  if (cidr) {
    const out: FamilyModel = { method: 'static', cidr };
    const gateway = blank(f?.gateway);
    if (gateway) out.gateway = gateway;
    if (base?.method === 'static' && base.extraCidrs?.length) out.extraCidrs = [...base.extraCidrs];
    return out;
  }
  if (base && base.method !== 'static') return { method: base.method };
  return always ? { method: 'manual' } : undefined;
}

/** A model's comment lines as the single line a form shows. */
export function commentToForm(comments: string | undefined): string {
  return (comments ?? '').split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
}

interface CommonForm {
  name: string;
  autostart: boolean;
  ipv4?: FamilyForm;
  ipv6?: FamilyForm;
  mtu?: number;
  comment?: string;
}

function commonToModel(v: CommonForm, type: InterfaceModel['type'], base?: InterfaceModel): InterfaceModel {
  const m: InterfaceModel = { name: v.name, type, autostart: v.autostart, hotplug: base?.hotplug ?? false, options: [] };
  m.inet = familyToModel(v.ipv4, base?.inet, true);
  const inet6 = familyToModel(v.ipv6, base?.inet6, false);
  if (inet6) m.inet6 = inet6;
  if (v.mtu !== undefined) m.mtu = v.mtu;
  const comment = blank(v.comment);
  if (base?.comments !== undefined && comment === commentToForm(base.comments)) m.comments = base.comments;
  else if (comment) m.comments = comment;
  m.options = (base?.options ?? []).map((o) => ({ ...o }));
  return m;
}

export function ethFormToModel(v: EthForm, base?: InterfaceModel): InterfaceModel {
  return commonToModel(v, v.name.includes(':') ? 'alias' : 'eth', base);
}

export function bridgeFormToModel(v: BridgeForm, base?: InterfaceModel): InterfaceModel {
  const m = commonToModel(v, 'bridge', base);
  m.bridge = { ports: [...v.ports], stp: v.stp, fd: v.fd };
  // A file without bridge_stp / bridge_fd opens with off / 0; saving them unchanged adds no line.
  if (base?.bridge && base.bridge.stp === undefined && !v.stp) delete m.bridge.stp;
  if (base?.bridge && base.bridge.fd === undefined && v.fd === 0) delete m.bridge.fd;
  if (v.vlanAware) {
    m.bridge.vlanAware = true;
    const vids = blank(v.vids);
    if (vids) m.bridge.vids = vids.trim().split(/ +/).join(' ');
  }
  return m;
}

export function bondFormToModel(v: BondForm, base?: InterfaceModel): InterfaceModel {
  const m = commonToModel(v, 'bond', base);
  m.bond = { slaves: [...v.slaves], mode: v.mode, miimon: v.miimon };
  // A file without bond-miimon opens with the default; saving it unchanged adds no line.
  if (base?.bond && base.bond.miimon === undefined && v.miimon === DEFAULT_MIIMON) delete m.bond.miimon;
  if ('xmitHashPolicy' in v && v.xmitHashPolicy) m.bond.xmitHashPolicy = v.xmitHashPolicy;
  if ('lacpRate' in v && v.lacpRate) m.bond.lacpRate = v.lacpRate;
  if ('primary' in v && v.primary) m.bond.primary = v.primary;
  if (v.updelay !== undefined) m.bond.updelay = v.updelay;
  if (v.downdelay !== undefined) m.bond.downdelay = v.downdelay;
  return m;
}

export function vlanFormToModel(v: VlanForm, base?: InterfaceModel): InterfaceModel {
  const m = commonToModel(v, 'vlan', base);
  const r = resolveVlan(v);
  m.vlan = {};
  if (r.rawDevice !== undefined) m.vlan.rawDevice = r.rawDevice;
  if (r.id !== undefined) m.vlan.id = r.id;
  if (v.protocol) m.vlan.protocol = v.protocol;
  return m;
}

function publicNic(v: RoutedSetup, options: RawOption[]): InterfaceModel {
  const m: InterfaceModel = {
    name: v.publicIface,
    type: 'eth',
    autostart: true,
    hotplug: false,
    inet: { method: 'static', cidr: v.publicCidr, gateway: v.gateway },
    options,
  };
  if (blank(v.publicComment)) m.comments = v.publicComment;
  return m;
}

function privateBridge(v: RoutedSetup, options: RawOption[]): InterfaceModel {
  const m: InterfaceModel = {
    name: v.bridge,
    type: 'bridge',
    autostart: true,
    hotplug: false,
    inet: { method: 'static', cidr: v.bridgeCidr },
    bridge: { ports: [], stp: false, fd: 0 },
    options,
  };
  if (blank(v.bridgeComment)) m.comments = v.bridgeComment;
  return m;
}

/** Seed example 2: the public NIC with proxy_arp, and a port-less bridge for the extra IP block. */
export function routedSetupToModels(v: RoutedSetup): InterfaceModel[] {
  const proxyArp = `echo 1 > /proc/sys/net/ipv4/conf/${v.publicIface}/proxy_arp`;
  return [publicNic(v, [{ key: 'post-up', value: proxyArp, family: 'inet' }]), privateBridge(v, [])];
}

/** Seed example 3: the public NIC, and a port-less private bridge masqueraded out of it. */
export function natSetupToModels(v: NatSetup): InterfaceModel[] {
  const subnet = natSubnet(v.bridgeCidr);
  if (!subnet) throw new Error(`natSetupToModels: invalid bridge CIDR ${v.bridgeCidr} (parse with natSetupSchema first)`);
  const rule = (op: 'A' | 'D') => `iptables -t nat -${op} POSTROUTING -s '${subnet}' -o ${v.publicIface} -j MASQUERADE`;
  return [
    publicNic(v, []),
    privateBridge(v, [
      { key: 'post-up', value: 'echo 1 > /proc/sys/net/ipv4/ip_forward', family: 'inet' },
      { key: 'post-up', value: rule('A'), family: 'inet' },
      { key: 'post-down', value: rule('D'), family: 'inet' },
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Model → form

function commonToForm(m: InterfaceModel) {
  return {
    name: m.name,
    autostart: m.autostart,
    ipv4: { cidr: m.inet?.cidr ?? '', gateway: m.inet?.gateway ?? '' },
    ipv6: { cidr: m.inet6?.cidr ?? '', gateway: m.inet6?.gateway ?? '' },
    mtu: m.mtu,
    comment: commentToForm(m.comments),
  };
}

export function modelToEthForm(m: InterfaceModel): EthFormInput {
  return commonToForm(m);
}

export function modelToBridgeForm(m: InterfaceModel): BridgeFormInput {
  const b = m.bridge;
  return {
    ...commonToForm(m),
    ports: [...(b?.ports ?? [])],
    vlanAware: b?.vlanAware ?? false,
    vids: b?.vids ?? '',
    stp: b?.stp ?? false,
    fd: b?.fd ?? 0,
  };
}

/** A model without a mode opens as balance-rr (the kernel's default). */
export function modelToBondForm(m: InterfaceModel): BondFormInput {
  const b = m.bond;
  const mode = b?.mode ?? 'balance-rr';
  const out: Record<string, unknown> = {
    ...commonToForm(m),
    mode,
    slaves: [...(b?.slaves ?? [])],
    miimon: b?.miimon ?? DEFAULT_MIIMON,
    updelay: b?.updelay,
    downdelay: b?.downdelay,
  };
  for (const f of BOND_MODE_FIELDS) if (fieldsForMode(mode).includes(f)) out[f] = b?.[f] ?? '';
  return out as BondFormInput;
}

export function modelToVlanForm(m: InterfaceModel): VlanFormInput {
  return {
    ...commonToForm(m),
    rawDevice: m.vlan?.rawDevice ?? '',
    id: m.vlan?.id,
    protocol: (m.vlan?.protocol ?? '') as VlanFormInput['protocol'],
  };
}
