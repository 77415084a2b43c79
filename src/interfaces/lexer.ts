/**
 * Lexer: text → logical lines that keep every byte.
 *
 * A physical line ends at `\n` (a preceding `\r` stays with the ending). A physical line whose
 * content ends with a backslash continues onto the next one, as in ifupdown: the logical line joins
 * them, `raw` keeps them all.
 *
 * `lex` is the hot path of every parse (a large host file has tens of thousands of lines): it finds
 * line ends and blanks with indexOf, trims by character code and slices each string once, instead
 * of splitting and trimming with regexes. `makeLine` (used by the edits on single lines) shares the
 * same helpers.
 */
import type { Line, LineKind } from './types';

const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const BACKSLASH = 92;

/** The words of every blank and comment line: one shared, frozen empty array. */
const NO_WORDS: readonly string[] = Object.freeze([]);

/** Split text into physical lines, each with its own line ending (the last may have none). */
export function splitPhysical(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) {
      out.push(text.slice(pos));
      break;
    }
    out.push(text.slice(pos, nl + 1));
    pos = nl + 1;
  }
  return out;
}

function stripEol(phys: string): string {
  if (phys.endsWith('\r\n')) return phys.slice(0, -2);
  if (phys.endsWith('\n')) return phys.slice(0, -1);
  return phys;
}

const isBlank = (c: number) => c === SPACE || c === TAB;

/**
 * Kind of a first word that is not a comment (context-free; the parser refines `option`). Tested
 * by first letter before any string comparison: this runs once per line.
 */
function kindOfWord(w: string): LineKind {
  switch (w.charCodeAt(0)) {
    case 105: // i
      return w === 'iface' ? 'iface' : 'option';
    case 109: // m
      return w === 'mapping' ? 'mapping' : 'option';
    case 97: // a
      return w === 'auto' ? 'auto' : w.startsWith('allow-') ? 'allow' : 'option';
    case 115: // s
      return w === 'source' ? 'source' : w === 'source-directory' ? 'source-directory' : 'option';
    case 110: // n
      return w === 'no-auto-down' ? 'no-auto-down' : w === 'no-scripts' ? 'no-scripts' : 'option';
    default:
      return 'option';
  }
}

/** Classify a logical line by its first word (context-free; the parser refines `option`). */
export function classify(text: string): LineKind {
  if (text === '') return 'blank';
  if (text.charCodeAt(0) === HASH) return 'comment';
  let end = 0;
  while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
  return kindOfWord(text.slice(0, end));
}

/**
 * Finds the blanks of one string with indexOf, which is much faster than testing character codes
 * one by one. Queries must come in increasing position (lines in order, words left to right): the
 * next space and tab are cached, so each search resumes where the last one stopped, and a file
 * without tabs is not searched to its end once per line.
 *
 * A plain object rather than a class instance: such an instance's hidden class is only held
 * weakly once no instance is alive, so a full GC between two parses would drop it and with it the
 * optimised code of the lexer (a deoptimisation on every parse).
 */
interface Blanks {
  readonly s: string;
  /** First space (tab) at or after the last query's start; the text's length when there is none. */
  space: number;
  tab: number;
}

const blanksIn = (s: string): Blanks => ({ s, space: -1, tab: -1 });

/** Position of the first space or tab in `[from, to)`, or `to`. */
function nextBlank(b: Blanks, from: number, to: number): number {
  if (b.space < from) b.space = indexOrEnd(b.s, ' ', from);
  if (b.tab < from) b.tab = indexOrEnd(b.s, '\t', from);
  const at = b.space < b.tab ? b.space : b.tab;
  return at < to ? at : to;
}

function indexOrEnd(s: string, c: string, from: number): number {
  const i = s.indexOf(c, from);
  return i === -1 ? s.length : i;
}

/**
 * The words of `text`, which is `s[from, to)` (no blanks at either end), split on runs of spaces
 * and tabs. Lines of up to four words (nearly all) get an array literal of their exact size:
 * growing one with push would reserve 17 slots, and a large file has tens of thousands of lines.
 */
function splitWords(s: string, blanks: Blanks, text: string, from: number, to: number): string[] {
  let end = nextBlank(blanks, from, to);
  if (end === to) return [text];
  const w0 = s.slice(from, end);
  // After a blank there is always another word: `text` does not end with one.
  let i = skipBlanks(s, end, to);
  end = nextBlank(blanks, i, to);
  const w1 = s.slice(i, end);
  if (end === to) return [w0, w1];
  i = skipBlanks(s, end, to);
  end = nextBlank(blanks, i, to);
  const w2 = s.slice(i, end);
  if (end === to) return [w0, w1, w2];
  i = skipBlanks(s, end, to);
  end = nextBlank(blanks, i, to);
  const w3 = s.slice(i, end);
  if (end === to) return [w0, w1, w2, w3];
  const words = [w0, w1, w2, w3];
  while (end < to) {
    i = skipBlanks(s, end, to);
    end = nextBlank(blanks, i, to);
    words.push(s.slice(i, end));
  }
  return words;
}

