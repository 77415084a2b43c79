/**
 * Patch.apply rebuilds only the span around its edits and parses only a window around it again
 * (reanalyze). Property: on random files and random edits it gives exactly what the plain
 * algorithm gives (every line rebuilt, blank runs collapsed, the whole document analyzed again):
 * same lines, blocks, line numbers, diagnostics, line ending and indentation, same key order, and
 * the same EditError when a line would be joined to a trailing backslash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditError, eolOf, Patch } from './edit-lines';
import { makeLine } from './lexer';
import { analyze, parse, print } from './parser';
import type { Line, NetDocument } from './types';

// ---------------------------------------------------------------------------------------------
// The plain algorithm (Patch.apply before it worked on a window)

type Op = { op: 'replace'; at: number; raw: string } | { op: 'remove'; at: number } | { op: 'insert'; at: number; raws: string[] };

const SEAM = Symbol('removed');
type Item = Line | typeof SEAM;
const isBlankish = (it: Item) => it === SEAM || it.kind === 'blank';

function reference(doc: NetDocument, ops: readonly Op[]): NetDocument {
  const inserts = new Map<number, Line[]>();
  const changes = new Map<number, Line | null>();
  for (const o of ops) {
    if (o.op === 'replace') {
      if (o.raw !== doc.lines[o.at].raw) changes.set(o.at, makeLine(o.raw));
    } else if (o.op === 'remove') changes.set(o.at, null);
    else inserts.set(o.at, [...(inserts.get(o.at) ?? []), ...o.raws.map(makeLine)]);
  }
  if (!inserts.size && !changes.size) return doc;
  const src = doc.lines;
  const items: Item[] = [];
  for (let i = 0; i <= src.length; i++) {
    const ins = inserts.get(i);
    if (ins) items.push(...ins);
    if (i === src.length) break;
    const c = changes.get(i);
    if (c === null) {
      if (items[items.length - 1] !== SEAM) items.push(SEAM);
    } else items.push(c ?? src[i]);
  }
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
    const first = pieces[0].length;
    const last = pieces[pieces.length - 1].length;
    const atStart = out.length === 0;
    const atEnd = j === items.length;
    const keep =
      pieces.length === 1
        ? blanks.length
        : atStart && atEnd
          ? Math.min(first, last)
          : atStart
            ? first
            : atEnd
              ? last
              : Math.max(...pieces.map((p) => p.length));
    out.push(...blanks.slice(0, keep));
    i = j;
  }
  for (let k = 0; k < out.length - 1; k++) {
    const l = out[k];
    const body = l.raw.slice(0, l.raw.length - eolOf(l.raw).length);
    if (l.kind !== 'comment' && body.endsWith('\\')) throw new EditError('backslash');
    if (eolOf(l.raw) === '') out[k] = makeLine(l.raw + doc.eol);
  }
  return analyze(out);
}

function viaPatch(doc: NetDocument, ops: readonly Op[]): NetDocument {
  const p = new Patch(doc);
  for (const o of ops) {
    if (o.op === 'replace') p.replace(o.at, makeLine(o.raw));
    else if (o.op === 'remove') p.remove(o.at);
    else p.insert(o.at, o.raws);
  }
  return p.apply();
}

const outcome = (f: () => NetDocument) => {
  try {
    return { doc: f() };
  } catch (e) {
    if (e instanceof EditError) return { error: true };
    throw e;
  }
};

// ---------------------------------------------------------------------------------------------
// Random files and edits

const LINES = [
  '',
  '',
  '',
  '  ',
  '# top comment',
  '#',
  '  # indented comment',
  '\t# tab comment',
  'auto eth0',
  'auto eth1',
  'auto eth0 eth1',
  'allow-hotplug eth1',
  'allow-',
  'iface eth0 inet static',
  'iface eth1 inet6 static',
  'iface eth1 inet manual',
  'iface vmbr0',
  'iface',
  'iface eth2 inet',
  'iface eth3 inet static extra words',
  'mapping eth*',
  'source /etc/network/interfaces.d/*',
  'source',
  'no-auto-down eth0',
  'no-scripts',
  '\taddress 10.0.0.1/24',
  '    mtu 1500',
  '  gateway 10.0.0.254',
  '  netmask 255.255.255.0',
  '\tbridge-ports none',
  '\tbridge_stp off',
  'script /usr/local/bin/map',
  '\tpost-up echo a \\\n\t  b',
  '\tup echo \\',
];

const raw = fc.constantFrom(...LINES);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n');

const header = fc.constantFrom(...LINES.filter((l) => /^(iface|mapping)/.test(l)));
const body = fc.constantFrom(...LINES.filter((l) => /^[ \t]/.test(l) && l.trim() !== ''));
/** A stanza as files have them: blank line, maybe comments and `auto`, header, options. */
const stanza = fc
  .tuple(fc.constantFrom([], ['# top comment'], ['  # indented comment', '# top comment']), fc.constantFrom([], ['auto eth0'], ['allow-hotplug eth1']), header, fc.array(body, { maxLength: 4 }))
  .map(([comments, auto, h, opts]) => ['', ...comments, ...auto, h, ...opts]);

