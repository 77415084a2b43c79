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
import { lex } from './lexer';
import type { Block, Diagnostic, IfaceBlock, Line, ListBlock, MappingBlock, NetDocument } from './types';

export function parse(text: string): NetDocument {
  return analyze(lex(text));
}

/**
 * Build the block index of a line array. Linear in the number of lines, in one walk: a large file
 * has tens of thousands of lines, and reading each line object once is what costs.
 */
export function analyze(lines: readonly Line[]): NetDocument {
  const a = newAnalysis(lines);
  for (let i = 0; i < lines.length; i++) analyzeLine(a, i);
  endStanza(a, null);
  return {
    lines,
    blocks: a.blocks as Block[],
    lineNumbers: a.lineNumbers,
    eol: a.crlf > a.lf ? '\r\n' : '\n',
    indent: dominantIndent(a.indents),
    diagnostics: a.diagnostics,
  };
}

/**
 * State of the walk over the lines. Every kind of line but options (and blanks and comments)
 * ends the stanza before it. A stanza's comments are known when it ends: those before its last
 * option, then those directly after it (see the ownership rules above).
 *
 * Plain objects and functions rather than classes, here and in the lexer: a class instance's
 * hidden class is only held weakly once no instance is alive, so a full GC between two parses
 * would drop it and deoptimise the code using it.
 */