function skipBlanks(s: string, i: number, to: number): number {
  while (i < to && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** Common indents, shared instead of sliced for every line. */
function indentOf(s: string, from: number, to: number): string {
  if (to === from) return '';
  if (to === from + 1) return s.charCodeAt(from) === TAB ? '\t' : ' ';
  return s.slice(from, to);
}

/**
 * The Line of one physical line (or of joined continuations) that starts at `start` in `s`, whose
 * content (line ending removed) ends at `contentEnd`; `raw` is its exact bytes.
 */
function simpleLine(s: string, blanks: Blanks, start: number, contentEnd: number, raw: string): Line {
  let from = start;
  while (from < contentEnd && isBlank(s.charCodeAt(from))) from++;
  let to = contentEnd;
  while (to > from) {
    const c = s.charCodeAt(to - 1);
    if (c !== SPACE && c !== TAB && c !== CR) break;
    to--;
  }
  const indent = indentOf(s, start, from);
  if (to === from) return { raw, physCount: 1, indent, text: '', words: NO_WORDS, kind: 'blank' };
  const text = s.slice(from, to);
  // Comments are not split: their words are of no use and may be long.
  if (s.charCodeAt(from) === HASH) return { raw, physCount: 1, indent, text, words: NO_WORDS, kind: 'comment' };
  const words = splitWords(s, blanks, text, from, to);
  return { raw, physCount: 1, indent, text, words, kind: kindOfWord(words[0]) };
}

/** Build a Line from its raw bytes (one or more physical lines). */
export function makeLine(raw: string): Line {
  if (raw === '') return { raw, physCount: 0, indent: '', text: '', words: NO_WORDS, kind: 'blank' };
  const nl = raw.indexOf('\n');
  if (nl === -1 || nl === raw.length - 1) return simpleLine(raw, blanksIn(raw), 0, contentEndOf(raw, 0, nl), raw);
  return continuedLine(raw);
}

/** A Line spanning several physical lines (backslash continuations; rare, so kept simple). */
function continuedLine(raw: string): Line {
  const phys = splitPhysical(raw);
  const first = stripEol(phys[0] ?? '');
  let indentEnd = 0;
  while (indentEnd < first.length && isBlank(first.charCodeAt(indentEnd))) indentEnd++;
  // Continuations: drop the trailing backslash and join with the next physical line.
  let joined = '';
  for (let i = 0; i < phys.length; i++) {
    let content = stripEol(phys[i]);
    if (i < phys.length - 1 && content.endsWith('\\')) content = content.slice(0, -1);
    joined += content;
  }
  const line = simpleLine(joined, blanksIn(joined), 0, joined.length, raw);
  return { raw, physCount: phys.length, indent: first.slice(0, indentEnd), text: line.text, words: line.words, kind: line.kind };
}

/** Text → logical lines. `lex(t).map(l => l.raw).join('') === t` for every string t. */
export function lex(text: string): Line[] {
  // Sized from a guess of the line count and trimmed at the end: growing a large array by push
  // copies it again and again.
  const lines = new Array<Line>(Math.min(text.length, 16 + (text.length >> 4)));
  let n = 0;
  const blanks = blanksIn(text);
  const len = text.length;
  let pos = 0;
  while (pos < len) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? len : nl + 1;
    const contentEnd = contentEndOf(text, pos, nl);
    if (endsWithBackslash(text, pos, contentEnd) && end < len && !isCommentStart(text, pos, contentEnd)) {
      const last = continuationEnd(text, end);
      lines[n++] = continuedLine(text.slice(pos, last));
      pos = last;
    } else {
      lines[n++] = simpleLine(text, blanks, pos, contentEnd, text.slice(pos, end));
      pos = end;
    }
  }
  lines.length = n;
  return lines;
}

/** End of a physical line's content: before its `\n` or `\r\n` (`nl` -1: the text's end). */
function contentEndOf(s: string, lineStart: number, nl: number): number {
  if (nl === -1) return s.length;
  return nl > lineStart && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
}

function endsWithBackslash(s: string, lineStart: number, contentEnd: number): boolean {
  return contentEnd > lineStart && s.charCodeAt(contentEnd - 1) === BACKSLASH;
}

/** A comment line does not continue (ifupdown strips comments before joining). */
function isCommentStart(s: string, from: number, to: number): boolean {
  while (from < to && isBlank(s.charCodeAt(from))) from++;
  return from < to && s.charCodeAt(from) === HASH;
}

/**
 * End of a continued logical line whose next physical line starts at `pos`: past the first
 * physical line that does not end with a backslash, or that is the last of the text.
 */
function continuationEnd(s: string, pos: number): number {
  for (;;) {
    const nl = s.indexOf('\n', pos);
    const end = nl === -1 ? s.length : nl + 1;
    if (end >= s.length || !endsWithBackslash(s, pos, contentEndOf(s, pos, nl))) return end;
    pos = end;
  }
}
