/**
 * Document → typed model: one entry per interface name, merging its inet, inet6 and family-less
 * stanzas. The model is a view: the file keeps its spelling (netmask lines, `_` keys, `slaves`).
 */
import { familyOf, netmaskToPrefix } from './address';
import { FAMILY_KEYS, MODEL_KEYS, spellings } from './keys';
import { bondModeName } from './bond-modes';
import type {
  BondModel,
  BridgeModel,
  Family,
  FamilyModel,
  IfaceBlock,
  IfaceType,
  InterfaceModel,
  Line,
  NetDocument,
  OvsModel,
  RawOption,
  VlanModel,
} from './types';
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
  const nics = new Set(opts.nics ?? []);
  return interfaceGroups(doc).map((g) => interfaceModel(doc, g.name, g.stanzas!, g.autostart, g.hotplug, nics));
}

/** An interface name's stanzas (one, or several: no array for the many with one) and start modes. */
interface Group {
  name: string;
  stanzas: IfaceBlock | IfaceBlock[] | null;
  autostart: boolean;
  hotplug: boolean;
}

/**
 * stanzasByName and startModes in one pass and one Map: the names with stanzas, in order of first
 * appearance.
 */
function interfaceGroups(doc: NetDocument): Group[] {
  const byName = new Map<string, Group>();
  const order: Group[] = [];
  const group = (name: string) => {
    let g = byName.get(name);
    if (g === undefined) byName.set(name, (g = { name, stanzas: null, autostart: false, hotplug: false }));
    return g;
  };
  for (const b of doc.blocks) {
    if (b.kind === 'iface') {
      if (b.name === '') continue;
      const g = group(b.name);
      if (g.stanzas === null) order.push(g);
      g.stanzas = g.stanzas === null ? b : Array.isArray(g.stanzas) ? [...g.stanzas, b] : [g.stanzas, b];
    } else if (b.kind === 'auto' || b.kind === 'allow') {
      if (b.cls === 'auto') for (const n of b.names) group(n).autostart = true;
      else if (b.cls === 'hotplug') for (const n of b.names) group(n).hotplug = true;
    }
  }
  return order;
}

/**
 * The model of one interface, without building the others: its stanzas and its auto/hotplug
 * membership. Equals `toModel(doc, opts).find((m) => m.name === name)`.
 */
export function modelOf(doc: NetDocument, name: string, opts: ModelOptions = {}): InterfaceModel | undefined {
  const stanzas: IfaceBlock[] = [];
  let autostart = false;
  let hotplug = false;
  for (const b of doc.blocks) {
    if (b.kind === 'iface') {
      if (b.name === name && name !== '') stanzas.push(b);
    } else if ((b.kind === 'auto' || b.kind === 'allow') && b.names.includes(name)) {
      if (b.cls === 'auto') autostart = true;
      else if (b.cls === 'hotplug') hotplug = true;
    }
  }
  if (!stanzas.length) return undefined;
  return interfaceModel(doc, name, stanzas, autostart, hotplug, new Set(opts.nics ?? []));
}

/** Strip `#` and one following space from a comment line. */
export function commentText(line: Line): string {
  const t = line.text;
  let from = t.charCodeAt(0) === HASH ? 1 : 0;
  if (t.charCodeAt(from) === SPACE) from++;
  return from === 0 ? t : t.slice(from);
}

const HASH = 35;
const SPACE = 32;
const TAB = 9;

/**
 * The value of an option line: its text after the key and the blanks that follow it. `words` is
 * `text` split on blanks, so a two-word line's value is its second word (no new string).
 */
function optionValue(line: Line): string {
  const w = line.words;
  if (w.length === 2) return w[1];
  if (w.length < 2) return '';
  const t = line.text;
  let i = w[0].length;
  for (let c = t.charCodeAt(i); c === SPACE || c === TAB; c = t.charCodeAt(++i));
  return t.slice(i);
}

/** `/^\d+$/` as a number. */
function toInt(v: string): number | undefined {
  if (v === '') return undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(v);
}

