/**
 * Minimal edits of a document. Every function is pure: it returns a NEW document built from a copy
 * of the line array (untouched lines are the same objects, byte for byte) and never re-renders a
 * stanza. Impossible requests throw EditError.
 *
 * Option edits (this file): setOption, unsetOption, setMethod.
 * Interface edits (edit-interface.ts, re-exported): addInterface, removeInterface, setAutostart,
 * setHotplug, setComments. Form results: applyModel (apply-model.ts).
 */
import { canonicalKey } from './keys';
import {
  bodyEnd,
  checkKey,
  checkValue,
  checkWord,
  EditError,
  eolOf,
  keyIs,
  optionIndent,
  optionRaw,
  Patch,
  replaceValue,
  stanzasOf,
  styleOf,
  type OptionStyle,
} from './edit-lines';
import { makeLine } from './lexer';
import type { Family, IfaceBlock, NetDocument } from './types';

export { EditError } from './edit-lines';
export { addInterface, removeInterface, setAutostart, setHotplug, setComments } from './edit-interface';
export { applyModel } from './apply-model';

/**
 * Which stanza of an interface: `family` undefined = the stanza that already holds the key (else
 * the first stanza); null = the family-less `iface NAME` stanza; 'inet'/'inet6' = that stanza.
 */
export interface Target {
  readonly iface: string;
  readonly family?: Family | null;
}

function familyMatches(s: IfaceBlock, family: Family | null): boolean {
  return (s.family ?? null) === family;
}

/** The stanza a target names; `canon` picks the stanza holding that key when family is undefined. */
export function targetStanza(doc: NetDocument, target: Target, canon?: string): IfaceBlock {
  const all = stanzasOf(doc, target.iface);
  const { family } = target;
  if (family === undefined) {
    if (canon === undefined) return all[0];
    return all.find((s) => s.options.some((i) => keyIs(doc.lines[i], canon))) ?? all[0];
  }
  const s = all.find((x) => familyMatches(x, family));
  if (s) return s;
  throw new EditError(
    family === null
      ? `"${target.iface}" has no family-less stanza ("iface ${target.iface}").`
      : `"${target.iface}" has no ${family} stanza: add "iface ${target.iface} ${family} static" first.`,
  );
}

/** Hook keys keep their hyphens whatever the stanza's style (`post-up`, never `post_up`). */
const HOOKS = new Set(['up', 'down', 'pre-up', 'post-up', 'pre-down', 'post-down']);

/** The spelling of a key new to stanza `s`: canonical, with `_` when the stanza writes `_`. */
export function newKeySpelling(doc: NetDocument, s: IfaceBlock, key: string): string {
  const canon = canonicalKey(key);
  if (HOOKS.has(canon) || !canon.includes('-')) return canon;
  let underscore = 0;
  let hyphen = 0;
  for (const i of s.options) {
    const k = doc.lines[i].words[0];
    if (HOOKS.has(canonicalKey(k))) continue;
    if (k.includes('_')) underscore++;
    else if (k.includes('-')) hyphen++;
  }
  return underscore > hyphen ? canon.replace(/-/g, '_') : canon;
}

/** Where and how to write lines for values that have no existing line. */
export interface Fallback {
  at: number;
  style: OptionStyle;
}

/**
 * Put `values` into the option lines `existing` (in order): replace each value (same line when
 * unchanged), remove the surplus lines, add the rest after the last existing line, or at
 * `fallback.at` when there is none.
 */
export function fillValues(patch: Patch, existing: readonly number[], values: readonly string[], fallback: Fallback): void {
  const { doc } = patch;
  values.forEach((v, k) => {
    if (k < existing.length) patch.replace(existing[k], replaceValue(doc.lines[existing[k]], v));
  });
  for (const i of existing.slice(values.length)) patch.remove(i);
  const rest = values.slice(existing.length);
  if (!rest.length) return;
  let { at, style } = fallback;
  if (existing.length) {
    const last = existing[existing.length - 1];
    at = last + 1;
    const tmpl = styleOf(doc.lines[last]);
    style = { ...tmpl, key: tmpl.key === 'slaves' ? style.key : tmpl.key };
  }
  patch.insert(at, rest.map((v) => optionRaw(style, v, doc.eol)));
}

/** Fallback for a key new to stanza `s`: after its last option, its indentation and style. */
export function newLineFallback(doc: NetDocument, s: IfaceBlock, key: string): Fallback {
  checkKey(key);
  return { at: bodyEnd(s), style: { indent: optionIndent(doc, s), key: newKeySpelling(doc, s, key), sep: ' ' } };
}

/**
 * Set an option. A string replaces the value of the first line with that key (canonical match:
 * `bond_miimon` = `bond-miimon`, `slaves` = `bond-slaves`), keeping its spelling, indentation,
 * separator and line ending, or adds a line after the stanza's last option. An array sets every
 * line of a multi-valued key (address, post-up, …) in order; an empty array removes them.
 */
export function setOption(doc: NetDocument, target: Target, key: string, value: string | readonly string[]): NetDocument {
  return setOptionIn(new Patch(doc), target, key, value).apply();
}

/** setOption's line changes, added to `patch` (lines as in `patch.doc`). */
export function setOptionIn(patch: Patch, target: Target, key: string, value: string | readonly string[]): Patch {
  const { doc } = patch;
  checkKey(key);
  const values = typeof value === 'string' ? [value] : [...value];
  for (const v of values) checkValue(key, v);
  const canon = canonicalKey(key);
  const s = targetStanza(doc, target, canon);
  const existing = s.options.filter((i) => keyIs(doc.lines[i], canon));
  fillValues(patch, typeof value === 'string' ? existing.slice(0, 1) : existing, values, newLineFallback(doc, s, key));
  return patch;
}

/** Remove every line of `key` from the target stanza (family undefined: from every stanza). */
export function unsetOption(doc: NetDocument, target: Target, key: string): NetDocument {
  return unsetOptionIn(new Patch(doc), target, key).apply();
}

/** unsetOption's line changes, added to `patch`. */
export function unsetOptionIn(patch: Patch, target: Target, key: string): Patch {
  const { doc } = patch;
  const canon = canonicalKey(key);
  const stanzas = target.family === undefined ? stanzasOf(doc, target.iface) : [targetStanza(doc, target)];
  for (const s of stanzas) for (const i of s.options) if (keyIs(doc.lines[i], canon)) patch.remove(i);
  return patch;
}

/** Rewrite the method word of `iface NAME FAMILY METHOD`, keeping the rest of the header's bytes. */
export function setMethod(doc: NetDocument, iface: string, family: Family, method: string): NetDocument {
  checkWord('method', method);
  const s = targetStanza(doc, { iface, family });
  if (s.method === method) return doc;
  const line = doc.lines[s.header];
  const eol = eolOf(line.raw);
  const body = line.raw.slice(0, line.raw.length - eol.length);
  const m = /^([ \t]*iface[ \t]+\S+[ \t]+\S+)(?:([ \t]+)(\S+))?(.*)$/s.exec(body);
  let raw: string;
  if (line.physCount === 1 && m && m[3] !== undefined) raw = `${m[1]}${m[2]}${method}${m[4]}${eol}`;
  else if (line.physCount === 1 && m) raw = `${m[1]} ${method}${m[4]}${eol}`;
  else raw = `${line.indent}${['iface', iface, family, method, ...line.words.slice(4)].join(' ')}${eol}`;
  return new Patch(doc).replace(s.header, makeLine(raw)).apply();
}
