/**
 * Reading the lines of a LineTable (lexer.ts) in place: what the parser and the validation need
 * of a line, without making its Line object or, mostly, its strings. Line i is read through
 * `t.line[i]` when set (a continued line, or one not lexed from `t.text`), else from `t.text`.
 *
 * The word loops are written out: they run on option lines and headers, of which a large file has
 * thousands, much of the time before V8 has compiled them, and an uncompiled call is dear.
 */
import { BLANK, BLANKS, COMMENT, sharedIndent, tableOf, type LineTable } from './lexer';
import type { NetDocument } from './types';

const SPACE = 32;
const TAB = 9;

/** The table of each document that has one (parse makes it, analyze and validate find or make it). */
const TABLES = new WeakMap<NetDocument, LineTable>();

export function setTable(doc: NetDocument, t: LineTable): void {
  TABLES.set(doc, t);
}

/** The table a document was analyzed from, if it was. */
export function tableOfParsed(doc: NetDocument): LineTable | undefined {
  return TABLES.get(doc);
}

/** The table of a document's lines: the one it was analyzed from, or one made from its lines. */
export function tableOfDoc(doc: NetDocument): LineTable {
  let t = TABLES.get(doc);
  if (t === undefined) TABLES.set(doc, (t = tableOf(doc.lines)));
  return t;
}

/** `line.indent`. */
export function indentAt(t: LineTable, i: number): string {
  return t.line[i]?.indent ?? sharedIndent(t, i);
}

/** `line.indent === ''`. */
export function unindented(t: LineTable, i: number): boolean {
  const l = t.line[i];
  return l === undefined ? t.from[i] === t.start[i] : l.indent === '';
}

/** `line.raw`. */
export function rawAt(t: LineTable, i: number): string {
  return t.line[i]?.raw ?? t.text.slice(t.start[i], t.end[i]);
}

/** `line.words` (made for the line each time it is asked for, unless read through a Line). */
export function wordsAt(t: LineTable, i: number): readonly string[] {
  const l = t.line[i];
  if (l !== undefined) return l.words;
  return t.kind[i] === BLANK || t.kind[i] === COMMENT ? [] : t.text.slice(t.from[i], t.to[i]).split(BLANKS);
}

/** `line.words.slice(k)`. */
export function wordsFrom(t: LineTable, i: number, k: number): string[] {
  const l = t.line[i];
  if (l !== undefined) return l.words.slice(k);
  if (t.kind[i] === BLANK || t.kind[i] === COMMENT) return [];
  const s = t.text;
  const to = t.to[i];
  let from = t.from[i];
  for (let n = 0; n < k && from < to; n++) {
    for (let c = s.charCodeAt(from); from < to && c !== SPACE && c !== TAB; c = s.charCodeAt(++from));
    for (let c = s.charCodeAt(from); from < to && (c === SPACE || c === TAB); c = s.charCodeAt(++from));
  }
  // The rest split natively: one call, where a loop would call charCodeAt for every character.
  return from === to ? [] : s.slice(from, to).split(BLANKS);
}

/** `line.words[0] === word` (the line is not blank nor a comment). */
export function firstWordIs(t: LineTable, i: number, word: string): boolean {
  const l = t.line[i];
  if (l !== undefined) return l.words[0] === word;
  const s = t.text;
  const from = t.from[i];
  const to = t.to[i];
  const e = from + word.length;
  if (e > to || !s.startsWith(word, from)) return false;
  const c = s.charCodeAt(e);
  return e === to || c === SPACE || c === TAB;
}

/** `line.words[0]` (the line is not blank nor a comment). */
export function firstWord(t: LineTable, i: number): string {
  const l = t.line[i];
  if (l !== undefined) return l.words[0] ?? '';
  const s = t.text;
  const from = t.from[i];
  const to = t.to[i];
  let e = from;
  for (let c = s.charCodeAt(e); e < to && c !== SPACE && c !== TAB; c = s.charCodeAt(++e));
  return s.slice(from, e);
}

/** The text after the first word, trimmed: `line.text.slice(line.words[0].length).trim()`. */
export function valueText(t: LineTable, i: number): string {
  const l = t.line[i];
  if (l !== undefined) return l.text.slice(l.words[0].length).trim();
  const s = t.text;
  const to = t.to[i];
  let e = t.from[i];
  for (let c = s.charCodeAt(e); e < to && c !== SPACE && c !== TAB; c = s.charCodeAt(++e));
  return s.slice(e, to).trim();
}

