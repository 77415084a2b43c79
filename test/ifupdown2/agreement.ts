/**
 * Does netstage read a file the way ifupdown2 does? Both readings are brought to one shape per
 * interface: kind, auto, bridge ports, bond slaves and mode, method and addresses per family. The
 * ifupdown2 side comes from `ifquery -i FILE -o json NAME…`; its kinds are told from the keys
 * ifupdown2's own addons look for (bridge-ports, bond-slaves, vlan-raw-device, ovs-type, …).
 */
import { bondModeName } from '../../src/interfaces/bond-modes';
import { netmaskToPrefix } from '../../src/interfaces/address';
import type { InterfaceModel } from '../../src/interfaces/types';

export interface Reading {
  kind: string;
  auto: boolean;
  ports?: string[];
  slaves?: string[];
  bondMode?: string;
  inet?: { method?: string; addresses: string[] };
  inet6?: { method?: string; addresses: string[] };
}

export interface IfqueryStanza {
  name: string;
  addr_method?: string;
  addr_family?: string;
  auto: boolean;
  config: Record<string, string | string[]>;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const words = (v: string | string[] | undefined) => list(v).flatMap((s) => s.split(/\s+/)).filter(Boolean);

/** netstage's types, folded where ifupdown2 has no kind of its own to tell them apart. */
function kindOfModel(m: InterfaceModel): string {
  return m.type === 'eth' || m.type === 'unknown' ? 'plain' : m.type;
}

function kindOfStanzas(name: string, ss: IfqueryStanza[]): string {
  const has = (k: string) => ss.some((s) => k in s.config);
  const ovs = ss.map((s) => s.config['ovs-type']).find(Boolean);
  if (ss.some((s) => s.addr_method === 'loopback')) return 'loopback';
  if (ovs) return String(ovs);
  if (has('bridge-ports')) return 'bridge';
  if (has('bond-slaves') || has('slaves')) return 'bond';
  if (has('vlan-raw-device') || has('vlan-id') || /\.\d+$/.test(name)) return 'vlan';
  if (name.includes(':')) return 'alias';
  return 'plain';
}

/** `address` values with the stanza's `netmask` folded in, as netstage does. */
function cidrs(config: IfqueryStanza['config'], family: 'inet' | 'inet6'): string[] {
  const masks = list(config.netmask);
  return list(config.address).map((a, i) => {
    if (a.includes('/')) return a;
    const mask = masks[i] || masks.find(Boolean);
    const prefix = mask ? netmaskToPrefix(mask, family) : null;
    return prefix === null ? a : `${a}/${prefix}`;
  });
}

export function fromIfquery(stanzas: IfqueryStanza[]): Map<string, Reading> {
  const by = new Map<string, IfqueryStanza[]>();
  for (const s of stanzas) by.set(s.name, [...(by.get(s.name) ?? []), s]);
  const out = new Map<string, Reading>();
  for (const [name, ss] of by) {
    const all = (k: string) => ss.flatMap((s) => words(s.config[k]));
    const r: Reading = { kind: kindOfStanzas(name, ss), auto: ss.some((s) => s.auto) };
    if (r.kind === 'bridge') r.ports = all('bridge-ports').filter((p) => p !== 'none');
    if (r.kind === 'bond') {
      r.slaves = [...all('bond-slaves'), ...all('slaves')];
      const mode = all('bond-mode')[0];
      if (mode) r.bondMode = bondModeName(mode) ?? mode;
    }
    for (const fam of ['inet', 'inet6'] as const) {
      const f = ss.filter((s) => s.addr_family === fam);
      if (f.length) r[fam] = { method: f[0].addr_method, addresses: f.flatMap((s) => cidrs(s.config, fam)) };
    }
    // A family-less `iface NAME` stanza: ifupdown2 configures each address in its own family, and
    // netstage (like Proxmox) shows them as that family's static addresses.
    for (const s of ss.filter((x) => !x.addr_family))
      for (const a of cidrs(s.config, 'inet')) {
        const fam = a.includes(':') ? 'inet6' : 'inet';
        r[fam] ??= { method: 'static', addresses: [] };
        r[fam].addresses.push(a);
      }
    out.set(name, r);
  }
  return out;
}

export function fromModels(models: InterfaceModel[]): Map<string, Reading> {
  const out = new Map<string, Reading>();
  for (const m of models) {
    const r: Reading = { kind: kindOfModel(m), auto: m.autostart };
    if (m.type === 'bridge') r.ports = m.bridge?.ports ?? [];
    if (m.type === 'bond') {
      r.slaves = m.bond?.slaves ?? [];
      if (m.bond?.mode) r.bondMode = m.bond.mode;
    }
    for (const fam of ['inet', 'inet6'] as const) {
      const f = m[fam];
      if (f) r[fam] = { method: f.method, addresses: [f.cidr, ...(f.extraCidrs ?? [])].filter((c): c is string => !!c) };
    }
    out.set(m.name, r);
  }
  return out;
}

/** Names an `iface` line declares, read with a plain pattern (not netstage's parser). */
export function declaredNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*iface[ \t]+(\S+)/gm)) names.add(m[1]);
  return [...names];
}