function toBool(v: string): boolean | undefined {
  switch (v.length <= 5 ? v.toLowerCase() : '') {
    case 'on':
    case 'yes':
    case '1':
    case 'true':
      return true;
    case 'off':
    case 'no':
    case '0':
    case 'false':
      return false;
    default:
      return undefined;
  }
}

function toLacpRate(v: string): string | undefined {
  if (v === '0' || v === 'slow') return 'slow';
  if (v === '1' || v === 'fast') return 'fast';
  return undefined;
}

/**
 * The single-valued settings the model types (MODEL_KEYS but the per-family ones), by slot. A slot
 * is an index into the scan's tables, so one interface's settings need no Map and no object per
 * line.
 */
const TYPED = [...MODEL_KEYS].filter((k) => !FAMILY_KEYS.has(k));

/** Slot of a canonical key: a TYPED index, or one of these for the per-family keys and the rest. */
const RAW = -1;
const ADDRESS = -2;
const NETMASK = -3;
const GATEWAY = -4;
const SLOTS = new Map<string, number>([
  ...TYPED.map((k, i) => [k, i] as [string, number]),
  ['address', ADDRESS],
  ['netmask', NETMASK],
  ['gateway', GATEWAY],
]);
/** Slots by key as written (`bond_mode`, `slaves`, …): one lookup per option line. */
const SLOT_OF_WORD = new Map<string, number>([...SLOTS].flatMap(([k, s]) => spellings(k).map((w) => [w, s] as [string, number])));

function slot(k: string): number {
  const s = SLOTS.get(k);
  if (s === undefined || s < 0) throw new Error(`${k} is not a typed model key`);
  return s;
}

const S = {
  mtu: slot('mtu'),
  bridgePorts: slot('bridge-ports'),
  bridgeStp: slot('bridge-stp'),
  bridgeFd: slot('bridge-fd'),
  bridgeVlanAware: slot('bridge-vlan-aware'),
  bridgeVids: slot('bridge-vids'),
  bondSlaves: slot('bond-slaves'),
  bondMode: slot('bond-mode'),
  bondMiimon: slot('bond-miimon'),
  bondXmitHashPolicy: slot('bond-xmit-hash-policy'),
  bondLacpRate: slot('bond-lacp-rate'),
  bondPrimary: slot('bond-primary'),
  bondUpdelay: slot('bond-updelay'),
  bondDowndelay: slot('bond-downdelay'),
  vlanRawDevice: slot('vlan-raw-device'),
  vlanId: slot('vlan-id'),
  vlanProtocol: slot('vlan-protocol'),
  ovsType: slot('ovs-type'),
  ovsBridge: slot('ovs-bridge'),
  ovsPorts: slot('ovs-ports'),
  ovsBonds: slot('ovs-bonds'),
  ovsOptions: slot('ovs-options'),
};
const BRIDGE_ONLY = [S.bridgeStp, S.bridgeFd, S.bridgeVlanAware, S.bridgeVids];
const BOND_ONLY = [S.bondMiimon, S.bondXmitHashPolicy, S.bondLacpRate, S.bondPrimary, S.bondUpdelay, S.bondDowndelay];
const OVS_ONLY = [S.ovsBridge, S.ovsPorts, S.ovsBonds, S.ovsOptions];

/**
 * What the option lines of the interface being modelled say. One scan at a time (building a
 * model is synchronous and never re-enters), so the tables are allocated once and reset per
 * interface: a large file has thousands of interfaces, most with few or no options.
 */
const NO_LINES: readonly Line[] = [];
const NO_OPTIONS: RawOption[] = [];
const scan = {
  lines: NO_LINES,
  /** Line of the first occurrence of each TYPED key (by slot), -1 when absent; later ones are raw. */
  at: new Int32Array(TYPED.length).fill(-1),
  /** Family of the stanza of that line. */
  family: new Array<Family | null>(TYPED.length).fill(null),
  /** The slots set in `at` (`touched[0, count)`), to reset only those. */
  touched: new Int32Array(TYPED.length),
  count: 0,
  addrs: { inet: null as string[] | null, inet6: null as string[] | null },
  masks: { inet: undefined as string | undefined, inet6: undefined as string | undefined },
  comments: undefined as string | undefined,
  loopback: false,
  /** The raw options (the model's `options` array), and their line indexes `rawAt[0, length)`. */
  options: NO_OPTIONS,
  rawAt: new Int32Array(16),
};

