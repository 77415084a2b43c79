/**
 * applyModel: turn a form's result (an InterfaceModel) into the minimal set of line edits.
 *
 * The current model of the interface is compared field by field with the wanted one; only what
 * differs is touched, through the same line operations as the single edits (so spellings, netmask
 * lines, number-form bond modes, comments and order all stay where nothing changed). Applying the
 * model a document already has returns the same text.
 *
 * Values are checked where they are written (EditError for line breaks, a trailing backslash, a
 * keyword as option name), so an unchanged odd line never makes applyModel fail.
 *
 * Limits: `type` is derived, not written; raw options whose key the model types (a duplicate `mtu`,
 * an invalid `bridge-fd x`) are left as they are; a renamed interface is a remove plus an add.
 */
import { isIPv4, netmaskToPrefix, prefixToNetmask, familyOf } from './address';
import { fillValues, newLineFallback, setMethod, setOptionIn, unsetOptionIn } from './edit';
import { addInterface, insertBlock, setAutostart, setComments, setHotplug } from './edit-interface';
import { eolOf, keyIs, optionIndent, optionRaw, optionValue, Patch, replaceValue, stanzasOf } from './edit-lines';
import { canonicalKey, FAMILY_KEYS, MODEL_KEYS } from './keys';
import { makeLine } from './lexer';
import { modelOf, type ModelOptions } from './model';
import type { Family, FamilyModel, IfaceBlock, InterfaceModel, Line, NetDocument, RawOption } from './types';
import { interfaceOptions, renderFamilyStanza } from './writer';

const FAMILIES = ['inet', 'inet6'] as const;

/**
 * The model of `name` in `doc`. The steps below ask for it several times between two edits: the
 * answer is kept per document (read only here; its `type`, the one thing `opts` changes, is unused).
 */
const models = new WeakMap<NetDocument, { name: string; model: InterfaceModel | undefined }>();

function current(doc: NetDocument, name: string): InterfaceModel | undefined {
  const hit = models.get(doc);
  if (hit && hit.name === name) return hit.model;
  const model = modelOf(doc, name);
  models.set(doc, { name, model });
  return model;
}

/**
 * Make the interface `model.name` read back as `model` with the fewest line changes; an interface
 * not in the file is added (addInterface). `opts.nics` only feeds the model's type detection, and
 * `type` is not written: it changes nothing here.
 */
