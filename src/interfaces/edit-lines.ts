/**
 * Low-level line operations for the edit functions: a Patch collects replacements, removals and
 * insertions against one document's line indexes and builds the new document in one pass.
 *
 * Guarantees of `Patch.apply()`:
 * - lines not replaced or removed are the same Line objects (same bytes);
 * - every line that is no longer last gets a line ending (the doc's `eol`) if it had none;
 * - where lines were removed, the blank lines on both sides are collapsed so that no run of blank
 *   lines grows (the longer side wins; at the start/end of the file the edge's own run wins).
 */
import { classify, makeLine } from './lexer';
import { canonicalKey } from './keys';
import { stanzasByName } from './model';
import { analyze } from './parser';
import type { IfaceBlock, Line, NetDocument } from './types';

/** An edit that cannot be done (unknown interface, missing stanza, invalid text). */
export class EditError extends Error {
  override name = 'EditError';
}

/** The stanzas of `name`, in file order; EditError when there is none. */
export function stanzasOf(doc: NetDocument, name: string): IfaceBlock[] {
  const list = stanzasByName(doc).get(name);
  if (!list) throw new EditError(`There is no interface "${name}" in this file.`);
  return list;
}

/** Reject text that would break the line structure (line breaks) or is empty where a word is needed. */
export function checkWord(what: string, word: string): void {
  if (!/^[^\s#][^\s]*$/.test(word)) throw new EditError(`Invalid ${what} "${word}": it must be one word, without spaces and not starting with "#".`);
}

/** An option name: one word that does not read as a keyword (`iface`, `auto`, `source`, …). */
export function checkKey(key: string): void {
  checkWord('option name', key);
  if (classify(key) !== 'option') throw new EditError(`"${key}" is a keyword of the interfaces file, not an option name.`);
}

/** A value must stay on its line: no line breaks, no trailing backslash (it would continue the line). */
export function checkValue(what: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new EditError(`The value of ${what} must be one line: remove the line breaks.`);
  if (value.endsWith('\\')) throw new EditError(`The value of ${what} must not end with a backslash: ifupdown would join it with the next line.`);
}

export type Eol = '' | '\n' | '\r\n';

export function eolOf(raw: string): Eol {
  if (raw.endsWith('\r\n')) return '\r\n';
  return raw.endsWith('\n') ? '\n' : '';
}

function stripEol(raw: string): string {
  return raw.slice(0, raw.length - eolOf(raw).length);
}

/** The value of an option line, as the model reads it (text after the key). */
export function optionValue(line: Line): string {
  return line.text.slice(line.words[0].length).replace(/^[ \t]+/, '');
}

export function keyIs(line: Line, canon: string): boolean {
  return line.kind === 'option' && canonicalKey(line.words[0]) === canon;
}

/** Indentation, key spelling and key/value separator of an option line. */
export interface OptionStyle {
  indent: string;
  key: string;
  sep: string;
}

export function styleOf(line: Line): OptionStyle {
  const key = line.words[0];
  const first = line.raw.split('\n', 1)[0].replace(/\r$/, '');
  const head = line.indent + key;
  const sep = first.startsWith(head) ? /^[ \t]*/.exec(first.slice(head.length))![0] : '';
  return { indent: line.indent, key, sep: sep === '' ? ' ' : sep };
}

/** The raw text of an option line (EditError when the value would not stay on its line). */
export function optionRaw(style: OptionStyle, value: string, eol: string): string {
  checkValue(style.key, value);
  return value === '' ? `${style.indent}${style.key}${eol}` : `${style.indent}${style.key}${style.sep}${value}${eol}`;
}

/** The line with a new value, keeping indent, key spelling, separator and EOL; same line if equal. */
export function replaceValue(line: Line, value: string): Line {
  if (optionValue(line) === value) return line;
  return makeLine(optionRaw(styleOf(line), value, eolOf(line.raw)));
}

/**
 * A comment line for `text` (one line of a model's comments). `spaced` writes `# text`, else
 * `#text`; a text starting with a space always gets one more, so that reading it back (`#` and one
 * space stripped) gives `text` again.
 */
export function commentRaw(text: string, indent: string, spaced: boolean, eol: string): string {
  const body = text === '' ? '' : spaced || text.startsWith(' ') ? ` ${text}` : text;
  return `${indent}#${body}${eol}`;
}

/**
 * A list line (`auto a b`, `allow-hotplug a`, …) without `name`: null when no name is left, the
 * same line when `name` is not in it. The other names keep their spacing.
 */
export function removeName(line: Line, name: string): Line | null {
  const names = line.words.slice(1);
  if (!names.includes(name)) return line;
  const rest = names.filter((n) => n !== name);
  if (rest.length === 0) return null;
  const eol = eolOf(line.raw);
  if (line.physCount > 1) return makeLine(`${line.indent}${line.words[0]} ${rest.join(' ')}${eol}`);
  const body = stripEol(line.raw);
  let out = '';
  let first = true;
  let pos = 0;
  for (const m of body.matchAll(/([ \t]*)(\S+)/g)) {
    pos = m.index + m[0].length;
    if (!first && m[2] === name) continue;
    out += m[0];
    first = false;
  }
  return makeLine(out + body.slice(pos) + eol);
}

/** Where new option lines of a stanza go: right after its last option (or its header). */
export function bodyEnd(s: IfaceBlock): number {
  return (s.options.length ? s.options[s.options.length - 1] : s.header) + 1;
}

/** Indentation for a new option line in `s`. */
export function optionIndent(doc: NetDocument, s: IfaceBlock): string {
  return s.options.length ? doc.lines[s.options[s.options.length - 1]].indent : doc.indent;
}

const SEAM = Symbol('removed');
type Item = Line | typeof SEAM;

export class Patch {
  private readonly inserts = new Map<number, Line[]>();
  private readonly changes = new Map<number, Line | null>();

  constructor(readonly doc: NetDocument) {}

  replace(i: number, line: Line): this {
    if (line.raw !== this.doc.lines[i].raw) this.changes.set(i, line);
    return this;
  }

  remove(i: number): this {
    this.changes.set(i, null);
    return this;
  }

  /** Insert lines before line `at` (`at` = lines.length appends). Strings are raw text with EOL. */
  insert(at: number, lines: readonly (string | Line)[]): this {
    const list = this.inserts.get(at) ?? [];
    for (const l of lines) list.push(typeof l === 'string' ? makeLine(l) : l);
    this.inserts.set(at, list);
    return this;
  }

  get empty(): boolean {
    return this.inserts.size === 0 && this.changes.size === 0;
  }

  apply(): NetDocument {
    if (this.empty) return this.doc;
    const src = this.doc.lines;
    const items: Item[] = [];
    for (let i = 0; i <= src.length; i++) {
      const ins = this.inserts.get(i);
      if (ins) items.push(...ins);
      if (i === src.length) break;
      const c = this.changes.get(i);
      if (c === null) {
        if (items[items.length - 1] !== SEAM) items.push(SEAM);
      } else items.push(c ?? src[i]);
    }
    const out = collapseBlanks(items);
    for (let k = 0; k < out.length - 1; k++) out[k] = notLast(out[k], this.doc.eol);
    return analyze(out);
  }
}

/**
 * A line that was last and now has lines after it: give it a line ending. If it ends with a
 * backslash, ifupdown would join the next line to it: refuse.
 */
function notLast(line: Line, eol: string): Line {
  if (line.kind !== 'comment' && stripEol(line.raw).endsWith('\\'))
    throw new EditError('The last line of the file ends with a backslash: a line added after it would be joined to it. Fix that line first.');
  return eolOf(line.raw) === '' ? makeLine(line.raw + eol) : line;
}

const isBlankish = (it: Item) => it === SEAM || it.kind === 'blank';

/** Drop the SEAM markers; around each, keep no more blank lines than the longest original run. */
function collapseBlanks(items: readonly Item[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < items.length) {
    const it = items[i];
    if (!isBlankish(it)) {
      out.push(it as Line);
      i++;
      continue;
    }
    const pieces: Line[][] = [[]];
    let j = i;
    for (; j < items.length && isBlankish(items[j]); j++) {
      const x = items[j];
      if (x === SEAM) pieces.push([]);
      else pieces[pieces.length - 1].push(x);
    }
    const blanks = pieces.flat();
    out.push(...blanks.slice(0, pieces.length === 1 ? blanks.length : allowedBlanks(pieces, out.length === 0, j === items.length)));
    i = j;
  }
  return out;
}

function allowedBlanks(pieces: readonly Line[][], atStart: boolean, atEnd: boolean): number {
  const first = pieces[0].length;
  const last = pieces[pieces.length - 1].length;
  if (atStart && atEnd) return Math.min(first, last);
  if (atStart) return first;
  if (atEnd) return last;
  return Math.max(...pieces.map((p) => p.length));
}