function resetScan(lines: readonly Line[], options: RawOption[]): void {
  scan.lines = lines;
  for (let k = 0; k < scan.count; k++) scan.at[scan.touched[k]] = -1;
  scan.count = 0;
  scan.addrs.inet = null;
  scan.addrs.inet6 = null;
  scan.masks.inet = undefined;
  scan.masks.inet6 = undefined;
  scan.comments = undefined;
  scan.loopback = false;
  scan.options = options;
}

/** Keep line `at` as a raw option, in file order (lines mostly come in order: insert from the end). */
function addRaw(at: number, key: string, value: string, family: Family | null): void {
  const { options } = scan;
  const n = options.length;
  if (n === scan.rawAt.length) {
    const bigger = new Int32Array(2 * n);
    bigger.set(scan.rawAt);
    scan.rawAt = bigger;
  }
  const rawAt = scan.rawAt;
  let k = n;
  while (k > 0 && rawAt[k - 1] > at) k--;
  const option: RawOption = { key, value, family };
  if (k === n) options.push(option);
  else {
    options.splice(k, 0, option);
    rawAt.copyWithin(k + 1, k, n);
  }
  rawAt[k] = at;
}

function interfaceModel(
  doc: NetDocument,
  name: string,
  stanzas: IfaceBlock | readonly IfaceBlock[],
  autostart: boolean,
  hotplug: boolean,
  nics: Set<string>,
): InterfaceModel {
  const m: InterfaceModel = { name, type: 'unknown', autostart, hotplug, options: [] };
  resetScan(doc.lines, m.options);
  if (isList(stanzas)) for (const s of stanzas) scanStanza(m, s);
  else scanStanza(m, stanzas);
  addCidrs(m);
  if (scan.comments !== undefined) m.comments = scan.comments;
  if (scan.count) readTyped(m); // else there is no typed setting to read
  m.type = detectType(name, scan.loopback, nics);
  if (m.type === 'vlan') vlanFromName(m);
  // Keep no reference to the document or the model once done.
  scan.lines = NO_LINES;
  scan.options = NO_OPTIONS;
  return m;
}

const isList = (x: IfaceBlock | readonly IfaceBlock[]): x is readonly IfaceBlock[] => Array.isArray(x);

function scanStanza(m: InterfaceModel, s: IfaceBlock): void {
  const fam: Family | null = s.family === 'inet' || s.family === 'inet6' ? s.family : null;
  if (fam) familyModel(m, fam, s.method ?? '');
  if (s.method === 'loopback') scan.loopback = true;
  for (const i of s.leading) addComment(scan.lines[i]);
  for (const i of s.comments) addComment(scan.lines[i]);
  for (const i of s.options) scanOption(m, i, fam);
}

/** `m.inet` or `m.inet6`, added with `method` if absent (named: a keyed store adding a property is slow). */
function familyModel(m: InterfaceModel, f: Family, method: string): FamilyModel {
  return f === 'inet' ? (m.inet ??= { method }) : (m.inet6 ??= { method });
}

/** Comment texts are joined one per line. */
function addComment(line: Line): void {
  scan.comments = scan.comments === undefined ? commentText(line) : `${scan.comments}\n${commentText(line)}`;
}

/** Sort option line `i` of a stanza of family `fam` into the scan. */
function scanOption(m: InterfaceModel, i: number, fam: Family | null): void {
  const line = scan.lines[i];
  const key = line.words[0];
  const s = SLOT_OF_WORD.get(key) ?? RAW; // SLOTS.get(canonicalKey(key)), in one lookup
  if (s === RAW) return addRaw(i, key, optionValue(line), fam);
  if (s < 0) return scanFamilyKey(m, s, i, key, optionValue(line), fam);
  // A repeated single-valued key: the first one counts, the rest stay visible as raw.
  if (scan.at[s] !== -1) return addRaw(i, key, optionValue(line), fam);
  scan.at[s] = i;
  scan.family[s] = fam;
  scan.touched[scan.count++] = s;
}

