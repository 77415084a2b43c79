/**
 * Document → typed model: one entry per interface name, merging its inet, inet6 and family-less
 * stanzas. The model is a view: the file keeps its spelling (netmask lines, `_` keys, `slaves`).
 */
import { familyOf, netmaskToPrefix } from './address';
import { canonicalKey, MODEL_KEYS } from './keys';
import { bondModeName } from './bond-modes';
import type { Family, FamilyModel, IfaceBlock, IfaceType, InterfaceModel, Line, NetDocument, RawOption } from './types';
import { IFACE_TYPES } from './types';

export interface ModelOptions {
  /** Names of the host's physical NICs (typed `eth` whatever their names). */
  nics?: readonly string[];
}

/** Interface stanzas grouped by name, in order of first appearance. */
export function stanzasByName(doc: NetDocument): Map<string, IfaceBlock[]> {
  const map = new Map<string, IfaceBlock[]>();
  for (const b of doc.blocks) {
    if (b.kind !== 'iface' || b.name === '') continue;
    const list = map.get(b.name);
    if (list) list.push(b);
    else map.set(b.name, [b]);
  }
  return map;
}

/** auto / allow-auto and allow-hotplug membership. */
export function startModes(doc: NetDocument): { auto: Set<string>; hotplug: Set<string> } {
  const auto = new Set<string>();
  const hotplug = new Set<string>();
  for (const b of doc.blocks) {
    if (b.kind !== 'auto' && b.kind !== 'allow') continue;
    const target = b.cls === 'auto' ? auto : b.cls === 'hotplug' ? hotplug : null;
    if (target) for (const n of b.names) target.add(n);
  }
  return { auto, hotplug };
}

export function toModel(doc: NetDocument, opts: ModelOptions = {}): InterfaceModel[] {
  const { auto, hotplug } = startModes(doc);
  const nics = new Set(opts.nics ?? []);
  const out: InterfaceModel[] = [];
  for (const [name, stanzas] of stanzasByName(doc)) {
    out.push(interfaceModel(doc, name, stanzas, auto.has(name), hotplug.has(name), nics));
  }
  return out;
}

