/**
 * Parser: logical lines → document (stanzas, top-level lines, comment ownership).
 *
 * Nothing is dropped or rewritten: the document holds the lines as lexed, plus an index of blocks.
 * Malformed lines stay where they are and produce a diagnostic.
 *
 * Ownership rules (what goes with an interface when it is removed):
 * - unindented comment lines directly above an `iface`/`mapping` header (no blank line between)
 *   belong to it, also across `auto NAME`/`allow-*` lines that name only that interface;
 * - comment lines between the header and the stanza's last option belong to the stanza;
 * - comment lines directly after the last option (no blank line between) belong to it too,
 *   unless the previous rule gave them to the next stanza.
 * Every other comment is top-level and owned by nobody.
 */
import { ALLOW, AUTO, BLANK, COMMENT, IFACE, joinRaw, KINDS, lexTable, linesOf, MAPPING, NO_AUTO_DOWN, NO_SCRIPTS, SOURCE, SOURCE_DIRECTORY, tableOf, type LineTable } from './lexer';
import { indentAt, isListOf, printTable, readHeader, setTable, tableOfParsed, unindented, wordsAt, wordsFrom, type Header } from './lines';
import type { Block, Diagnostic, IfaceBlock, Line, ListBlock, MappingBlock, NetDocument } from './types';

/**
 * Text → document. Its lines are read from the lexer's table (see lexer.ts), and their Line
 * objects made when `doc.lines` is first read: checking or printing a file needs none of them.
 */
export function parse(text: string): NetDocument {
  return documentOf(lexTable(text));
}

/** Build the block index of a line array (an edit's result, say): through a table of its lines too. */
export function analyze(lines: readonly Line[]): NetDocument {
  return documentOf(tableOf(lines), lines);
}

/** The document of a line table; its Line objects are `lines` when given, else made on first read. */
function documentOf(t: LineTable, lines?: readonly Line[]): NetDocument {
  const a = analyzeTable(t);
  const doc: NetDocument = {
    get lines() {
      return lines ?? linesOf(t);
    },
    blocks: a.blocks as Block[],
    lineNumbers: a.lineNumbers,
    eol: t.crlf > t.lf ? '\r\n' : '\n',
    indent: dominantIndent(a.indents),
    diagnostics: a.diagnostics,
  };
  setTable(doc, t);
  return doc;
}

/**
 * The walk over the lines: linear in the number of lines, reading each once, in place. A large
 * file has tens of thousands of lines, and what is done per line is what costs.
 */
function analyzeTable(t: LineTable): Analysis {
  const a = newAnalysis(t);
  for (let i = 0; i < t.length; i++) analyzeLine(a, i);
  endStanza(a, -1);
  return a;
}

/**
 * State of the walk over the lines. Every kind of line but options (and blanks and comments)
 * ends the stanza before it. A stanza's comments are known when it ends: those before its last
 * option, then those directly after it (see the ownership rules above).
 *
 * A plain object and functions rather than a class: a class instance's hidden class is only held
 * weakly once no instance is alive, so a full GC between two parses would drop it and deoptimise
 * the code using it (see KEEP_SHAPE in line.ts).
 */
interface Analysis {
  readonly t: LineTable;
  readonly lineNumbers: number[];
  readonly diagnostics: Diagnostic[];
  /** In file order; a stanza's entry is null until the stanza ends. */
  readonly blocks: (Block | null)[];
  readonly owned: Uint8Array;
  readonly indents: IndentCount;
  phys: number;
  // The stanza being read (one at a time): where its header is (-1: none) and where its block
  // goes, its leading comments, its option lines `options[0, optionCount)` and the comments
  // before its last option (these two are copied out at their exact size when it ends).
  header: number;
  /** The words of its header. */
  readonly head: Header;
  slot: number;
  leading: number[];
  readonly options: number[];
  optionCount: number;
  readonly body: number[];
  /** Comments after its last option (or header); the first `run` of them directly follow it. */
  readonly pending: number[];
  run: number;
  /** No blank line since the last option (or header): a comment now extends the run. */
  runOpen: boolean;
}

function newAnalysis(t: LineTable): Analysis {
  return {
    t,
    lineNumbers: new Array<number>(t.length),
    diagnostics: [],
    blocks: [],
    owned: new Uint8Array(t.length),
    indents: { counts: new Map(), indent: '', length: 0 },
    phys: 1,
    header: -1,
    head: { count: 0, name: undefined, family: undefined, method: undefined },
    slot: -1,
    leading: NO_LINES,
    options: [],
    optionCount: 0,
    body: [],
    pending: [],
    run: 0,
    runOpen: false,
  };
}

