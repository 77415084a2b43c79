/**
 * Low-level line operations for the edit functions: a Patch collects replacements, removals and
 * insertions against one document's line indexes and builds the new document in one pass. Its
 * cost is a copy of the line array plus the size of the edit: only a window around the edit is
 * parsed again (reanalyze, at the end of this file), the rest of the block index is reused.
 *
 * Guarantees of `Patch.apply()`:
 * - lines not replaced or removed are the same Line objects (same bytes);
 * - every line that is no longer last gets a line ending (the doc's `eol`) if it had none;
 * - where lines were removed, the blank lines on both sides are collapsed so that no run of blank
 *   lines grows (the longer side wins; at the start/end of the file the edge's own run wins).
 */
import { classify, makeLine } from './lexer';
import { canonicalKey } from './keys';
import { analyze } from './parser';
import type { Block, Diagnostic, IfaceBlock, Line, LineKind, NetDocument } from './types';

/** An edit that cannot be done (unknown interface, missing stanza, invalid text). */
export class EditError extends Error {
  override name = 'EditError';
}

/** The last stanzasOf answer per document: edits ask for the same interface several times. */
const lastStanzas = new WeakMap<NetDocument, { name: string; list: IfaceBlock[] }>();

/** The stanzas of `name`, in file order; EditError when there is none. */
export function stanzasOf(doc: NetDocument, name: string): IfaceBlock[] {
  const hit = lastStanzas.get(doc);
  let list: IfaceBlock[];
  if (hit && hit.name === name) list = hit.list;
  else {
    list = [];
    if (name !== '') for (const b of doc.blocks) if (b.kind === 'iface' && b.name === name) list.push(b);
    lastStanzas.set(doc, { name, list });
  }
  if (!list.length) throw new EditError(`There is no interface "${name}" in this file.`);
  return list.slice();
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

  /** Where lines are to be inserted (before these line indexes). */
  insertPoints(): number[] {
    return [...this.inserts.keys()];
  }

  /**
   * Add the edits of `other` (a patch of the same document touching other lines); its insertions
   * go after this one's at the same place.
   */
  merge(other: Patch): this {
    for (const [i, line] of other.changes) this.changes.set(i, line);
    for (const [at, lines] of other.inserts) this.insert(at, lines);
    return this;
  }

  /**
   * The new document. Only the span around the edits is rebuilt (untouched lines are copied, the
   * blank runs next to removed lines collapsed), and only a window around it is parsed again
   * (reanalyze): the cost is one copy of the line array plus the size of the edit.
   */
  apply(): NetDocument {
    if (this.empty) return this.doc;
    const src = this.doc.lines;
    const n = src.length;
    // The touched span [first, last): changed lines, and insertion points (before line p).
    let first = n;
    let last = 0;
    for (const i of this.changes.keys()) {
      if (!(i >= 0 && i < n)) continue;
      if (i < first) first = i;
      if (i + 1 > last) last = i + 1;
    }
    for (const p of this.inserts.keys()) {
      if (!(p >= 0 && p <= n)) continue;
      if (p < first) first = p;
      if (p > last) last = p;
    }
    if (first > last) last = first;
    // Widen it over the blank lines on both sides: every blank run that can hold a removed line
    // is then inside, and runs outside it are copied as they are.
    let lo = first;
    while (lo > 0 && src[lo - 1].kind === 'blank') lo--;
    let hi = last;
    while (hi < n && src[hi].kind === 'blank') hi++;
    const items: Item[] = [];
    for (let i = lo; i <= hi; i++) {
      const ins = this.inserts.get(i);
      if (ins) items.push(...ins);
      if (i === hi) break;
      const c = this.changes.get(i);
      if (c === null) {
        if (items[items.length - 1] !== SEAM) items.push(SEAM);
      } else items.push(c ?? src[i]);
    }
    const mid = collapseBlanks(items, lo === 0, hi === n);
    const out = src.slice(0, lo).concat(mid, src.slice(hi));
    // Every line but the last goes through notLast. When it leaves every line but the last of
    // the document as it is (always, after a parse or an edit), only the span and its edges can
    // need it.
    const { clean } = statsOf(this.doc);
    const from = clean ? Math.max(lo - 1, 0) : 0;
    const to = Math.min(clean ? lo + mid.length + 1 : out.length, out.length - 1);
    for (let j = from; j < to; j++) if (!endsCleanly(out[j].raw)) out[j] = notLast(out[j], this.doc.eol);
    return reanalyze(this.doc, out);
  }
}

