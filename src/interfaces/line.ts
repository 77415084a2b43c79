/**
 * Line objects, and what the lexer (lexer.ts) shares with them: line kinds, how a line's text is
 * found in its bytes (indentation, trailing blanks, the first word), and continued lines.
 *
 * A LexedLine is where a line lies in a text: its `raw`, `text` and `words` are sliced when read.
 * `makeLine` (the edits) makes one from its raw bytes; a parsed document makes them from its line
 * table when `doc.lines` is first read.
 */
import type { LineTable } from './lexer';
import type { Line, LineKind } from './types';

const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const TAB = 9;
export const HASH = 35;
export const BACKSLASH = 92;

/** The words of every blank and comment line: one shared, frozen empty array. */
const NO_WORDS: readonly string[] = Object.freeze([]);

/** Runs of spaces and tabs: what separates words. */
export const BLANKS = /[ \t]+/;

/** Line kinds by number, as a LineTable holds them. */
export const KINDS: readonly LineKind[] = [
  'blank', 'comment', 'iface', 'mapping', 'auto', 'allow', 'source', 'source-directory', 'no-auto-down', 'no-scripts', 'option', 'unknown',
];
export const BLANK = 0;
export const COMMENT = 1;
export const IFACE = 2;
export const MAPPING = 3;
export const AUTO = 4;
export const ALLOW = 5;
export const SOURCE = 6;
export const SOURCE_DIRECTORY = 7;
export const NO_AUTO_DOWN = 8;
export const NO_SCRIPTS = 9;
export const OPTION = 10;
export const KIND_NUMBER: Readonly<Record<string, number>> = Object.fromEntries(KINDS.map((k, n) => [k, n]));

/** Line endings, as LexedLine.eolOf gives them. */
export const NO_EOL = 0;
export const LF_EOL = 1;
export const CRLF_EOL = 2;

/**
 * A Line made by the lexer. Its bytes are `src[start, end)`, its text
 * `src[start + indent.length, to)`; a line continued with `\` has its own raw as `src`, and its
 * text and words are worked out at once (they are not a slice of it). Own enumerable properties
 * are those of a plain Line that cost nothing to keep (`physCount`, `indent`, `kind`); the rest is
 * in private fields, so two lines with the same bytes are equal to `toEqual` whichever text they
 * were cut from and whatever was read of them. `toJSON` gives the plain Line.
 */
export class LexedLine implements Line {
  // Declared and set in the constructor, without field initializers (see rules/context.ts).
  declare readonly physCount: number;
  declare readonly indent: string;
  declare readonly kind: LineKind;
  readonly #src: string;
  readonly #start: number;
  readonly #end: number;
  readonly #to: number;
  /** Cached text and words (always set on a continued line). */
  #text: string | undefined;
  #words: readonly string[] | undefined;

  constructor(src: string, start: number, end: number, to: number, indent: string, kind: LineKind, physCount: number) {
    this.physCount = physCount;
    this.indent = indent;
    this.kind = kind;
    this.#src = src;
    this.#start = start;
    this.#end = end;
    this.#to = to;
    this.#text = undefined;
    this.#words = undefined;
  }

  /** A line continued with `\`: text and words come from its physical lines joined (see continuedLine). */
  static continued(raw: string, indent: string, text: string, words: readonly string[], kind: LineKind, physCount: number): LexedLine {
    const line = new LexedLine(raw, 0, raw.length, 0, indent, kind, physCount);
    line.#text = text;
    line.#words = words;
    return line;
  }

  /** Not kept: a document prints from its text (see lines.ts), and few lines are read one by one. */
  get raw(): string {
    return this.#src.slice(this.#start, this.#end);
  }