/** address, netmask, gateway: per family (guessed from the value in a family-less stanza). */
function scanFamilyKey(m: InterfaceModel, s: number, i: number, key: string, value: string, fam: Family | null): void {
  const f = fam ?? (s === NETMASK ? (value.includes(':') ? 'inet6' : 'inet') : familyOf(value));
  if (!f) return addRaw(i, key, value, fam);
  if (s === ADDRESS) {
    const addrs = scan.addrs[f];
    if (addrs) addrs.push(value);
    else scan.addrs[f] = [value];
  } else if (s === NETMASK) scan.masks[f] = value;
  else familyModel(m, f, 'static').gateway ??= value;
}

/** The first address of each family as a CIDR (a netmask line folded in), then the others. */
function addCidrs(m: InterfaceModel): void {
  for (const f of FAMILIES) {
    const addrs = scan.addrs[f];
    if (!addrs) continue;
    const fm = familyModel(m, f, 'static');
    let cidr = addrs[0];
    const mask = scan.masks[f];
    if (!cidr.includes('/') && mask !== undefined) {
      const prefix = netmaskToPrefix(mask, f);
      if (prefix !== null) cidr = `${cidr}/${prefix}`;
    }
    fm.cidr = cidr;
    if (addrs.length > 1) fm.extraCidrs = addrs.slice(1);
  }
}

const FAMILIES = ['inet', 'inet6'] as const;

const has = (s: number) => scan.at[s] !== -1;

/** A typed setting's value, undefined when absent. */
function valueOf(s: number): string | undefined {
  const i = scan.at[s];
  return i === -1 ? undefined : optionValue(scan.lines[i]);
}

/** A list setting's words (`none`: no words). */
function wordsOf(s: number): string[] {
  const i = scan.at[s];
  if (i === -1) return [];
  const w = scan.lines[i].words; // the value's words are the line's words after the key
  return w.length === 2 && w[1] === 'none' ? [] : w.slice(1);
}

/** Put a setting the model cannot hold (invalid value, or missing its group) back among raw options. */
function reject(s: number): void {
  const i = scan.at[s];
  if (i === -1) return;
  const line = scan.lines[i];
  addRaw(i, line.words[0], optionValue(line), scan.family[s]);
}

/** A setting parsed by `parse`; an invalid value stays raw. */
function parsed<T>(s: number, parse: (v: string) => T | undefined): T | undefined {
  const v = valueOf(s);
  if (v === undefined) return undefined;
  const out = parse(v);
  if (out === undefined) reject(s);
  return out;
}

// Typed fields are set one by one, each only when it has a value: absent fields stay absent (not
// present-and-undefined). A generic `put(o, key, value)` would be shorter, but its one store
// site, shared by every field of every object, makes each store a slow megamorphic one.

/** Move the settings the model types into typed fields (invalid values stay raw). */
function readTyped(m: InterfaceModel): void {
  const mtu = parsed(S.mtu, toInt);
  if (mtu !== undefined) m.mtu = mtu;
  if (has(S.bridgePorts)) m.bridge = readBridge();
  else BRIDGE_ONLY.forEach(reject);
  if (has(S.bondSlaves) || has(S.bondMode)) m.bond = readBond();
  else BOND_ONLY.forEach(reject);
  if (has(S.vlanRawDevice) || has(S.vlanId) || has(S.vlanProtocol)) m.vlan = readVlan();
  if (has(S.ovsType)) m.ovs = readOvs();
  else OVS_ONLY.forEach(reject);
}

function readBridge(): BridgeModel {
  const b: BridgeModel = { ports: wordsOf(S.bridgePorts) };
  const stp = parsed(S.bridgeStp, toBool);
  if (stp !== undefined) b.stp = stp;
  const fd = parsed(S.bridgeFd, toInt);
  if (fd !== undefined) b.fd = fd;
  const vlanAware = parsed(S.bridgeVlanAware, toBool);
  if (vlanAware !== undefined) b.vlanAware = vlanAware;
  const vids = valueOf(S.bridgeVids);
  if (vids !== undefined) b.vids = vids;
  return b;
}