/** A raw line that ends with a line ending and no backslash before it (notLast keeps it as is). */
function endsCleanly(raw: string): boolean {
  let e = raw.length - 1;
  if (raw.charCodeAt(e) !== 10) return false;
  if (raw.charCodeAt(e - 1) === 13) e--;
  return raw.charCodeAt(e - 1) !== 92;
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

/**
 * Drop the SEAM markers; around each, keep no more blank lines than the longest original run.
 * `fileStart`/`fileEnd`: `items` begin/end the file (else a non-blank line is on that side).
 */
function collapseBlanks(items: readonly Item[], fileStart: boolean, fileEnd: boolean): Line[] {
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
    out.push(...blanks.slice(0, pieces.length === 1 ? blanks.length : allowedBlanks(pieces, fileStart && out.length === 0, fileEnd && j === items.length)));
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

// ---------------------------------------------------------------------------------------------
// Re-analysis of a window

/**
 * `analyze(lines)` for `lines` = `old.lines` with a stretch replaced, parsing only a window around
 * that stretch. The window is cut where the parser carries nothing across (see safeCut); blocks and
 * diagnostics before it are reused, those after it shifted; the dominant line ending and
 * indentation are updated from counts kept per document. Falls back to `analyze(lines)` when no
 * cut is near. The result equals `analyze(lines)` (edit-lines.test.ts checks it on random edits).
 */
function reanalyze(old: NetDocument, lines: Line[]): NetDocument {
  const src = old.lines;
  const n = src.length;
  const m = lines.length;
  if (old.lineNumbers.length !== n) return analyze(lines);
  // Common head and tail (same Line objects).
  const most = Math.min(n, m);
  let head = 0;
  while (head < most && src[head] === lines[head]) head++;
  let tail = 0;
  while (tail < most - head && src[n - 1 - tail] === lines[m - 1 - tail]) tail++;
  const delta = m - n;
  const a = cutAbove(src, lines, head);
  const b = cutBelow(src, lines, n - tail);
  if (a < 0 || b < 0) return analyze(lines);
  const bNew = b + delta;
  const win = analyze(lines.slice(a, bNew));
  if (Object.keys(win).join() !== DOC_KEYS) return analyze(lines);

  // Physical line numbers: the window starts at old's line `a`; what follows it moves by physDelta.
  const physAt = (doc: NetDocument, i: number) =>
    i < doc.lines.length ? doc.lineNumbers[i] : doc.lines.length ? doc.lineNumbers[doc.lines.length - 1] + doc.lines[doc.lines.length - 1].physCount : 1;
  const base = physAt(old, a) - 1;
  let winPhys = 0;
  for (const l of win.lines) winPhys += l.physCount;
  const oldAtB = physAt(old, b);
  const physDelta = base + winPhys + 1 - oldAtB;
  const lineNumbers = new Array<number>(m);
  for (let i = 0; i < a; i++) lineNumbers[i] = old.lineNumbers[i];
  for (let i = a; i < bNew; i++) lineNumbers[i] = win.lineNumbers[i - a] + base;
  for (let i = bNew; i < m; i++) lineNumbers[i] = old.lineNumbers[i - delta] + physDelta;

  // Blocks (in file order): before the window, in it, after it.
  const first = firstBlockAt(old.blocks, a);
  const after = firstBlockAt(old.blocks, b);
  const oldWindow = old.blocks.slice(first, after);
  const blocks = old.blocks.slice(0, first);
  const known = knownShapes(win.blocks) && knownShapes(old.blocks);
  const shift = known ? shiftBlock : shiftAnyBlock;
  for (const blk of win.blocks) blocks.push(shift(blk, a));
  for (let k = after; k < old.blocks.length; k++) blocks.push(shift(old.blocks[k], delta));
  if (known) SHAPED.add(blocks);

  // Diagnostics are in line order.
  const diagnostics: Diagnostic[] = [];
  const physA = base + 1;
  for (const d of old.diagnostics) if (d.line < physA) diagnostics.push(d);
  for (const d of win.diagnostics) diagnostics.push(base === 0 ? d : { ...d, line: d.line + base });
  for (const d of old.diagnostics) if (d.line >= oldAtB) diagnostics.push(physDelta === 0 ? d : { ...d, line: d.line + physDelta });

  // Dominant line ending and indentation, from counts updated by the window.
  const before = statsOf(old);
  const stats: Stats = { crlf: before.crlf, lf: before.lf, indents: new Map(before.indents), clean: true };
  for (let i = a; i < b; i++) countEol(stats, src[i], -1);
  for (const l of win.lines) countEol(stats, l, 1);
  for (const blk of oldWindow) if (blk.kind === 'iface' || blk.kind === 'mapping') countIndents(stats, src, blk.options, -1);
  for (const blk of win.blocks) if (blk.kind === 'iface' || blk.kind === 'mapping') countIndents(stats, win.lines, blk.options, 1);
  const eol = stats.crlf > stats.lf ? '\r\n' : '\n';
  const indent = uniqueDominantIndent(stats.indents);
  if (indent !== undefined) {
    const doc: NetDocument = { lines, blocks, lineNumbers, eol, indent, diagnostics };
    STATS.set(doc, stats);
    return doc;
  }
  // A tie: the first indentation in file order wins; count this document again, in order.
  const full = computeStats({ lines, blocks });
  const doc: NetDocument = { lines, blocks, lineNumbers, eol, indent: dominantIndent(full.indents), diagnostics };
  STATS.set(doc, full);
  return doc;
}

/** How far (in lines) from the edit reanalyze looks for a place to cut. */
const CUT_SEARCH = 400;
const DOC_KEYS = 'lines,blocks,lineNumbers,eol,indent,diagnostics';

/** Kinds that end a stanza: an option after them is not in the stanza before (parser.ts). */
const STANZA_ENDERS = new Set<LineKind>(['iface', 'mapping', 'auto', 'allow', 'source', 'source-directory', 'no-auto-down', 'no-scripts']);

/**
 * Can the parse be cut before line `c`, i.e. does nothing the parser decides cross it? True at the
 * start and the end of the file, and before a blank line whose next line that is neither blank nor
 * a comment ends stanzas (or is the end of the file): comment ownership (leading comments walk up
 * to a blank line, trailing ones down to one) stops at the blank line, and no option after it
 * belongs to a stanza before it.
 */
function safeCut(lines: readonly Line[], c: number): boolean {
  if (c <= 0 || c >= lines.length) return c === 0 || c === lines.length;
  if (lines[c].kind !== 'blank') return false;
  for (let i = c + 1; i < lines.length; i++) {
    const k = lines[i].kind;
    if (k !== 'blank' && k !== 'comment') return STANZA_ENDERS.has(k);
  }
  return true;
}

const isEnder = (k: LineKind | undefined) => k === undefined || STANZA_ENDERS.has(k);

/** The kind of the first line from `i` on that is neither blank nor a comment; undefined at the end. */
function nextSignificant(lines: readonly Line[], i: number): LineKind | undefined {
  for (; i < lines.length; i++) {
    const k = lines[i].kind;
    if (k !== 'blank' && k !== 'comment') return k;
  }
  return undefined;
}

/**
 * The nearest c ≤ head (at most CUT_SEARCH lines up) where both `src` and `lines` (the same lines
 * before `head`) can be cut; -1 if none. What follows each candidate is scanned once, not per
 * candidate.
 */
function cutAbove(src: readonly Line[], lines: readonly Line[], head: number): number {
  if (safeCut(src, head) && safeCut(lines, head)) return head;
  let below: LineKind | null = null; // first significant kind in (c, head); null: none
  let after: [LineKind | undefined, LineKind | undefined] | undefined; // from `head` on, in each
  for (let c = head - 1; c >= 0 && head - c <= CUT_SEARCH; c--) {
    if (c === 0) return 0;
    const k = src[c].kind;
    if (k === 'blank') {
      if (below !== null) {
        if (isEnder(below)) return c;
      } else {
        after ??= [nextSignificant(src, head), nextSignificant(lines, head)];
        if (isEnder(after[0]) && isEnder(after[1])) return c;
      }
    } else if (k !== 'comment') below = k;
  }
  return -1;
}

/**
 * The nearest c ≥ from (at most CUT_SEARCH lines down) where `src` can be cut before c and
 * `lines` before c + delta (the same lines from there on); -1 if none.
 */
function cutBelow(src: readonly Line[], lines: readonly Line[], from: number): number {
  const n = src.length;
  const delta = lines.length - n;
  let sig = -1; // the first significant line after c in src (n: none)
  for (let c = from; c <= n && c - from <= CUT_SEARCH; c++) {
    if (c === 0 || c === n || c + delta === 0) {
      if (safeCut(src, c) && safeCut(lines, c + delta)) return c;
      continue;
    }
    if (src[c].kind !== 'blank') continue;
    if (sig <= c) {
      sig = c + 1;
      while (sig < n && (src[sig].kind === 'blank' || src[sig].kind === 'comment')) sig++;
    }
    if (sig === n || STANZA_ENDERS.has(src[sig].kind)) return c;
  }
  return -1;
}

function firstLineOf(b: Block): number {
  return 'line' in b ? b.line : b.header;
}

const shiftAll = (xs: readonly number[], d: number) => (xs.length ? xs.map((i) => i + d) : xs);

/** Keys of the blocks analyze builds, in its order (shiftBlock rebuilds them the same way). */
const BLOCK_KEYS: Record<Block['kind'], string> = {
  iface: 'kind,name,family,method,header,start,end,options,leading,comments',
  mapping: 'kind,patterns,header,start,end,options,leading,comments',
  auto: 'kind,cls,names,line',
  allow: 'kind,cls,names,line',
  'no-auto-down': 'kind,cls,names,line',
  'no-scripts': 'kind,cls,names,line',
  source: 'kind,path,line',
  'source-directory': 'kind,path,line',
};

/** Block `b` with its line indexes moved by `d`. */
function shiftBlock(b: Block, d: number): Block {
  if (d === 0) return b;
  switch (b.kind) {
    case 'iface': {
      const { kind, name, family, method, header, start, end, options, leading, comments } = b;
      return { kind, name, family, method, header: header + d, start: start + d, end: end + d, options: shiftAll(options, d), leading: shiftAll(leading, d), comments: shiftAll(comments, d) };
    }
    case 'mapping': {
      const { kind, patterns, header, start, end, options, leading, comments } = b;
      return { kind, patterns, header: header + d, start: start + d, end: end + d, options: shiftAll(options, d), leading: shiftAll(leading, d), comments: shiftAll(comments, d) };
    }
    case 'source':
    case 'source-directory':
      return { kind: b.kind, path: b.path, line: b.line + d };
    default:
      return { kind: b.kind, cls: b.cls, names: b.names, line: b.line + d };
  }
}

/** shiftBlock for blocks of another shape (should analyze change them): keep every key. */
function shiftAnyBlock(b: Block, d: number): Block {
  if (d === 0) return b;
  if ('line' in b) return { ...b, line: b.line + d };
  return { ...b, header: b.header + d, start: b.start + d, end: b.end + d, options: shiftAll(b.options, d), leading: shiftAll(b.leading, d), comments: shiftAll(b.comments, d) };
}

/** Block arrays known to hold only blocks of the shapes shiftBlock writes. */
const SHAPED = new WeakSet<readonly Block[]>();

/** Do these blocks have the keys shiftBlock writes? (One block of each kind is looked at.) */
function knownShapes(blocks: readonly Block[]): boolean {
  if (SHAPED.has(blocks)) return true;
  const seen = new Set<string>();
  for (const b of blocks) {
    if (seen.has(b.kind)) continue;
    seen.add(b.kind);
    if (Object.keys(b).join() !== BLOCK_KEYS[b.kind]) return false;
  }
  SHAPED.add(blocks);
  return true;
}

/** Index of the first block whose first line is at or after line `i` (blocks are in file order). */
function firstBlockAt(blocks: readonly Block[], i: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (firstLineOf(blocks[mid]) < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts behind a document's `eol` and `indent` (as parser.ts computes them), and more. */
interface Stats {
  crlf: number;
  lf: number;
  /** Option lines of stanzas per indentation (in file order of first use only when counted whole). */
  indents: Map<string, number>;
  /** notLast keeps every line but the last as it is (true after a parse or a Patch). */
  clean: boolean;
}

const STATS = new WeakMap<NetDocument, Stats>();

function statsOf(doc: NetDocument): Stats {
  let s = STATS.get(doc);
  if (!s) STATS.set(doc, (s = computeStats(doc)));
  return s;
}

function computeStats(doc: Pick<NetDocument, 'lines' | 'blocks'>): Stats {
  const { lines } = doc;
  let crlf = 0;
  let lf = 0;
  let clean = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const r = l.raw;
    const e = r.length - 1;
    if (r.charCodeAt(e) === 10) {
      const cr = r.charCodeAt(e - 1) === 13;
      if (cr) crlf++;
      else lf++;
      if (clean && r.charCodeAt(cr ? e - 2 : e - 1) === 92 && l.kind !== 'comment') clean = i === lines.length - 1;
    } else if (i < lines.length - 1) clean = false;
  }
  // Runs of option lines share their indentation: count runs, in file order.
  const indents = new Map<string, number>();
  let run: string | undefined;
  let count = 0;
  for (const b of doc.blocks) {
    if (b.kind !== 'iface' && b.kind !== 'mapping') continue;
    for (const i of b.options) {
      const ind = lines[i].indent;
      if (ind === run) count++;
      else {
        if (run !== undefined) indents.set(run, (indents.get(run) ?? 0) + count);
        run = ind;
        count = 1;
      }
    }
  }
  if (run !== undefined) indents.set(run, (indents.get(run) ?? 0) + count);
  return { crlf, lf, indents, clean };
}

function countEol(s: Stats, l: Line, by: number): void {
  const r = l.raw;
  const e = r.length - 1;
  if (r.charCodeAt(e) !== 10) return;
  if (r.charCodeAt(e - 1) === 13) s.crlf += by;
  else s.lf += by;
}

function countIndents(s: Stats, lines: readonly Line[], options: readonly number[], by: number): void {
  for (const i of options) {
    const ind = lines[i].indent;
    const c = (s.indents.get(ind) ?? 0) + by;
    if (c === 0) s.indents.delete(ind);
    else s.indents.set(ind, c);
  }
}

/** parser.ts's rule: the most frequent indentation, the first one in file order on a tie, else a tab. */
function dominantIndent(counts: Map<string, number>): string {
  let best = '\t';
  let n = 0;
  for (const [indent, c] of counts) if (c > n) [best, n] = [indent, c];
  return best;
}

/** The dominant indentation when no tie makes the order matter; undefined on a tie. */
function uniqueDominantIndent(counts: Map<string, number>): string | undefined {
  let best = '\t';
  let n = 0;
  let tie = false;
  for (const [indent, c] of counts) {
    if (c > n) [best, n, tie] = [indent, c, false];
    else if (c === n) tie = true;
  }
  return tie ? undefined : best;
}