  get text(): string {
    return (this.#text ??= this.#src.slice(this.#start + this.indent.length, this.#to));
  }

  get words(): readonly string[] {
    if (this.#words === undefined) {
      const k = this.kind;
      this.#words = k === 'blank' || k === 'comment' ? NO_WORDS : this.text.split(BLANKS); // the text has no blank at either end
    }
    return this.#words;
  }

  toJSON(): Line {
    return { raw: this.raw, physCount: this.physCount, indent: this.indent, text: this.text, words: this.words, kind: this.kind };
  }

  /** What console.log and node's util.inspect show: the plain Line. */
  [Symbol.for('nodejs.util.inspect.custom')](): Line {
    return this.toJSON();
  }

  /** NO_EOL, LF_EOL or CRLF_EOL, without slicing a lexed line's raw. */
  static eolOf(l: Line): number {
    let s: string;
    let start = 0;
    let end: number;
    if (#src in l) {
      s = l.#src;
      start = l.#start;
      end = l.#end;
    } else {
      s = l.raw;
      end = s.length;
    }
    if (end === start || s.charCodeAt(end - 1) !== LF) return NO_EOL;
    return end - start > 1 && s.charCodeAt(end - 2) === CR ? CRLF_EOL : LF_EOL;
  }

  /**
   * The text most of `lines` were lexed from, taken to be the longest one (an edited document
   * mixes lines of the text parsed with a few made by the edit, each its own text).
   */
  static textOf(lines: readonly Line[]): string {
    let text = '';
    for (const l of lines) if (#src in l && l.physCount === 1 && l.#src.length > text.length) text = l.#src;
    return text;
  }

  /** `lines.map(l => l.raw).join('')`, runs of lines lexed side by side from one text taken as one slice of it. */
  static join(lines: readonly Line[]): string {
    let out = '';
    let src = '';
    let from = 0;
    let to = 0; // the current run: src[from, to)
    for (const l of lines) {
      if (#src in l && l.#start === to && l.#src === src) {
        to = l.#end;
        continue;
      }
      if (to > from) out += src.slice(from, to);
      if (#src in l) {
        src = l.#src;
        from = l.#start;
        to = l.#end;
      } else {
        out += l.raw;
        src = '';
        from = to = 0;
      }
    }
    if (to > from) out += src.slice(from, to);
    return out;
  }

  /** Record line `l` in place as line i of `t`, when it is a line of `t.text` read in place (else false). */
  static place(t: LineTable, i: number, l: Line): boolean {
    if (!(#src in l) || l.#src !== t.text || l.physCount !== 1) return false;
    t.start[i] = l.#start;
    t.end[i] = l.#end;
    t.from[i] = l.#start + l.indent.length;
    t.to[i] = l.#to;
    return true;
  }
}

/**
 * One line kept alive for good: V8 holds the hidden class of a class's instances only weakly, and
 * a full GC while no LexedLine lives would drop it and with it the optimised code of every
 * function that reads lines.
 */
export const KEEP_SHAPE: Line = new LexedLine('', 0, 0, 0, '', 'blank', 0);

/** Print lines: `lines.map(l => l.raw).join('')`, runs of lexed lines taken as one slice. */
export const joinRaw: (lines: readonly Line[]) => string = LexedLine.join;

/** Build a Line from its raw bytes (one or more physical lines). */
export function makeLine(raw: string): Line {
  if (raw === '') return new LexedLine(raw, 0, 0, 0, '', 'blank', 0);
  const nl = raw.indexOf('\n');
  if (nl !== -1 && nl !== raw.length - 1) return continuedLine(raw);
  const contentEnd = nl === -1 ? raw.length : nl > 0 && raw.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
  const from = skipBlanks(raw, 0, contentEnd);
  const to = trimEnd(raw, from, contentEnd);
  return new LexedLine(raw, 0, raw.length, to, indentOf(raw, 0, from), KINDS[kindOf(raw, from, to)], 1);
}

/** A Line spanning several physical lines (backslash continuations; rare, so kept simple). */
export function continuedLine(raw: string): LexedLine {
  const phys = splitPhysical(raw);
  const first = stripEol(phys[0] ?? '');
  // Continuations: drop the trailing backslash and join with the next physical line.
  let joined = '';
  for (let i = 0; i < phys.length; i++) {
    let content = stripEol(phys[i]);
    if (i < phys.length - 1 && content.endsWith('\\')) content = content.slice(0, -1);
    joined += content;
  }
  const from = skipBlanks(joined, 0, joined.length);
  const to = trimEnd(joined, from, joined.length);
  const kind = KINDS[kindOf(joined, from, to)];
  const text = joined.slice(from, to);
  const words = kind === 'blank' || kind === 'comment' ? NO_WORDS : text.split(BLANKS);
  const indent = first.slice(0, skipBlanks(first, 0, first.length));
  return LexedLine.continued(raw, indent, text, words, kind, phys.length);
}

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

/** Classify a logical line by its first word (context-free; the parser refines `option`). */
export function classify(text: string): LineKind {
  return KINDS[kindOf(text, 0, text.length)];
}

/** Kind number of the line whose text (trimmed) is `s[from, to)`. */
function kindOf(s: string, from: number, to: number): number {
  if (to === from) return BLANK;
  return s.charCodeAt(from) === HASH ? COMMENT : kindAt(s, from, to);
}

/**
 * Kind number of the line whose text is `s[from, to)` (not blank, not a comment), from its first
 * word, tested in place: by first letter, then with startsWith and a look at the character after.
 */
export function kindAt(s: string, from: number, to: number): number {
  switch (s.charCodeAt(from)) {
    case 105: // i
      return isWordAt(s, from, to, 'iface') ? IFACE : OPTION;
    case 109: // m
      return isWordAt(s, from, to, 'mapping') ? MAPPING : OPTION;
    case 97: // a
      return isWordAt(s, from, to, 'auto') ? AUTO : s.startsWith('allow-', from) ? ALLOW : OPTION;
    case 115: // s
      return isWordAt(s, from, to, 'source') ? SOURCE : isWordAt(s, from, to, 'source-directory') ? SOURCE_DIRECTORY : OPTION;
    case 110: // n
      return isWordAt(s, from, to, 'no-auto-down') ? NO_AUTO_DOWN : isWordAt(s, from, to, 'no-scripts') ? NO_SCRIPTS : OPTION;
    default:
      return OPTION;
  }
}

/** Is the word at `from` in text `s[from, to)` (trimmed, `from` not a blank) exactly `w`? */
function isWordAt(s: string, from: number, to: number, w: string): boolean {
  const k = from + w.length;
  return s.startsWith(w, from) && (k === to || (k < to && isBlank(s.charCodeAt(k))));
}

export function skipBlanks(s: string, i: number, to: number): number {
  while (i < to && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** End of the text `s[from, to)` with trailing spaces, tabs and `\r` removed. */
function trimEnd(s: string, from: number, to: number): number {
  while (to > from) {
    const c = s.charCodeAt(to - 1);
    if (c !== SPACE && c !== TAB && c !== CR) break;
    to--;
  }
  return to;
}

/** Indentation `s[start, from)`: the common one-character ones shared instead of sliced. */
export function indentOf(s: string, start: number, from: number): string {
  if (from === start) return '';
  if (from === start + 1) return s.charCodeAt(start) === TAB ? '\t' : ' ';
  return s.slice(start, from);
}