/** Has the line exactly two words, the second `name`? (`auto NAME`, `allow-hotplug NAME`.) */
export function isListOf(t: LineTable, i: number, name: string): boolean {
  const l = t.line[i];
  if (l !== undefined) return l.words.length === 2 && l.words[1] === name;
  const s = t.text;
  const to = t.to[i];
  let k = t.from[i];
  for (let c = s.charCodeAt(k); k < to && c !== SPACE && c !== TAB; c = s.charCodeAt(++k));
  for (let c = s.charCodeAt(k); k < to && (c === SPACE || c === TAB); c = s.charCodeAt(++k));
  return k < to && k + name.length === to && s.startsWith(name, k);
}

/** What readHeader reads of an `iface` or `mapping` line. */
export interface Header {
  /** `line.words.length`. */
  count: number;
  /** `line.words[1]`, `[2]` and `[3]`; a family and a method as the strings of FAMILIES and METHODS when one of those. */
  name: string | undefined;
  family: string | undefined;
  method: string | undefined;
}

const FAMILIES = ['inet', 'inet6'];
const METHODS = ['static', 'manual', 'dhcp', 'loopback', 'auto'];

/**
 * Read the words of a header line into `h`: in one pass, slicing only the name (a large file has
 * thousands of headers). Every block with a common family or method shares one copy of it.
 */
export function readHeader(t: LineTable, i: number, h: Header): void {
  const l = t.line[i];
  if (l !== undefined) {
    const w = l.words;
    h.count = w.length;
    h.name = w[1];
    h.family = w[2];
    h.method = w[3];
    return;
  }
  const s = t.text;
  const to = t.to[i];
  let k = t.from[i];
  let n = 0;
  h.name = h.family = h.method = undefined;
  while (k < to) {
    const from = k;
    for (let c = s.charCodeAt(k); k < to && c !== SPACE && c !== TAB; c = s.charCodeAt(++k));
    if (n === 1) h.name = s.slice(from, k);
    else if (n === 2) h.family = known(s, from, k, FAMILIES);
    else if (n === 3) h.method = known(s, from, k, METHODS);
    n++;
    for (let c = s.charCodeAt(k); k < to && (c === SPACE || c === TAB); c = s.charCodeAt(++k));
  }
  h.count = n;
}

/** `s[from, to)`, as the string of `list` equal to it if any. */
function known(s: string, from: number, to: number, list: readonly string[]): string {
  for (const w of list) if (w.length === to - from && s.startsWith(w, from)) return w;
  return s.slice(from, to);
}

/** Indexes of the lines whose raw bytes contain one of the characters of `chars`, in order. */
export function linesWithAny(t: LineTable, chars: string): number[] {
  const found: number[] = [];
  // Where the characters are in the text, found with indexOf: nearly always nowhere, or a few.
  const hits = positionsOf(t.text, chars);
  let h = 0; // hits[h]: the first not before line i
  for (let i = 0; i < t.length; i++) {
    const l = t.line[i];
    if (l !== undefined) {
      if (anyOf(l.raw, chars)) found.push(i);
      continue;
    }
    const start = t.start[i];
    if (h > 0 && hits[h - 1] >= start) h = 0; // lines out of order (an edit moved one): search from the first
    while (h < hits.length && hits[h] < start) h++;
    if (h < hits.length && hits[h] < t.end[i]) found.push(i);
  }
  return found;
}

/** Positions in `s` of the characters of `chars`, in increasing order. */
function positionsOf(s: string, chars: string): number[] {
  const out: number[] = [];
  for (let k = 0; k < chars.length; k++) for (let i = s.indexOf(chars[k]); i !== -1; i = s.indexOf(chars[k], i + 1)) out.push(i);
  return out.sort((a, b) => a - b);
}

function anyOf(s: string, chars: string): boolean {
  for (let k = 0; k < chars.length; k++) if (s.includes(chars[k])) return true;
  return false;
}

/**
 * The bytes of all lines: runs of lines that lie side by side in the text are one slice of it (an
 * unedited document is one run: its text, as parsed). A line not lexed from the text (start -1)
 * is printed from its raw.
 */
export function printTable(t: LineTable): string {
  let out = '';
  let from = 0;
  let to = 0; // the current run: text[from, to)
  for (let i = 0; i < t.length; i++) {
    const start = t.start[i];
    if (start === to && start >= 0) {
      to = t.end[i];
      continue;
    }
    if (to > from) out += t.text.slice(from, to);
    if (start >= 0) {
      from = start;
      to = t.end[i];
    } else {
      out += t.line[i]!.raw;
      from = to = 0;
    }
  }
  if (to > from) out += t.text.slice(from, to);
  return out;
}