/**
 * The line list of every block that has none (no options, leading or other comments): one shared
 * array, where a large file would otherwise keep thousands of empty ones. Not frozen: a frozen
 * array is another kind of array to V8, and loops over block lists would handle two kinds.
 */
const NO_LINES: number[] = [];

function analyzeLine(a: Analysis, i: number): void {
  const t = a.t;
  a.lineNumbers[i] = a.phys;
  a.phys += t.phys[i];
  const kind = t.kind[i];
  switch (kind) {
    case BLANK:
      a.runOpen = false;
      break;
    case COMMENT:
      if (a.header !== -1) {
        a.pending.push(i);
        if (a.runOpen) a.run++;
      }
      break;
    case IFACE:
    case MAPPING: {
      endStanza(a, kind);
      // The header's words are read in place (see lines.ts): a large file has thousands of them.
      const h = a.head;
      readHeader(t, i, h);
      if (h.count < 2 || (kind === IFACE && (h.count === 3 || h.count > 4))) {
        const problem = headerProblem(KINDS[kind], wordsAt(t, i));
        if (problem) diag(a, i, problem.severity, problem.rule, problem.message);
      }
      a.header = i;
      a.leading = leadingComments(a, i, h.name ?? '');
      a.slot = a.blocks.length;
      a.blocks.push(null);
      a.runOpen = true;
      break;
    }
    case AUTO:
    case ALLOW:
    case NO_AUTO_DOWN:
    case NO_SCRIPTS:
    case SOURCE:
    case SOURCE_DIRECTORY:
      otherLine(a, i, kind);
      break;
    default:
      addOption(a, i);
  }
}

/** An `auto`, `allow-*`, `no-auto-down`, `no-scripts`, `source` or `source-directory` line. */
function otherLine(a: Analysis, i: number, kind: number): void {
  const t = a.t;
  endStanza(a, kind);
  const name = KINDS[kind] as ListBlock['kind'] | 'source' | 'source-directory';
  if (kind === SOURCE || kind === SOURCE_DIRECTORY) {
    const words = wordsAt(t, i);
    if (words.length < 2) diag(a, i, 'error', 'malformed-source', `"${words[0]}" needs a path.`);
    a.blocks.push({ kind: name as 'source' | 'source-directory', path: words.slice(1).join(' '), line: i });
    return;
  }
  const names = wordsFrom(t, i, 1);
  const cls = kind === ALLOW ? wordsAt(t, i)[0].slice('allow-'.length) : name;
  if (names.length === 0) diag(a, i, 'warning', 'empty-list', `"${wordsAt(t, i)[0]}" names no interface: add names or remove the line.`);
  if (kind === ALLOW && cls === '') diag(a, i, 'error', 'malformed-allow', `"allow-" needs a class, e.g. "allow-hotplug".`);
  a.blocks.push({ kind: name as ListBlock['kind'], cls, names, line: i } satisfies ListBlock);
}

/** A diagnostic on line i, at its first word. */
function diag(a: Analysis, i: number, severity: Diagnostic['severity'], rule: string, message: string): void {
  a.diagnostics.push({ line: a.lineNumbers[i], column: indentAt(a.t, i).length + 1, severity, rule, message });
}

function addOption(a: Analysis, i: number): void {
  if (a.header === -1) {
    diag(a, i, 'error', 'option-outside-stanza', `"${wordsAt(a.t, i)[0]}" is not inside an "iface" stanza (or follows an auto/allow/source line that ended it): move it under the interface it belongs to.`);
    return;
  }
  a.options[a.optionCount++] = i;
  countIndent(a.indents, a.t, i);
  // The comments since the previous option are now inside the body.
  if (a.pending.length) {
    for (const j of a.pending) a.body.push(j);
    a.pending.length = 0;
  }
  a.run = 0;
  a.runOpen = true;
}

/**
 * Unindented comment lines directly above a header, not owned yet, also across `auto NAME` /
 * `allow-* NAME` lines naming only this interface; marked as owned.
 */
function leadingComments(a: Analysis, header: number, name: string): number[] {
  const { t, owned } = a;
  let count = 0;
  let j = header - 1;
  for (; j >= 0; j--) {
    const kind = t.kind[j];
    if (kind === COMMENT && unindented(t, j) && !owned[j]) count++;
    else if ((kind === AUTO || kind === ALLOW) && isListOf(t, j, name)) continue;
    else break;
  }
  if (count === 0) return NO_LINES;
  // Fill the array in file order: forwards from where the walk stopped.
  const leading = new Array<number>(count);
  let n = 0;
  for (let i = j + 1; i < header; i++) {
    if (t.kind[i] === COMMENT) {
      leading[n++] = i;
      owned[i] = 1;
    }
  }
  return leading;
}

