/**
 * Lexer: text → logical lines that keep every byte.
 *
 * A physical line ends at `\n` (a preceding `\r` stays with the ending). A physical line whose
 * content ends with a backslash continues onto the next one, as in ifupdown: the logical line joins
 * them, `raw` keeps them all.
 *
 * The lines come in two forms:
 * - a LineTable (`lexTable`): where each line lies in the text, its kind and its line ending, in
 *   flat arrays. `parse` builds one, and the parser and the validation read lines from it
 *   (lines.ts), word by word in place: a large host file has tens of thousands of lines, and an
 *   object per line (and its strings, made up front) was most of what a parse cost, and more again
 *   in garbage collection, which copies every young object still alive. Typed arrays hold no
 *   object for it to copy.
 * - Line objects (line.ts: `lex`, `makeLine`, and a parsed document's `lines`, made from its table
 *   when first read).
 */
import {
  BACKSLASH,
  BLANK,
  COMMENT,
  continuedLine,
  CR,
  CRLF_EOL,
  HASH,
  indentOf,
  KIND_NUMBER,
  KINDS,
  kindAt,
  LexedLine,
  LF_EOL,
  OPTION,
  skipBlanks,
  SPACE,
  TAB,
} from './line';
import type { Line } from './types';

export * from './line';

/**
 * The lines of a document, one entry per logical line in each array. Line i's bytes are
 * `text[start[i], end[i])`, its text (content, leading and trailing blanks off) `text[from[i],
 * to[i])` and its indentation `text[start[i], from[i])` — unless `line[i]` is set: then read it
 * through that Line (a line continued with `\`, whose text is its physical lines joined, or a line
 * that was not lexed from `text`, in a document an edit made: its start and end are then -1).
 * Arrays may be longer than `length`.
 */
export interface LineTable {
  readonly text: string;
  length: number;
  start: Int32Array;
  end: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /** Number of the line's kind in KINDS. */
  kind: Uint8Array;
  /** physCount. */
  phys: Int32Array;
  /** Empty until a line needs it (most documents have no continued line). */
  line: (Line | undefined)[];
  /** How many lines end with `\r\n`, and with a bare `\n`. */
  crlf: number;
  lf: number;
  /** The Line objects of all lines, once made (see linesOf). */
  lines: readonly Line[] | undefined;
  /** The last indentation of two or more characters handed out (see lines.ts): shared, not sliced again. */
  indent: string;
}

function newTable(text: string, capacity: number): LineTable {
  return {
    text,
    length: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    phys: new Int32Array(capacity),
    line: [],
    crlf: 0,
    lf: 0,
    lines: undefined,
    indent: '',
  };
}

function grow(t: LineTable): void {
  const bigger = <A extends Int32Array | Uint8Array>(a: A): A => {
    const b = new (a.constructor as new (n: number) => A)(2 * a.length);
    b.set(a);
    return b;
  };
  t.start = bigger(t.start);
  t.end = bigger(t.end);
  t.from = bigger(t.from);
  t.to = bigger(t.to);
  t.kind = bigger(t.kind);
  t.phys = bigger(t.phys);
  if (t.line.length) t.line.length = t.kind.length;
}

/** Line i of `t` is read through `line`. */
function setLine(t: LineTable, i: number, line: Line): void {
  if (t.line.length === 0) t.line = new Array<Line | undefined>(t.kind.length); // one array, its size
  t.line[i] = line;
}

