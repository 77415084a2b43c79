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

const STANZA_ENDERS = new Set(['iface', 'mapping', 'auto', 'allow', 'source', 'source-directory', 'no-auto-down', 'no-scripts']);

export function parse(text: string): NetDocument {
  return analyze(lex(text));
}

interface Draft {
  header: number;
  options: number[];
}

/** Build the block index of a line array. Linear in the number of lines. */
export function analyze(lines: readonly Line[]): NetDocument {
  const diagnostics: Diagnostic[] = [];
  const lineNumbers = new Array<number>(lines.length);
  let phys = 1;
  for (let i = 0; i < lines.length; i++) {
    lineNumbers[i] = phys;
    phys += lines[i].physCount;
  }
  const diag = (i: number, severity: Diagnostic['severity'], rule: string, message: string, column = 1) =>
    diagnostics.push({ line: lineNumbers[i], column, severity, rule, message });

  // Pass 1: headers, top-level lines and option ownership.
  const drafts: Draft[] = [];
  const top: Block[] = [];
  let current: Draft | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const col = line.indent.length + 1;
    if (line.kind === 'blank' || line.kind === 'comment') continue;
    if (STANZA_ENDERS.has(line.kind)) current = null;
    switch (line.kind) {
      case 'iface':
      case 'mapping':
        if (line.words.length < 2) {
          diag(i, 'error', 'malformed-stanza', `"${line.words[0]}" needs a name: write "${line.words[0]} NAME${line.kind === 'iface' ? ' inet static' : ''}".`, col);
        } else if (line.kind === 'iface' && line.words.length === 3) {
          diag(i, 'error', 'missing-method', `"iface ${line.words[1]} ${line.words[2]}" has a family but no method: add one, e.g. "static", "manual" or "dhcp".`, col);
        } else if (line.kind === 'iface' && line.words.length > 4) {
          diag(i, 'warning', 'extra-words', `Extra words after "iface ${line.words.slice(1, 4).join(' ')}" are ignored by ifupdown: remove "${line.words.slice(4).join(' ')}".`, col);
        }
        current = { header: i, options: [] };
        drafts.push(current);
        break;
      case 'auto':
      case 'allow':
      case 'no-auto-down':
      case 'no-scripts': {
        const names = line.words.slice(1);
        const cls = line.kind === 'allow' ? line.words[0].slice('allow-'.length) : line.kind;
        if (names.length === 0) diag(i, 'warning', 'empty-list', `"${line.words[0]}" names no interface: add names or remove the line.`, col);
        if (line.kind === 'allow' && cls === '') diag(i, 'error', 'malformed-allow', `"allow-" needs a class, e.g. "allow-hotplug".`, col);
        top.push({ kind: line.kind, cls, names, line: i } satisfies ListBlock);
        break;
      }
      case 'source':
      case 'source-directory':
        if (line.words.length < 2) diag(i, 'error', 'malformed-source', `"${line.words[0]}" needs a path.`, col);
        top.push({ kind: line.kind, path: line.words.slice(1).join(' '), line: i });
        break;
      default:
        if (current) current.options.push(i);
        else diag(i, 'error', 'option-outside-stanza', `"${line.words[0]}" is not inside an "iface" stanza (or follows an auto/allow/source line that ended it): move it under the interface it belongs to.`, col);
    }
  }

  // Pass 2: comment ownership.
  const owned = new Uint8Array(lines.length);
  const blocks: Block[] = [];
  for (const d of drafts) {
    const hl = lines[d.header];
    const name = hl.words[1] ?? '';
    const leading: number[] = [];
    for (let j = d.header - 1; j >= 0; j--) {
      const l = lines[j];
      if (l.kind === 'comment' && l.indent === '' && !owned[j]) {
        leading.push(j);
      } else if ((l.kind === 'auto' || l.kind === 'allow') && l.words.length === 2 && l.words[1] === name) {
        continue;
      } else break;
    }
    leading.reverse();
    for (const j of leading) owned[j] = 1;
    const comments: number[] = [];
    const lastOpt = d.options.length ? d.options[d.options.length - 1] : d.header;
    for (let j = d.header + 1; j < lastOpt; j++) if (lines[j].kind === 'comment') comments.push(j);
    let end = lastOpt + 1;
    // Trailing comments directly after the body, unless directly above the next header (then the
    // next stanza's leading walk claims them; it runs later, so look ahead here).
    let k = end;
    while (k < lines.length && lines[k].kind === 'comment') k++;
    const nextIsHeader = k < lines.length && (lines[k].kind === 'iface' || lines[k].kind === 'mapping');
    for (let j = end; j < k; j++) {
      if (nextIsHeader && lines[j].indent === '') break;
      comments.push(j);
      end = j + 1;
    }
    for (const j of comments) owned[j] = 1;
    const start = leading.length ? leading[0] : d.header;
    if (hl.kind === 'iface') {
      blocks.push({
        kind: 'iface',
        name,
        family: hl.words[2],
        method: hl.words[3],
        header: d.header,
        start,
        end,
        options: d.options,
        leading,
        comments,
      } satisfies IfaceBlock);
    } else {
      blocks.push({ kind: 'mapping', patterns: hl.words.slice(1), header: d.header, start, end, options: d.options, leading, comments } satisfies MappingBlock);
    }
  }
  // Keep blocks in file order.
  const all = [...blocks, ...top].sort((a, b) => firstLine(a) - firstLine(b));

  return { lines, blocks: all, lineNumbers, eol: dominantEol(lines), indent: dominantIndent(lines, drafts), diagnostics };
}

function firstLine(b: Block): number {
  return 'line' in b ? b.line : b.header;
}

function dominantEol(lines: readonly Line[]): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const l of lines) {
    if (l.raw.endsWith('\r\n')) crlf++;
    else if (l.raw.endsWith('\n')) lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

function dominantIndent(lines: readonly Line[], drafts: readonly Draft[]): string {
  const counts = new Map<string, number>();
  for (const d of drafts) for (const i of d.options) counts.set(lines[i].indent, (counts.get(lines[i].indent) ?? 0) + 1);
  let best = '\t';
  let n = 0;
  for (const [indent, c] of counts) if (c > n) [best, n] = [indent, c];
  return best;
}

/** Print a document: the exact bytes of its lines. */
export function print(doc: NetDocument): string {
  let out = '';
  for (const l of doc.lines) out += l.raw;
  return out;
}