/**
 * End the current stanza, if any, at a line of kind `ender` (-1: end of file) and fill in its block.
 * Its trailing comments are the run directly after the body, except that when that run goes
 * straight into the next header, unindented ones from there on are left to that header.
 */
function endStanza(a: Analysis, ender: number): void {
  const header = a.header;
  if (header === -1) return;
  a.header = -1;
  const { t, body, pending } = a;
  const options = a.optionCount ? a.options.slice(0, a.optionCount) : NO_LINES;
  a.optionCount = 0;
  let end = (options.length ? options[options.length - 1] : header) + 1;
  const nextIsHeader = a.runOpen && (ender === IFACE || ender === MAPPING);
  for (let k = 0; k < a.run; k++) {
    const j = pending[k];
    if (nextIsHeader && unindented(t, j)) break;
    body.push(j);
    end = j + 1;
  }
  const comments = body.length ? body.slice() : NO_LINES;
  for (const j of comments) a.owned[j] = 1;
  if (body.length) body.length = 0;
  if (pending.length) pending.length = 0;
  a.run = 0;
  const leading = a.leading;
  const start = leading.length ? leading[0] : header;
  a.blocks[a.slot] = stanzaBlock(t, a.head, header, start, end, options, leading, comments);
}

/** What is wrong with the shape of an `iface`/`mapping` header line (of kind `kind`, words `w`), if anything. */
function headerProblem(kind: string, w: readonly string[]): Pick<Diagnostic, 'rule' | 'severity' | 'message'> | null {
  if (w.length < 2) {
    return { rule: 'malformed-stanza', severity: 'error', message: `"${w[0]}" needs a name: write "${w[0]} NAME${kind === 'iface' ? ' inet static' : ''}".` };
  }
  if (kind !== 'iface') return null;
  if (w.length === 3) {
    return { rule: 'missing-method', severity: 'error', message: `"iface ${w[1]} ${w[2]}" has a family but no method: add one, e.g. "static", "manual" or "dhcp".` };
  }
  if (w.length > 4) {
    return { rule: 'extra-words', severity: 'warning', message: `Extra words after "iface ${w.slice(1, 4).join(' ')}" are ignored by ifupdown: remove "${w.slice(4).join(' ')}".` };
  }
  return null;
}

/** The block of a stanza whose header (words `h`) is line `header` of `t`, from the line indexes found by the walk. */
function stanzaBlock(t: LineTable, h: Header, header: number, start: number, end: number, options: number[], leading: number[], comments: number[]): IfaceBlock | MappingBlock {
  if (t.kind[header] === IFACE) {
    return { kind: 'iface', name: h.name ?? '', family: h.family, method: h.method, header, start, end, options, leading, comments } satisfies IfaceBlock;
  }
  return { kind: 'mapping', patterns: wordsFrom(t, header, 1), header, start, end, options, leading, comments } satisfies MappingBlock;
}

/** Option indents counted by runs: consecutive options nearly always share their indent. */
interface IndentCount {
  readonly counts: Map<string, number>;
  /** The current run. */
  indent: string;
  length: number;
}

/** Count the indentation of option line i of `t`. */
function countIndent(c: IndentCount, t: LineTable, i: number): void {
  // The run's indentation again (nearly always): recognised in the text, without making a string.
  if (c.length > 0 && t.line[i] === undefined) {
    const start = t.start[i];
    const width = t.from[i] - start;
    const run = c.indent;
    if (width === run.length && (width === 0 || (width === 1 ? t.text.charCodeAt(start) === run.charCodeAt(0) : t.text.startsWith(run, start)))) {
      c.length++;
      return;
    }
  }
  const indent = indentAt(t, i);
  if (c.length > 0 && indent === c.indent) {
    c.length++;
    return;
  }
  flushIndents(c);
  c.indent = indent;
  c.length = 1;
}

function flushIndents(c: IndentCount): void {
  if (c.length > 0) c.counts.set(c.indent, (c.counts.get(c.indent) ?? 0) + c.length);
  c.length = 0;
}

/** The most used option indentation (the first seen wins a tie; '\t' when there is none). */
function dominantIndent(c: IndentCount): string {
  flushIndents(c);
  let best = '\t';
  let n = 0;
  for (const [indent, count] of c.counts) if (count > n) [best, n] = [indent, count];
  return best;
}

/**
 * Print a document: the exact bytes of its lines. Lines lexed side by side from one text are taken
 * as one slice of it: an unedited document prints as the very string it was parsed from.
 */
export function print(doc: NetDocument): string {
  const t = tableOfParsed(doc);
  return t ? printTable(t) : joinRaw(doc.lines);
}