export function applyModel(doc: NetDocument, model: InterfaceModel, opts: ModelOptions = {}): NetDocument {
  const { name } = model;
  if (!current(doc, name)) return addInterface(doc, model);
  let d = doc;
  for (const f of FAMILIES) if (model[f]) d = applyFamily(d, name, f, model[f]!);
  for (const f of FAMILIES) if (!model[f] && current(d, name)![f]) d = removeFamily(d, name, f);
  d = applyOptions(d, model);
  const now = current(d, name)!;
  if (now.comments !== model.comments) d = setComments(d, name, model.comments);
  if (now.autostart !== model.autostart) d = setAutostart(d, name, model.autostart);
  if (now.hotplug !== model.hotplug) d = setHotplug(d, name, model.hotplug);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Families: method, addresses, gateway

function cidrList(f: FamilyModel | undefined): string[] {
  if (!f) return [];
  return [...(f.cidr === undefined ? [] : [f.cidr]), ...(f.extraCidrs ?? [])];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function sameFamily(a: FamilyModel | undefined, b: FamilyModel | undefined): boolean {
  if (!a || !b) return a === b;
  return a.method === b.method && a.gateway === b.gateway && sameList(cidrList(a), cidrList(b));
}

/** The family the model gives a stanza's lines (other families count as family-less). */
function stanzaFamily(s: IfaceBlock): Family | null {
  return s.family === 'inet' || s.family === 'inet6' ? s.family : null;
}

/** Option lines of `canon` that make up family `f` in the model, in file order (across stanzas). */
function familyLines(doc: NetDocument, name: string, f: Family, canon: string): number[] {
  const out: number[] = [];
  for (const s of stanzasOf(doc, name)) {
    const fam = stanzaFamily(s);
    for (const i of s.options) {
      const line = doc.lines[i];
      if (!keyIs(line, canon)) continue;
      const v = optionValue(line);
      const lf = fam ?? (canon === 'netmask' ? (v.includes(':') ? 'inet6' : 'inet') : familyOf(v));
      if (lf === f) out.push(i);
    }
  }
  return out;
}

/** The stanza new lines of family `f` go to: its own stanza, else the family-less one. */
function homeStanza(doc: NetDocument, name: string, f: Family): IfaceBlock | undefined {
  const all = stanzasOf(doc, name);
  return all.find((s) => s.family === f) ?? all.find((s) => s.family === undefined);
}

function interfaceIndent(doc: NetDocument, stanzas: readonly IfaceBlock[]): string {
  const withOptions = stanzas.find((s) => s.options.length);
  return withOptions ? optionIndent(doc, withOptions) : doc.indent;
}

function lastEnd(stanzas: readonly IfaceBlock[]): number {
  return Math.max(...stanzas.map((s) => s.end));
}

function applyFamily(d: NetDocument, name: string, f: Family, want: FamilyModel): NetDocument {
  const now = current(d, name)![f];
  if (sameFamily(now, want)) return d;
  if (!now) return addFamily(d, name, f, want);
  d = updateMethod(d, name, f, now.method, want);
  d = writeAddresses(d, name, f, want);
  return writeGateway(d, name, f, want.gateway);
}

function updateMethod(d: NetDocument, name: string, f: Family, was: string, want: FamilyModel): NetDocument {
  if (was === want.method) return d;
  const stanzas = stanzasOf(d, name);
  if (stanzas.some((s) => s.family === f)) return setMethod(d, name, f, want.method);
  // The family only lives in the family-less stanza: a method needs a stanza of its own, and the
  // family's lines move there.
  const patch = new Patch(d);
  for (const canon of FAMILY_KEYS) for (const i of familyLines(d, name, f, canon)) patch.remove(i);
  d = patch.apply();
  const now = stanzasOf(d, name);
  return insertBlock(d, lastEnd(now), renderFamilyStanza(name, f, want, interfaceIndent(d, now), d.eol));
}

function addFamily(d: NetDocument, name: string, f: Family, want: FamilyModel): NetDocument {
  const stanzas = stanzasOf(d, name);
  if (stanzas.some((s) => s.family === undefined) && want.method === 'static' && want.cidr !== undefined) {
    return writeGateway(writeAddresses(d, name, f, want), name, f, want.gateway);
  }
  return insertBlock(d, lastEnd(stanzas), renderFamilyStanza(name, f, want, interfaceIndent(d, stanzas), d.eol));
}

/** Indentation for a line inserted before `at` in stanza `s`: the option line above, else the stanza's. */
function indentAt(doc: NetDocument, s: IfaceBlock, at: number): string {
  const above = doc.lines[at - 1];
  return above && above.kind === 'option' ? above.indent : optionIndent(doc, s);
}

function writeAddresses(d: NetDocument, name: string, f: Family, want: FamilyModel): NetDocument {
  const next = cidrList(want);
  if (sameList(cidrList(current(d, name)![f]), next)) return d;
  const addrs = familyLines(d, name, f, 'address');
  const masks = familyLines(d, name, f, 'netmask');
  const patch = new Patch(d);
  let values = next;
  const first = addrs.length ? optionValue(d.lines[addrs[0]]) : undefined;
  if (masks.length && first !== undefined && !first.includes('/')) {
    // `address A` + `netmask M`: keep that form, touch the netmask only if the prefix changed.
    const m = /^(.*)\/(\d+)$/.exec(next[0] ?? '');
    if (m) values = [m[1], ...next.slice(1)];
    editNetmask(patch, masks, f, m ? Number(m[2]) : undefined);
  }
  // New addresses go first in the stanza, as Proxmox writes them.
  const home = homeStanza(d, name, f)!;
  fillValues(patch, addrs, values, { at: home.header + 1, style: { indent: optionIndent(d, home), key: 'address', sep: ' ' } });
  return patch.apply();
}

function editNetmask(patch: Patch, masks: readonly number[], f: Family, prefix: number | undefined): void {
  if (prefix === undefined) {
    for (const i of masks) patch.remove(i);
    return;
  }
  const i = masks[masks.length - 1];
  const old = optionValue(patch.doc.lines[i]);
  if (netmaskToPrefix(old, f) === prefix) return;
  const value = f === 'inet' && isIPv4(old) ? prefixToNetmask(prefix) : String(prefix);
  patch.replace(i, replaceValue(patch.doc.lines[i], value));
}

function writeGateway(d: NetDocument, name: string, f: Family, gateway: string | undefined): NetDocument {
  if (current(d, name)![f]?.gateway === gateway) return d;
  const gws = familyLines(d, name, f, 'gateway');
  const patch = new Patch(d);
  if (gateway === undefined) for (const i of gws) patch.remove(i);
  else if (gws.length) patch.replace(gws[0], replaceValue(d.lines[gws[0]], gateway));
  else {
    const home = homeStanza(d, name, f)!;
    const after = [...familyLines(d, name, f, 'address'), ...familyLines(d, name, f, 'netmask')];
    const at = after.length ? Math.max(...after) + 1 : home.header + 1;
    patch.insert(at, [optionRaw({ indent: indentAt(d, home, at), key: 'gateway', sep: ' ' }, gateway, d.eol)]);
  }
  return patch.apply();
}

/**
 * Remove family `f`: its address/netmask/gateway lines, then its stanza. Other lines of that stanza
 * (bridge-*, bond-*, hooks…) move to the end of the interface's next remaining stanza; when no other
 * stanza is left, the stanza stays as a family-less `iface NAME`.
 */
function removeFamily(d: NetDocument, name: string, f: Family): NetDocument {
  const patch = new Patch(d);
  for (const canon of FAMILY_KEYS) for (const i of familyLines(d, name, f, canon)) patch.remove(i);
  d = patch.apply();
  for (;;) {
    const stanzas = stanzasOf(d, name);
    const s = stanzas.find((x) => x.family === f);
    if (!s) return d;
    const others = stanzas.filter((x) => x !== s);
    d = others.length ? dissolveStanza(d, s, others[0]) : makeFamilyLess(d, s, name);
  }
}

/**
 * Remove stanza `s` (its family is gone) keeping its other lines in the interface. When `s` comes
 * first, the remaining stanza takes its place (header, then its lines, then the carried ones), so
 * the `auto` line and the interface's position stay; otherwise s's lines go to the end of `into`.
 */
function dissolveStanza(d: NetDocument, s: IfaceBlock, into: IfaceBlock): NetDocument {
  const patch = new Patch(d);
  const body = (b: IfaceBlock) => [...b.options, ...b.comments].sort((x, y) => x - y).map((i) => d.lines[i]);
  const drop = (b: IfaceBlock) => {
    for (let i = b.start; i < b.end; i++) if (!isList(d.lines[i])) patch.remove(i);
  };
  if (s.header < into.header) {
    patch.replace(s.header, d.lines[into.header]);
    patch.insert(s.header + 1, body(into));
    drop(into);
  } else {
    drop(s);
    const last = into.options.length ? into.options[into.options.length - 1] : into.header;
    patch.insert(last + 1, body(s));
  }
  return patch.apply();
}

const isList = (l: Line) => l.kind === 'auto' || l.kind === 'allow';

function makeFamilyLess(d: NetDocument, s: IfaceBlock, name: string): NetDocument {
  const line = d.lines[s.header];
  return new Patch(d).replace(s.header, makeLine(`${line.indent}iface ${name}${eolOf(line.raw)}`)).apply();
}

// ---------------------------------------------------------------------------------------------
// Interface-level options

/**
 * Interface options, in as few patches as possible. Typed ones (bond, bridge, vlan, mtu, ovs) are
 * compared in their written form, which is canonical (bond mode names, on/off), so a `bond-mode 4`
 * that is still 802.3ad stays untouched; then raw ones, grouped by stanza and key.
 *
 * The steps are: setOption for each changed typed key, unsetOption for each dropped one, then the
 * raw lines, each step seeing the document the previous one left. They are gathered in one patch
 * against the same document where that gives the same lines: typed and raw settings touch
 * different lines, and a line added for a typed key only goes after the stanza's last option, in
 * the indentation and key style the next step would pick anyway. Not merged: raw lines after
 * removals (the last option or the `_`/`-` majority may have changed), and raw lines added where a
 * typed line is added (the step after would put them above it or below it).
 */
function applyOptions(d: NetDocument, model: InterfaceModel): NetDocument {
  const target = { iface: model.name };
  const was = new Map(interfaceOptions(current(d, model.name)!));
  const want = new Map(interfaceOptions(model));
  const typed = new Patch(d);
  for (const [key, value] of want) if (was.get(key) !== value) setOptionIn(typed, target, key, value);
  let removes = false;
  for (const key of was.keys()) {
    if (want.has(key)) continue;
    unsetOptionIn(typed, target, key);
    removes = true;
  }
  if (!removes) {
    const raw = rawOptions(new Patch(d), model);
    const points = new Set(typed.insertPoints());
    if (!raw.insertPoints().some((p) => points.has(p))) return typed.merge(raw).apply();
  }
  d = typed.apply();
  return rawOptions(new Patch(d), model).apply();
}

interface RawGroup {
  stanza: IfaceBlock;
  key: string;
  values: string[];
}

/** Raw options grouped by the stanza they go to and their canonical key. */
function rawGroups(d: NetDocument, name: string, options: readonly RawOption[]): Map<string, RawGroup> {
  const stanzas = stanzasOf(d, name);
  const groups = new Map<string, RawGroup>();
  for (const o of options) {
    const canon = canonicalKey(o.key);
    if (MODEL_KEYS.has(canon)) continue;
    const stanza =
      stanzas.find((s) => stanzaFamily(s) === o.family) ??
      stanzas.find((s) => s.options.some((i) => keyIs(d.lines[i], canon))) ??
      stanzas[0];
    const id = `${stanza.header}\0${canon}`;
    const g = groups.get(id);
    if (g) g.values.push(o.value);
    else groups.set(id, { stanza, key: o.key, values: [o.value] });
  }
  return groups;
}

/** The raw option lines' changes (lines whose key the model does not type), added to `patch`. */
function rawOptions(patch: Patch, model: InterfaceModel): Patch {
  const d = patch.doc;
  const was = rawGroups(d, model.name, current(d, model.name)!.options);
  const want = rawGroups(d, model.name, model.options);
  const write = (id: string, g: RawGroup, values: readonly string[]) => {
    if (sameList(was.get(id)?.values ?? [], values)) return;
    const canon = canonicalKey(g.key);
    const existing = g.stanza.options.filter((i) => keyIs(d.lines[i], canon));
    fillValues(patch, existing, values, newLineFallback(d, g.stanza, g.key));
  };
  for (const [id, g] of want) write(id, g, g.values);
  for (const [id, g] of was) if (!want.has(id)) write(id, g, []);
  return patch;
}