interface Analysis {
  readonly lines: readonly Line[];
  readonly lineNumbers: number[];
  readonly diagnostics: Diagnostic[];
  /** In file order; a stanza's entry is null until the stanza ends. */
  readonly blocks: (Block | null)[];
  readonly owned: Uint8Array;
  readonly indents: IndentCount;
  phys: number;
  crlf: number;
  lf: number;
  // The stanza being read (one at a time): where its header is (-1: none) and where its block
  // goes, its leading comments, its option lines `options[0, optionCount)` and the comments
  // before its last option (these two are copied out at their exact size when it ends).
  header: number;
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

function newAnalysis(lines: readonly Line[]): Analysis {
  return {
    lines,
    lineNumbers: new Array<number>(lines.length),
    diagnostics: [],
    blocks: [],
    owned: new Uint8Array(lines.length),
    indents: { counts: new Map(), indent: '', length: 0 },
    phys: 1,
    crlf: 0,
    lf: 0,
    header: -1,
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

const NO_LINES: number[] = [];

const NONE = 0;
const LF = 1;
const CRLF = 2;

/** How a line's raw bytes end: `\r\n`, `\n` or neither (end of file). */
function eolOf(raw: string): number {
  const n = raw.length;
  if (n === 0 || raw.charCodeAt(n - 1) !== 10) return NONE;
  return n > 1 && raw.charCodeAt(n - 2) === 13 ? CRLF : LF;
}

function analyzeLine(a: Analysis, i: number): void {
  const line = a.lines[i];
  a.lineNumbers[i] = a.phys;
  a.phys += line.physCount;
  const eol = eolOf(line.raw);
  if (eol === CRLF) a.crlf++;
  else if (eol === LF) a.lf++;
  const kind = line.kind;
  const col = line.indent.length + 1;
  switch (kind) {
    case 'blank':
      a.runOpen = false;
      break;
    case 'comment':
      if (a.header !== -1) {
        a.pending.push(i);
        if (a.runOpen) a.run++;
      }
      break;
    case 'iface':
    case 'mapping': {
      endStanza(a, line);
      const problem = headerProblem(line);
      if (problem) diag(a, i, problem.severity, problem.rule, problem.message, col);
      a.header = i;
      a.leading = leadingComments(a, i, line.words[1] ?? '');
      a.slot = a.blocks.length;
      a.blocks.push(null);
      a.runOpen = true;
      break;
    }
    case 'auto':
    case 'allow':
    case 'no-auto-down':
    case 'no-scripts': {
      endStanza(a, line);
      const names = line.words.slice(1);
      const cls = kind === 'allow' ? line.words[0].slice('allow-'.length) : kind;
      if (names.length === 0) diag(a, i, 'warning', 'empty-list', `"${line.words[0]}" names no interface: add names or remove the line.`, col);
      if (kind === 'allow' && cls === '') diag(a, i, 'error', 'malformed-allow', `"allow-" needs a class, e.g. "allow-hotplug".`, col);
      a.blocks.push({ kind, cls, names, line: i } satisfies ListBlock);
      break;
    }
    case 'source':
    case 'source-directory':
      endStanza(a, line);
      if (line.words.length < 2) diag(a, i, 'error', 'malformed-source', `"${line.words[0]}" needs a path.`, col);
      a.blocks.push({ kind, path: line.words.slice(1).join(' '), line: i });
      break;
    default:
      addOption(a, i, line, col);
  }
}

function diag(a: Analysis, i: number, severity: Diagnostic['severity'], rule: string, message: string, column: number): void {
  a.diagnostics.push({ line: a.lineNumbers[i], column, severity, rule, message });
}

function addOption(a: Analysis, i: number, line: Line, col: number): void {
  if (a.header === -1) {
    diag(a, i, 'error', 'option-outside-stanza', `"${line.words[0]}" is not inside an "iface" stanza (or follows an auto/allow/source line that ended it): move it under the interface it belongs to.`, col);
    return;
  }
  a.options[a.optionCount++] = i;
  countIndent(a.indents, line.indent);
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
  const { lines, owned } = a;
  let count = 0;
  let j = header - 1;
  for (; j >= 0; j--) {
    const l = lines[j];
    if (l.kind === 'comment' && l.indent === '' && !owned[j]) count++;
    else if ((l.kind === 'auto' || l.kind === 'allow') && l.words.length === 2 && l.words[1] === name) continue;
    else break;
  }
  if (count === 0) return [];
  // Fill the array in file order: forwards from where the walk stopped.
  const leading = new Array<number>(count);
  let n = 0;
  for (let i = j + 1; i < header; i++) {
    if (lines[i].kind === 'comment') {
      leading[n++] = i;
      owned[i] = 1;
    }
  }
  return leading;
}

/**
 * End the current stanza, if any, at line `ender` (null: end of file) and fill in its block.
 * Its trailing comments are the run directly after the body, except that when that run goes
 * straight into the next header, unindented ones from there on are left to that header.
 */
function endStanza(a: Analysis, ender: Line | null): void {
  const header = a.header;
  if (header === -1) return;
  a.header = -1;
  const { lines, body, pending } = a;
  const options = a.optionCount ? a.options.slice(0, a.optionCount) : [];
  a.optionCount = 0;
  let end = (options.length ? options[options.length - 1] : header) + 1;
  const nextIsHeader = a.runOpen && ender !== null && (ender.kind === 'iface' || ender.kind === 'mapping');
  for (let k = 0; k < a.run; k++) {
    const j = pending[k];
    if (nextIsHeader && lines[j].indent === '') break;
    body.push(j);
    end = j + 1;
  }
  const comments = body.length ? body.slice() : [];
  for (const j of comments) a.owned[j] = 1;
  if (body.length) body.length = 0;
  if (pending.length) pending.length = 0;
  a.run = 0;
  const leading = a.leading;
  const start = leading.length ? leading[0] : header;
  a.blocks[a.slot] = stanzaBlock(lines[header], header, start, end, options, leading, comments);
}

/** What is wrong with the shape of an `iface`/`mapping` header line, if anything. */
function headerProblem(line: Line): Pick<Diagnostic, 'rule' | 'severity' | 'message'> | null {
  const w = line.words;
  if (w.length < 2) {
    return { rule: 'malformed-stanza', severity: 'error', message: `"${w[0]}" needs a name: write "${w[0]} NAME${line.kind === 'iface' ? ' inet static' : ''}".` };
  }
  if (line.kind !== 'iface') return null;
  if (w.length === 3) {
    return { rule: 'missing-method', severity: 'error', message: `"iface ${w[1]} ${w[2]}" has a family but no method: add one, e.g. "static", "manual" or "dhcp".` };
  }
  if (w.length > 4) {
    return { rule: 'extra-words', severity: 'warning', message: `Extra words after "iface ${w.slice(1, 4).join(' ')}" are ignored by ifupdown: remove "${w.slice(4).join(' ')}".` };
  }
  return null;
}

/** The block of a stanza whose header line is `hl`, from the line indexes found by the walk. */
function stanzaBlock(hl: Line, header: number, start: number, end: number, options: number[], leading: number[], comments: number[]): IfaceBlock | MappingBlock {
  if (hl.kind === 'iface') {
    return { kind: 'iface', name: hl.words[1] ?? '', family: hl.words[2], method: hl.words[3], header, start, end, options, leading, comments } satisfies IfaceBlock;
  }
  return { kind: 'mapping', patterns: hl.words.slice(1), header, start, end, options, leading, comments } satisfies MappingBlock;
}

/** Option indents counted by runs: consecutive options nearly always share their indent. */
interface IndentCount {
  readonly counts: Map<string, number>;
  /** The current run. */
  indent: string;
  length: number;
}

function countIndent(c: IndentCount, indent: string): void {
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

/** Print a document: the exact bytes of its lines. */
export function print(doc: NetDocument): string {
  let out = '';
  for (const l of doc.lines) out += l.raw;
  return out;
}