/** A file: stanzas mixed with random lines. */
const file = fc
  .tuple(
    fc.array(fc.oneof(stanza, stanza, raw.map((l) => [l]), fc.array(raw, { minLength: 2, maxLength: 6 }).map((ls) => ['', ...ls])), {
      maxLength: 80,
      size: 'medium',
    }),
    fc.array(eol, { minLength: 1, maxLength: 400 }),
    fc.boolean(),
  )
  .map(([chunks, eols, finalEol]) => {
    const lines = chunks.flat();
    return lines.map((l, i) => (i === lines.length - 1 && !finalEol ? l : l + eols[i % eols.length])).join('');
  });

/** Edits as fractions of the line count, near one place or anywhere. */
const fraction = fc.integer({ min: 0, max: 999 }).map((k) => k / 1000);
const edits = fc.tuple(
  fraction,
  fc.array(
    fc.record({
      op: fc.constantFrom('replace' as const, 'remove' as const, 'remove' as const, 'insert' as const),
      where: fc.oneof(
        { arbitrary: fc.integer({ min: -4, max: 4 }).map((near) => ({ near })), weight: 4 },
        { arbitrary: fraction.map((at) => ({ at })), weight: 1 },
      ),
      raws: fc.array(fc.tuple(raw, eol).map(([l, e]) => l + e), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
);

type Where = { near: number } | { at: number };

function toOps(doc: NetDocument, [center, list]: [number, { op: Op['op']; where: Where; raws: string[] }[]]): Op[] {
  const n = doc.lines.length;
  const ops: Op[] = [];
  for (const e of list) {
    const pos = 'near' in e.where ? Math.floor(center * n) + e.where.near : Math.floor(e.where.at * n);
    if (e.op === 'insert') {
      ops.push({ op: 'insert', at: Math.min(Math.max(pos, 0), n), raws: e.raws });
    } else if (n > 0) {
      const at = Math.min(Math.max(pos, 0), n - 1);
      ops.push(e.op === 'remove' ? { op: 'remove', at } : { op: 'replace', at, raw: e.raws[0] });
    }
  }
  return ops;
}

describe('Patch.apply', () => {
  it('gives what rebuilding every line and analyzing the whole document gives', () => {
    fc.assert(
      fc.property(file, edits, fc.option(fraction, { nil: undefined }), (text, e, bare) => {
        // Sometimes a hand-made document (analyze of lines) with a line in the middle that has no
        // line ending, which no parse gives.
        let doc = parse(text);
        if (bare !== undefined && doc.lines.length > 1) {
          const k = Math.floor(bare * (doc.lines.length - 1));
          doc = analyze(doc.lines.map((l, i) => (i === k ? makeLine(l.raw.slice(0, l.raw.length - eolOf(l.raw).length)) : l)));
        }
        const ops = toOps(doc, e);
        const want = outcome(() => reference(doc, ops));
        const got = outcome(() => viaPatch(doc, ops));
        expect(got.error).toBe(want.error);
        if (!want.doc) return;
        expect(got.doc).toStrictEqual(want.doc);
        expect(JSON.stringify(got.doc)).toBe(JSON.stringify(want.doc));
        // Edits on the result (its counts are kept from this edit) stay exact too.
        const ops2 = toOps(got.doc!, e);
        const want2 = outcome(() => reference(want.doc!, ops2));
        const got2 = outcome(() => viaPatch(got.doc!, ops2));
        expect(got2.error).toBe(want2.error);
        if (want2.doc) expect(JSON.stringify(got2.doc)).toBe(JSON.stringify(want2.doc));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('reuses the lines and blocks before the edit and keeps the text of the rest', () => {
    const stanza = (k: number) => `auto eth${k}\niface eth${k} inet static\n\taddress 10.0.${k}.2/24\n\n`;
    const text = Array.from({ length: 50 }, (_, k) => stanza(k)).join('');
    const doc = parse(text);
    const at = doc.lines.findIndex((l) => l.text === 'address 10.0.25.2/24');
    const next = new Patch(doc).insert(at + 1, ['\tmtu 9000\n']).apply();
    expect(print(next)).toBe(text.replace('10.0.25.2/24\n', '10.0.25.2/24\n\tmtu 9000\n'));
    expect(next.blocks[0]).toBe(doc.blocks[0]);
    expect(next.lines[at + 2]).toBe(doc.lines[at + 1]);
    expect(next).toStrictEqual(analyze(next.lines));
  });

  it('analyzes the whole document when no place to cut is near the edit', () => {
    const text = Array.from({ length: 1500 }, (_, k) => `iface eth${k} inet manual\n\tmtu ${1000 + k}\n`).join('');
    const doc = parse(text);
    const next = new Patch(doc).remove(1501).insert(1400, ['\n', 'auto eth700\n']).apply();
    expect(next).toStrictEqual(analyze(next.lines));
    expect(print(next)).toBe(text.replace('\tmtu 1750\n', '').replace('iface eth700 ', '\nauto eth700\niface eth700 '));
  });
});