/** Text → LineTable. The hot path of every parse. */
export function lexTable(text: string): LineTable {
  // Sized from a guess of the line count (8 characters a line; grown if too small).
  const t = newTable(text, 16 + (text.length >> 3));
  const len = text.length;
  let n = 0;
  let pos = 0;
  while (pos < len) {
    if (n === t.kind.length) grow(t);
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? len : nl + 1;
    const contentEnd = nl === -1 ? len : nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    t.start[n] = pos;
    if (contentEnd > pos && text.charCodeAt(contentEnd - 1) === BACKSLASH && end < len && !isCommentStart(text, pos, contentEnd)) {
      const last = continuationEnd(text, end);
      const line = continuedLine(text.slice(pos, last));
      t.end[n] = last;
      t.kind[n] = KIND_NUMBER[line.kind];
      t.phys[n] = line.physCount;
      setLine(t, n, line);
      countEol(t, LexedLine.eolOf(line));
      pos = last;
      n++;
      continue;
    }
    // The rest written out rather than in functions: this loop runs once per line, much of it
    // before V8 has compiled it, and an uncompiled call is dear.
    let from = pos;
    for (let c = text.charCodeAt(from); from < contentEnd && (c === SPACE || c === TAB); c = text.charCodeAt(++from));
    let to = contentEnd;
    for (let c = text.charCodeAt(to - 1); to > from && (c === SPACE || c === TAB || c === CR); c = text.charCodeAt(--to - 1));
    t.end[n] = end;
    t.from[n] = from;
    t.to[n] = to;
    t.kind[n] = to === from ? BLANK : text.charCodeAt(from) === HASH ? COMMENT : kindAt(text, from, to);
    t.phys[n] = 1;
    if (nl !== -1) {
      if (contentEnd < nl) t.crlf++;
      else t.lf++;
    }
    pos = end;
    n++;
  }
  t.length = n;
  return t;
}

function countEol(t: LineTable, eol: number): void {
  if (eol === CRLF_EOL) t.crlf++;
  else if (eol === LF_EOL) t.lf++;
}

/** The table of Line objects (any: lexed, made by makeLine, or by hand). */
export function tableOf(lines: readonly Line[]): LineTable {
  const t = newTable(LexedLine.textOf(lines), lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    t.kind[i] = KIND_NUMBER[l.kind] ?? OPTION;
    t.phys[i] = l.physCount;
    countEol(t, LexedLine.eolOf(l));
    if (!LexedLine.place(t, i, l)) {
      setLine(t, i, l);
      t.start[i] = t.end[i] = -1; // not in the text
    }
  }
  t.length = lines.length;
  t.lines = lines;
  return t;
}

/** The Line objects of a table's lines (made once). */
export function linesOf(t: LineTable): readonly Line[] {
  if (t.lines !== undefined) return t.lines;
  const lines = new Array<Line>(t.length);
  for (let i = 0; i < t.length; i++) {
    lines[i] = t.line[i] ?? new LexedLine(t.text, t.start[i], t.end[i], t.to[i], sharedIndent(t, i), KINDS[t.kind[i]], 1);
  }
  return (t.lines = lines);
}

/**
 * The indentation of line i of `t` (not read through `t.line[i]`): common ones shared rather than
 * sliced, and so is one of two or more characters equal to the last handed out (consecutive
 * option lines nearly always have the same).
 */
export function sharedIndent(t: LineTable, i: number): string {
  const start = t.start[i];
  const width = t.from[i] - start;
  if (width < 2) return indentOf(t.text, start, t.from[i]);
  if (width !== t.indent.length || !t.text.startsWith(t.indent, start)) t.indent = t.text.slice(start, t.from[i]);
  return t.indent;
}

/** Text → logical lines. `lex(t).map(l => l.raw).join('') === t` for every string t. */
export function lex(text: string): Line[] {
  return linesOf(lexTable(text)) as Line[];
}

/** A comment line does not continue (ifupdown strips comments before joining). */
function isCommentStart(s: string, from: number, to: number): boolean {
  from = skipBlanks(s, from, to);
  return from < to && s.charCodeAt(from) === HASH;
}

function endsWithBackslash(s: string, lineStart: number, contentEnd: number): boolean {
  return contentEnd > lineStart && s.charCodeAt(contentEnd - 1) === BACKSLASH;
}

/** End of a physical line's content: before its `\n` or `\r\n` (`nl` -1: the text's end). */
function contentEndOf(s: string, lineStart: number, nl: number): number {
  if (nl === -1) return s.length;
  return nl > lineStart && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
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

