/**
 * Interface-level edits: add and remove whole interfaces, start modes, comments.
 * See edit.ts for the conventions (pure, minimal, EditError).
 */
import { checkKey, checkValue, checkWord, commentRaw, EditError, eolOf, Patch, removeName, stanzasOf } from './edit-lines';
import { makeLine } from './lexer';
import { commentText } from './model';
import type { IfaceBlock, InterfaceModel, Line, ListBlock, NetDocument } from './types';
import { familyOptions, impliedVlan, interfaceOptions, renderInterface } from './writer';

/**
 * Insert a block of raw lines (a stanza) before line `at`, with exactly one blank line before it
 * (none at the start of the file) and one after it when the next line is not blank.
 */
export function insertBlock(doc: NetDocument, at: number, raws: readonly string[]): NetDocument {
  const { lines, eol } = doc;
  const out = [...raws];
  if (at > 0 && lines[at - 1].kind !== 'blank') out.unshift(eol);
  if (at < lines.length && lines[at].kind !== 'blank') out.push(eol);
  return new Patch(doc).insert(at, out).apply();
}

/** Insertion point at the end: after the first of the trailing blank lines, if any. */
function endPosition(lines: readonly Line[]): number {
  let k = lines.length;
  while (k > 0 && lines[k - 1].kind === 'blank') k--;
  if (k === 0) return 0;
  return k < lines.length ? k + 1 : k;
}

/** Interfaces a new one is built on: bridge ports, bond slaves, vlan raw device. */
function dependencies(m: InterfaceModel): string[] {
  const raw = m.vlan?.rawDevice ?? impliedVlan(m.name).rawDevice;
  return [...(m.bridge?.ports ?? []), ...(m.bond?.slaves ?? []), ...(raw ? [raw] : [])];
}

/** One past the last stanza of `names` present in the document; -1 when none is. */
function endOfStanzas(doc: NetDocument, names: readonly string[]): number {
  const wanted = new Set(names);
  let end = -1;
  for (const b of doc.blocks) if (b.kind === 'iface' && b.name !== '' && wanted.has(b.name)) end = Math.max(end, b.end);
  return end;
}

/** The stanzas of `name` (none for ''), in file order. */
function stanzasNamed(doc: NetDocument, name: string): IfaceBlock[] {
  return name === '' ? [] : doc.blocks.filter((b): b is IfaceBlock => b.kind === 'iface' && b.name === name);
}

/** Reject a model whose text would not stay on its lines (EditError). */
export function checkModel(m: InterfaceModel): void {
  checkWord('interface name', m.name);
  const families = [m.inet, m.inet6].filter((f) => f !== undefined);
  for (const f of families) if (f.method !== '') checkWord('method', f.method);
  const options = [...families.flatMap(familyOptions), ...interfaceOptions(m), ...m.options.map((o) => [o.key, o.value] as const)];
  for (const [key, value] of options) {
    checkKey(key);
    checkValue(key, value);
  }
  if (m.comments?.includes('\r')) throw new EditError('Comments must not contain carriage returns.');
}

/**
 * Add a new interface, rendered by the writer with the document's indentation and line ending,
 * after the last stanza of the interfaces it depends on (else at the end).
 */
export function addInterface(doc: NetDocument, model: InterfaceModel): NetDocument {
  checkModel(model);
  if (stanzasNamed(doc, model.name).length) throw new EditError(`An interface named "${model.name}" already exists.`);
  const after = endOfStanzas(doc, dependencies(model));
  const at = after >= 0 ? after : endPosition(doc.lines);
  return insertBlock(doc, at, renderInterface(model, doc.indent, doc.eol));
}

function listBlocks(doc: NetDocument, name: string, pick: (b: ListBlock) => boolean): ListBlock[] {
  return doc.blocks.filter(
    (b): b is ListBlock => (b.kind === 'auto' || b.kind === 'allow' || b.kind === 'no-auto-down' || b.kind === 'no-scripts') && pick(b) && b.names.includes(name),
  );
}

function dropName(patch: Patch, lists: readonly ListBlock[], name: string): void {
  for (const b of lists) {
    const line = removeName(patch.doc.lines[b.line], name);
    if (line === null) patch.remove(b.line);
    else patch.replace(b.line, line);
  }
}

/**
 * Remove an interface: all its stanzas with their owned comments, and its name from every
 * auto, allow-CLASS, no-auto-down and no-scripts line (a line left empty goes). References from other
 * interfaces (bridge ports, bond slaves) are left for the validator to report.
 */
export function removeInterface(doc: NetDocument, name: string): NetDocument {
  const stanzas = stanzasNamed(doc, name);
  const lists = listBlocks(doc, name, () => true);
  if (!stanzas.length && !lists.length) throw new EditError(`There is no interface "${name}" in this file.`);
  const patch = new Patch(doc);
  for (const s of stanzas) for (let i = s.start; i < s.end; i++) patch.remove(i);
  dropName(patch, lists, name);
  return patch.apply();
}

function setStartMode(doc: NetDocument, name: string, cls: 'auto' | 'hotplug', on: boolean): NetDocument {
  const first = stanzasOf(doc, name)[0];
  const lists = listBlocks(doc, name, (b) => (b.kind === 'auto' || b.kind === 'allow') && b.cls === cls);
  const patch = new Patch(doc);
  if (on && !lists.length) patch.insert(first.start, [`${cls === 'auto' ? 'auto' : 'allow-hotplug'} ${name}${doc.eol}`]);
  if (!on) dropName(patch, lists, name);
  return patch.apply();
}

/**
 * on: add `auto NAME` directly above the interface's first stanza (above its leading comments)
 * unless an `auto` or `allow-auto` line names it; off: remove it from those lines.
 */
export function setAutostart(doc: NetDocument, name: string, on: boolean): NetDocument {
  return setStartMode(doc, name, 'auto', on);
}

/** The same for `allow-hotplug NAME`. */
export function setHotplug(doc: NetDocument, name: string, on: boolean): NetDocument {
  return setStartMode(doc, name, 'hotplug', on);
}

function ownedComments(stanzas: readonly IfaceBlock[]): number[] {
  return stanzas.flatMap((s) => [...s.leading, ...s.comments]);
}

/**
 * Replace the interface's owned comment lines with `text` (one line per `\n`; undefined removes
 * them). With as many lines as before, only the lines whose text changed are rewritten, in their
 * own style; otherwise the new lines go where the first old one was (its indentation and `# `
 * style) or directly above the first header.
 */
export function setComments(doc: NetDocument, name: string, text: string | undefined): NetDocument {
  const stanzas = stanzasOf(doc, name);
  const owned = ownedComments(stanzas);
  const next = text === undefined ? [] : text.split('\n');
  if (next.some((t) => t.includes('\r'))) throw new EditError('Comments must not contain carriage returns.');
  const lines = owned.map((i) => doc.lines[i]);
  const patch = new Patch(doc);
  const styled = (t: string, like: Line | undefined, eol: string) => commentRaw(t, like?.indent ?? '', like?.text.startsWith('# ') ?? false, eol);
  if (owned.length === next.length) {
    owned.forEach((i, k) => {
      if (commentText(lines[k]) !== next[k]) patch.replace(i, makeLine(styled(next[k], lines[k], eolOf(lines[k].raw))));
    });
    return patch.apply();
  }
  for (const i of owned) patch.remove(i);
  const at = owned.length ? owned[0] : stanzas[0].header;
  patch.insert(at, next.map((t) => styled(t, lines[0], doc.eol)));
  return patch.apply();
}
