/**
 * Writer: the text of a NEW interface (used by addInterface and for new family stanzas).
 * Existing stanzas are never rendered again; their edits go through the line operations.
 *
 * Shape (Proxmox order, hyphen keys, `bond-slaves` never `slaves`):
 *   auto NAME / allow-hotplug NAME, `#comment` lines, `iface NAME inet METHOD`, then
 *   address (CIDR), extra addresses, gateway, bond-*, bridge-*, vlan-*, mtu, ovs-*, raw options.
 * An inet6 family becomes a second stanza after one blank line; interface-level options go in the
 * first stanza. A model with no family gets one family-less `iface NAME` stanza.
 */
import { checkValue, commentRaw } from './edit-lines';
import type { Family, FamilyModel, InterfaceModel } from './types';

type Opt = readonly [key: string, value: string];

/** Address and gateway lines of one family. */
export function familyOptions(f: FamilyModel): Opt[] {
  const out: Opt[] = [];
  if (f.cidr !== undefined) out.push(['address', f.cidr]);
  for (const c of f.extraCidrs ?? []) out.push(['address', c]);
  if (f.gateway !== undefined) out.push(['gateway', f.gateway]);
  return out;
}

const list = (names: readonly string[]) => (names.length ? names.join(' ') : 'none');
const onOff = (b: boolean) => (b ? 'on' : 'off');
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function push(out: Opt[], key: string, value: string | number | undefined): void {
  if (value !== undefined) out.push([key, String(value)]);
}

function bondOptions(m: InterfaceModel, out: Opt[]): void {
  const b = m.bond;
  if (!b) return;
  push(out, 'bond-slaves', list(b.slaves));
  push(out, 'bond-miimon', b.miimon);
  push(out, 'bond-mode', b.mode);
  push(out, 'bond-xmit-hash-policy', b.xmitHashPolicy);
  push(out, 'bond-lacp-rate', b.lacpRate);
  push(out, 'bond-primary', b.primary);
  push(out, 'bond-updelay', b.updelay);
  push(out, 'bond-downdelay', b.downdelay);
}

function bridgeOptions(m: InterfaceModel, out: Opt[]): void {
  const b = m.bridge;
  if (!b) return;
  push(out, 'bridge-ports', list(b.ports));
  push(out, 'bridge-stp', b.stp === undefined ? undefined : onOff(b.stp));
  push(out, 'bridge-fd', b.fd);
  push(out, 'bridge-vlan-aware', b.vlanAware === undefined ? undefined : yesNo(b.vlanAware));
  push(out, 'bridge-vids', b.vids);
}

/** What the name already says: `eth0.10` → eth0 / 10; `vlan10` → id 10 only. */
export function impliedVlan(name: string): { rawDevice?: string; id?: number } {
  const dotted = /^(.+)\.(\d+)$/.exec(name);
  if (dotted) return { rawDevice: dotted[1], id: Number(dotted[2]) };
  const vlanN = /^vlan(\d+)$/.exec(name);
  return vlanN ? { id: Number(vlanN[1]) } : {};
}

function vlanOptions(m: InterfaceModel, out: Opt[]): void {
  const v = m.vlan;
  if (!v) return;
  const implied = impliedVlan(m.name);
  if (v.rawDevice !== implied.rawDevice) push(out, 'vlan-raw-device', v.rawDevice);
  // vlanN with no raw device would not read back as a vlan without its id.
  const needId = v.id !== implied.id || (implied.rawDevice === undefined && v.rawDevice === undefined);
  if (needId) push(out, 'vlan-id', v.id);
  push(out, 'vlan-protocol', v.protocol);
}

function ovsOptions(m: InterfaceModel, out: Opt[]): void {
  const o = m.ovs;
  if (!o) return;
  push(out, 'ovs-type', o.type);
  push(out, 'ovs-bridge', o.bridge);
  push(out, 'ovs-ports', o.ports?.join(' '));
  push(out, 'ovs-bonds', o.bonds?.join(' '));
  push(out, 'ovs-options', o.options);
}

/** Interface-level typed options in Proxmox order. */
export function interfaceOptions(m: InterfaceModel): Opt[] {
  const out: Opt[] = [];
  bondOptions(m, out);
  bridgeOptions(m, out);
  vlanOptions(m, out);
  push(out, 'mtu', m.mtu);
  ovsOptions(m, out);
  return out;
}

/** Comment lines (no EOL) for a model's comment text, `#text` style. */
export function commentLines(text: string | undefined): string[] {
  return text === undefined ? [] : text.split('\n').map((t) => commentRaw(t, '', false, ''));
}

export function headerText(name: string, family: Family | null, method: string | undefined): string {
  if (family === null) return `iface ${name}`;
  return method ? `iface ${name} ${family} ${method}` : `iface ${name} ${family}`;
}

export function optionText(indent: string, [key, value]: Opt): string {
  checkValue(key, value);
  return value === '' ? `${indent}${key}` : `${indent}${key} ${value}`;
}

interface Stanza {
  family: Family | null;
  opts: Opt[];
}

/** The raw lines (each ending with `eol`) of a new interface. */
export function renderInterface(m: InterfaceModel, indent: string, eol: string): string[] {
  const out: string[] = [];
  if (m.autostart) out.push(`auto ${m.name}`);
  if (m.hotplug) out.push(`allow-hotplug ${m.name}`);
  out.push(...commentLines(m.comments));
  const families = (['inet', 'inet6'] as const).filter((f) => m[f]);
  const stanzas: Stanza[] = families.length
    ? families.map((f) => ({ family: f, opts: familyOptions(m[f]!) }))
    : [{ family: null, opts: [] }];
  stanzas[0].opts.push(...interfaceOptions(m));
  for (const o of m.options) (stanzas.find((s) => s.family === o.family) ?? stanzas[0]).opts.push([o.key, o.value]);
  stanzas.forEach((s, k) => {
    if (k > 0) out.push('');
    out.push(headerText(m.name, s.family, s.family ? m[s.family]!.method : undefined));
    for (const o of s.opts) out.push(optionText(indent, o));
  });
  return out.map((l) => l + eol);
}

/** The raw lines of a new `iface NAME FAMILY METHOD` stanza with its addresses and gateway. */
export function renderFamilyStanza(name: string, family: Family, f: FamilyModel, indent: string, eol: string): string[] {
  return [headerText(name, family, f.method), ...familyOptions(f).map((o) => optionText(indent, o))].map((l) => l + eol);
}