function readBond(): BondModel {
  const b: BondModel = { slaves: wordsOf(S.bondSlaves) };
  const mode = parsed(S.bondMode, bondModeName);
  if (mode !== undefined) b.mode = mode;
  const miimon = parsed(S.bondMiimon, toInt);
  if (miimon !== undefined) b.miimon = miimon;
  const xmitHashPolicy = valueOf(S.bondXmitHashPolicy);
  if (xmitHashPolicy !== undefined) b.xmitHashPolicy = xmitHashPolicy;
  const lacpRate = parsed(S.bondLacpRate, toLacpRate);
  if (lacpRate !== undefined) b.lacpRate = lacpRate;
  const primary = valueOf(S.bondPrimary);
  if (primary !== undefined) b.primary = primary;
  const updelay = parsed(S.bondUpdelay, toInt);
  if (updelay !== undefined) b.updelay = updelay;
  const downdelay = parsed(S.bondDowndelay, toInt);
  if (downdelay !== undefined) b.downdelay = downdelay;
  return b;
}

function readVlan(): VlanModel {
  const v: VlanModel = {};
  const rawDevice = valueOf(S.vlanRawDevice);
  if (rawDevice !== undefined) v.rawDevice = rawDevice;
  const id = parsed(S.vlanId, toInt);
  if (id !== undefined) v.id = id;
  const protocol = valueOf(S.vlanProtocol);
  if (protocol !== undefined) v.protocol = protocol;
  return v;
}

function readOvs(): OvsModel {
  const o: OvsModel = { type: valueOf(S.ovsType)! };
  const bridge = valueOf(S.ovsBridge);
  if (bridge !== undefined) o.bridge = bridge;
  if (has(S.ovsPorts)) o.ports = wordsOf(S.ovsPorts);
  if (has(S.ovsBonds)) o.bonds = wordsOf(S.ovsBonds);
  const options = valueOf(S.ovsOptions);
  if (options !== undefined) o.options = options;
  return o;
}

/** A VLAN's raw device and id from its name (`eth0.100`, `vlan100`) when no line gives them. */
function vlanFromName(m: InterfaceModel): void {
  const v = (m.vlan ??= {});
  if (v.rawDevice !== undefined && v.id !== undefined) return;
  const dotted = /^(.+)\.(\d+)$/.exec(m.name);
  if (v.rawDevice === undefined && dotted) v.rawDevice = dotted[1];
  if (v.id === undefined) {
    const n = dotted?.[2] ?? /^vlan(\d+)$/.exec(m.name)?.[1];
    if (n !== undefined) v.id = Number(n);
  }
}

const NIC_NAME = /^(eth\d+|en[^:.]+|ib[^:.]+|wl[^:.]+)$/;

/**
 * The interface's type, from the settings found by the scan (the same as testing `m.ovs`,
 * `m.bond`, … after readTyped, without reading back the model, whose shape varies) and its name.
 */
function detectType(name: string, loopback: boolean, nics: Set<string>): IfaceType {
  const ovs = valueOf(S.ovsType);
  if (ovs && (IFACE_TYPES as readonly string[]).includes(ovs)) return ovs as IfaceType;
  if (loopback || name === 'lo') return 'loopback';
  if (has(S.bondSlaves) || has(S.bondMode)) return 'bond';
  if (has(S.bridgePorts)) return 'bridge';
  if (has(S.vlanRawDevice) || has(S.vlanId) || has(S.vlanProtocol)) return 'vlan';
  if (name.includes('.') && /^.+\.\d+$/.test(name)) return 'vlan';
  if (name.includes(':')) return 'alias';
  if (nics.has(name) || NIC_NAME.test(name)) return 'eth';
  if (/^vmbr\d+$/.test(name)) return 'bridge';
  if (/^bond\d+$/.test(name)) return 'bond';
  return 'unknown';
}
