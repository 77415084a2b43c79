/**
 * The line table (lexer.ts) and its in-place reads (lines.ts) against the Line objects: on random
 * texts, and on tables made from lines of several kinds (lexed from the text, lexed elsewhere,
 * made by makeLine, written by hand), every read gives what the Line gives; a parsed document
 * makes its lines when asked, once, and looks like any other document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex, lexTable, linesOf, makeLine, tableOf, type LineTable } from './lexer';
import {
  firstWord,
  firstWordIs,
  indentAt,
  isListOf,
  linesWithAny,
  printTable,
  rawAt,
  readHeader,
  tableOfDoc,
  unindented,
  valueText,
  wordsAt,
  wordsFrom,
  type Header,
} from './lines';
import { analyze, parse, print } from './parser';
import type { Line } from './types';

const plain = (l: Line): Line => ({ raw: l.raw, physCount: l.physCount, indent: l.indent, text: l.text, words: [...l.words], kind: l.kind });

const PIECES = [
  '', ' ', '\t', '  ', '    ', 'iface', 'auto', 'allow-hotplug', 'mapping', 'source', 'no-scripts', 'eth0', 'vmbr0', 'inet', 'inet6',
  'static', 'manual', 'dhcp', 'address', '10.0.0.1/24', 'bridge-ports', 'none', '#', '# c', '%', '${X}', '<%', 'a\\', '\\', '\r', 'x\ry',
];
/** Random lines of the pieces, with spaces, tabs, `\r`, continuations and comments. */
const text = fc
  .array(fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }), fc.constantFrom(' ', '\t', '  ', ' \t'), fc.constantFrom('\n', '\r\n', ' \n', '\\\n')), {
    maxLength: 40,
  })
  .chain((ls) => fc.boolean().map((last) => ls.map(([ws, sep, eol], i) => ws.join(sep) + (i === ls.length - 1 && last ? '' : eol)).join('')));

/** Every in-place read of line i of `t` equals what its Line gives. */
function expectSameReads(t: LineTable, lines: readonly Line[]): void {
  expect(t.length).toBe(lines.length);
  const h: Header = { count: 0, name: undefined, family: undefined, method: undefined };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const at = `line ${i} ${JSON.stringify(l.raw)}`;
    expect(rawAt(t, i), at).toBe(l.raw);
    expect(indentAt(t, i), at).toBe(l.indent);
    expect(unindented(t, i), at).toBe(l.indent === '');
    expect(wordsAt(t, i), at).toEqual(l.words);
    if (l.kind === 'blank' || l.kind === 'comment') continue;
    expect(wordsFrom(t, i, 1), at).toEqual(l.words.slice(1));
    expect(firstWord(t, i), at).toBe(l.words[0]);
    expect(firstWordIs(t, i, l.words[0]), at).toBe(true);
    expect(firstWordIs(t, i, `${l.words[0]}x`), at).toBe(false);
    expect(firstWordIs(t, i, l.words[0].slice(0, -1)), at).toBe(false);
    expect(valueText(t, i), at).toBe(l.text.slice(l.words[0].length).trim());
    expect(isListOf(t, i, l.words[1] ?? ''), at).toBe(l.words.length === 2);
    readHeader(t, i, h);
    expect([h.count, h.name, h.family, h.method], at).toEqual([l.words.length, l.words[1], l.words[2], l.words[3]]);
  }
  expect(linesWithAny(t, '%$<')).toEqual(lines.flatMap((l, i) => (/[%$<]/.test(l.raw) ? [i] : [])));
  expect(printTable(t)).toBe(lines.map((l) => l.raw).join(''));
}

describe('the line table', () => {
  it('reads every line of a lexed text as its Line does', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = lexTable(s);
        const lines = lex(s);
        expect(linesOf(t).map(plain)).toEqual(lines.map(plain));
        expectSameReads(t, lines);
      }),
    );
  });

  it('reads tables made of mixed lines as their Lines do', () => {
    fc.assert(
      fc.property(text, text, fc.array(fc.tuple(fc.nat(3), fc.nat(99)), { maxLength: 80 }), (a, b, picks) => {
        const mine = lex(a);
        const other = lex(b);
        // Lines of either text in any order (an edit moves lines), some remade or hand-made.
        const lines = picks.map(([p, k]): Line => {
          const from = p === 1 ? other : mine;
          const l = from[k % Math.max(from.length, 1)] ?? makeLine('x\n');
          return p === 2 ? makeLine(l.raw) : p === 3 ? plain(l) : l;
        });
        expectSameReads(tableOf(lines), lines);
      }),
    );
  });
});

describe('a parsed document', () => {
  const TEXT = 'auto eth0\niface eth0 inet static\n\taddress 10.0.0.1/24 \\\n\t  10.0.1.1/24\n# end\n';

  it('makes its lines when they are first read, once, as lex does', () => {
    const doc = parse(TEXT);
    expect(doc.lines).toBe(doc.lines);
    expect(doc.lines.map(plain)).toEqual(lex(TEXT).map(plain));
    expect(Object.keys(doc)).toEqual(['lines', 'blocks', 'lineNumbers', 'eol', 'indent', 'diagnostics']);
  });

  it('serializes, compares and prints like a document analyzed from its lines', () => {
    const doc = parse(TEXT);
    const again = analyze(lex(TEXT));
    expect(JSON.stringify(doc)).toBe(JSON.stringify(again));
    expect(doc).toStrictEqual(again);
    expect(print(doc)).toBe(TEXT);
    expect(print({ ...doc, lines: doc.lines.slice(1) })).toBe(TEXT.slice('auto eth0\n'.length));
  });

  it('is read from the same table by validation, and a document an edit made gets one too', () => {
    const doc = parse(TEXT);
    expect(tableOfDoc(doc)).toBe(tableOfDoc(doc));
    const edited = { ...doc, lines: [...doc.lines.slice(0, 2), makeLine('\tmtu 9000\n'), ...doc.lines.slice(2)] };
    expectSameReads(tableOfDoc(edited), edited.lines);
  });
});
