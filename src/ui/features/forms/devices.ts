/**
 * The devices a picker offers, from the interfaces in the file and the host's NICs. A device
 * already enslaved elsewhere (a port of another bridge, a slave of another bond) is listed, but
 * disabled for ports and slaves, with the reason in its label ("eth0 — port of vmbr0").
 * Pure: unit-tested in devices.test.ts.
 */
import type { IfaceType, InterfaceModel } from '../../../interfaces/types';
import type { NetworkResponse } from '../../../schema/responses';

/**
 * port    a bridge port: NICs, bonds, VLANs (a bridge cannot be a port of a bridge)
 * slave   a bond slave: NICs
 * raw     a VLAN's raw device: NICs, bonds, bridges, VLANs (QinQ)
 * public  the public interface of a routed / NAT setup: NICs
 */
export type DevicePurpose = 'port' | 'slave' | 'raw' | 'public';

const TYPES: Record<DevicePurpose, readonly IfaceType[]> = {
  port: ['eth', 'bond', 'vlan'],
  slave: ['eth'],
  raw: ['eth', 'bond', 'bridge', 'vlan'],
  public: ['eth'],
};

/** Purposes for which membership elsewhere makes a device unavailable. */
const EXCLUSIVE: readonly DevicePurpose[] = ['port', 'slave'];

export interface DeviceOption {
  value: string;
  label: string;
  disabled: boolean;
}

export interface DeviceOptionsInput {
  purpose: DevicePurpose;
  /** The interface being edited (or named in a create form): never offered. */
  exclude?: string;
  /** Values the field holds now: always offered, so they stay visible and removable. */
  selected?: readonly string[];
}

type Network = Pick<NetworkResponse, 'interfaces' | 'nics'>;

/** `eth0` → `port of vmbr0`, `eth1` → `slave of bond0`, skipping the interface `exclude`. */
export function membership(interfaces: readonly InterfaceModel[], exclude?: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (dev: string, reason: string) => {
    if (!out.has(dev)) out.set(dev, reason);
  };
  for (const m of interfaces) {
    if (m.name === exclude) continue;
    for (const p of m.bridge?.ports ?? []) add(p, `port of ${m.name}`);
    for (const s of m.bond?.slaves ?? []) add(s, `slave of ${m.name}`);
  }
  return out;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function deviceOptions(network: Network, { purpose, exclude, selected = [] }: DeviceOptionsInput): DeviceOption[] {
  const names = new Set<string>();
  const stanzas = new Set(network.interfaces.map((m) => m.name));
  for (const m of network.interfaces) if (TYPES[purpose].includes(m.type)) names.add(m.name);
  // NICs without a stanza of their own (only hardware ones: tap/veth/docker devices are no candidates).
  for (const n of network.nics) if (n.physical && !stanzas.has(n.name)) names.add(n.name);
  for (const s of selected) if (s) names.add(s);
  if (exclude) names.delete(exclude);

  const reasons = membership(network.interfaces, exclude);
  const exclusive = EXCLUSIVE.includes(purpose);
  return [...names].sort(byName).map((name) => {
    const reason = reasons.get(name);
    return { value: name, label: reason ? `${name} — ${reason}` : name, disabled: Boolean(reason) && exclusive };
  });
}

/** Physical NICs without a stanza: what "Create: Network Device" can configure. */
export function unconfiguredNics(network: Network): string[] {
  const stanzas = new Set(network.interfaces.map((m) => m.name));
  return network.nics.filter((n) => n.physical && !stanzas.has(n.name)).map((n) => n.name).sort(byName);
}