/** Strip `#` and one following space from a comment line. */
export function commentText(line: Line): string {
  return line.text.replace(/^#/, '').replace(/^ /, '');
}

interface Setting {
  key: string;
  value: string;
  family: Family | null;
  /** Line index, to keep raw options in file order. */
  at: number;
}

function optionValue(line: Line): string {
  return line.text.slice(line.words[0].length).replace(/^[ \t]+/, '');
}

function toInt(v: string): number | undefined {
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

function toBool(v: string): boolean | undefined {
  if (/^(on|yes|1|true)$/i.test(v)) return true;
  if (/^(off|no|0|false)$/i.test(v)) return false;
  return undefined;
}

function words(v: string): string[] {
  const w = v.split(/[ \t]+/).filter(Boolean);
  return w.length === 1 && w[0] === 'none' ? [] : w;
}

function interfaceModel(
  doc: NetDocument,
  name: string,
  stanzas: IfaceBlock[],
  autostart: boolean,
  hotplug: boolean,
  nics: Set<string>,
): InterfaceModel {
  const m: InterfaceModel = { name, type: 'unknown', autostart, hotplug, options: [] };
  const addrs: Record<Family, string[]> = { inet: [], inet6: [] };
  const masks: Partial<Record<Family, string>> = {};
  const comments: string[] = [];
  const kv = new Map<string, Setting>();
  const rawAt: [number, RawOption][] = [];
  let methodLoopback = false;

  for (const s of stanzas) {
    const fam: Family | null = s.family === 'inet' || s.family === 'inet6' ? s.family : null;
    if (fam) m[fam] ??= { method: s.method ?? '' };
    if (s.method === 'loopback') methodLoopback = true;
    for (const i of [...s.leading, ...s.comments]) comments.push(commentText(doc.lines[i]));
    for (const i of s.options) {
      const line = doc.lines[i];
      const key = canonicalKey(line.words[0]);
      const value = optionValue(line);
      const raw = () => rawAt.push([i, { key: line.words[0], value, family: fam }]);
      if (!MODEL_KEYS.has(key)) {
        raw();
        continue;
      }
      if (key === 'address' || key === 'gateway' || key === 'netmask') {
        const f = fam ?? (key === 'netmask' ? (/:/.test(value) ? 'inet6' : 'inet') : familyOf(value));
        if (!f) {
          raw();
          continue;
        }
        if (key === 'address') addrs[f].push(value);
        else if (key === 'netmask') masks[f] = value;
        else {
          m[f] ??= { method: 'static' };
          m[f]!.gateway ??= value;
        }
        continue;
      }
      if (kv.has(key)) {
        raw(); // a repeated single-valued key: the first one counts, the rest stay visible as raw
        continue;
      }
      kv.set(key, { key: line.words[0], value, family: fam, at: i });
    }
  }

  for (const f of ['inet', 'inet6'] as const) {
    if (!addrs[f].length) continue;
    const fm: FamilyModel = (m[f] ??= { method: 'static' });
    const cidrs = addrs[f].map((a, idx) => {
      if (a.includes('/') || idx > 0 || masks[f] === undefined) return a;
      const prefix = netmaskToPrefix(masks[f]!, f);
      return prefix === null ? a : `${a}/${prefix}`;
    });
    fm.cidr = cidrs[0];
    if (cidrs.length > 1) fm.extraCidrs = cidrs.slice(1);
  }
  if (comments.length) m.comments = comments.join('\n');

  readTyped(m, kv, rawAt);
  m.options = rawAt.sort((a, b) => a[0] - b[0]).map(([, o]) => o);
  m.type = detectType(m, kv, methodLoopback, nics);
  if (m.type === 'vlan') {
    const v = (m.vlan ??= {});
    const dotted = /^(.+)\.(\d+)$/.exec(name);
    if (v.rawDevice === undefined && dotted) v.rawDevice = dotted[1];
    if (v.id === undefined) {
      const n = dotted?.[2] ?? /^vlan(\d+)$/.exec(name)?.[1];
      if (n !== undefined) v.id = Number(n);
    }
  }
  return m;
}

/** Move the settings the model types out of `kv` into typed fields (invalid values stay raw). */
function readTyped(m: InterfaceModel, settings: Map<string, Setting>, rawAt: [number, RawOption][]): void {
  const kv = new Map([...settings].map(([k, s]) => [k, s.value]));
  const take = <T>(key: string, parse: (v: string) => T | undefined, set: (v: T) => void) => {
    const s = settings.get(key);
    if (s === undefined) return;
    const parsed = parse(s.value);
    if (parsed === undefined) rawAt.push([s.at, { key: s.key, value: s.value, family: s.family }]);
    else set(parsed);
  };
  const str = (v: string) => v;
  take('mtu', toInt, (v) => (m.mtu = v));
  if (kv.has('bridge-ports')) {
    const b = (m.bridge = { ports: words(kv.get('bridge-ports')!) } as NonNullable<InterfaceModel['bridge']>);
    take('bridge-stp', toBool, (v) => (b.stp = v));
    take('bridge-fd', toInt, (v) => (b.fd = v));
    take('bridge-vlan-aware', toBool, (v) => (b.vlanAware = v));
    take('bridge-vids', str, (v) => (b.vids = v));
  } else {
    for (const k of ['bridge-stp', 'bridge-fd', 'bridge-vlan-aware', 'bridge-vids']) take(k, () => undefined, () => {});
  }
  if (kv.has('bond-slaves') || kv.has('bond-mode')) {
    const b = (m.bond = { slaves: words(kv.get('bond-slaves') ?? '') } as NonNullable<InterfaceModel['bond']>);
    take('bond-mode', bondModeName, (v) => (b.mode = v));
    take('bond-miimon', toInt, (v) => (b.miimon = v));
    take('bond-xmit-hash-policy', str, (v) => (b.xmitHashPolicy = v));
    take('bond-lacp-rate', (v) => ({ '0': 'slow', '1': 'fast', slow: 'slow', fast: 'fast' })[v], (v) => (b.lacpRate = v));
    take('bond-primary', str, (v) => (b.primary = v));
    take('bond-updelay', toInt, (v) => (b.updelay = v));
    take('bond-downdelay', toInt, (v) => (b.downdelay = v));
  } else {
    for (const k of ['bond-miimon', 'bond-xmit-hash-policy', 'bond-lacp-rate', 'bond-primary', 'bond-updelay', 'bond-downdelay'])
      take(k, () => undefined, () => {});
  }
  if (kv.has('vlan-raw-device') || kv.has('vlan-id') || kv.has('vlan-protocol')) {
    const v = (m.vlan = {} as NonNullable<InterfaceModel['vlan']>);
    take('vlan-raw-device', str, (x) => (v.rawDevice = x));
    take('vlan-id', toInt, (x) => (v.id = x));
    take('vlan-protocol', str, (x) => (v.protocol = x));
  }
  if (kv.has('ovs-type')) {
    const o = (m.ovs = { type: kv.get('ovs-type')! } as NonNullable<InterfaceModel['ovs']>);
    take('ovs-bridge', str, (x) => (o.bridge = x));
    take('ovs-ports', words, (x) => (o.ports = x));
    take('ovs-bonds', words, (x) => (o.bonds = x));
    take('ovs-options', str, (x) => (o.options = x));
  } else {
    for (const k of ['ovs-bridge', 'ovs-ports', 'ovs-bonds', 'ovs-options']) take(k, () => undefined, () => {});
  }
}

const NIC_NAME = /^(eth\d+|en[^:.]+|ib[^:.]+|wl[^:.]+)$/;

function detectType(m: InterfaceModel, kv: Map<string, Setting>, loopback: boolean, nics: Set<string>): IfaceType {
  const ovs = kv.get('ovs-type')?.value;
  if (ovs && (IFACE_TYPES as readonly string[]).includes(ovs)) return ovs as IfaceType;
  if (loopback || m.name === 'lo') return 'loopback';
  if (m.bond) return 'bond';
  if (m.bridge) return 'bridge';
  if (m.vlan || /^.+\.\d+$/.test(m.name)) return 'vlan';
  if (m.name.includes(':')) return 'alias';
  if (nics.has(m.name) || NIC_NAME.test(m.name)) return 'eth';
  if (/^vmbr\d+$/.test(m.name)) return 'bridge';
  if (/^bond\d+$/.test(m.name)) return 'bond';
  return 'unknown';
}

