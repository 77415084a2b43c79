import { applyPatch, createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff';

const jsdiff = (a: string, b: string, context = 3) => createTwoFilesPatch('old', 'new', a, b, undefined, undefined, { context });
const ours = (a: string, b: string, context = 3) => unifiedDiff(a, b, { oldName: 'old', newName: 'new', context });

/** A host file of `n` stanzas, each line ending with `eol`. */
function hostFile(n: number, eol = '\n'): string {
  const out: string[] = ['auto lo', 'iface lo inet loopback', ''];
  for (let k = 0; k < n; k++) {
    out.push(`auto vmbr${k}`, `iface vmbr${k} inet static`, `\taddress 10.${k >> 8}.${k & 255}.2/24`, '\tbridge-ports none', '\tbridge-stp off', '\tbridge-fd 0', '');
  }
  return out.map((l) => l + eol).join('');
}

const lines = (t: string) => t.split(/(?<=\n)/);
const edit = (t: string, f: (ls: string[]) => void) => {
  const ls = lines(t);
  f(ls);
  return ls.join('');
};

describe('unifiedDiff', () => {
  const base = hostFile(200);
  const crlf = hostFile(200, '\r\n');
  const noFinal = base.slice(0, -1);
  const cases: [string, string, string][] = [
    ['one line changed in the middle', base, base.replace('\tbridge-fd 0\n\nauto vmbr100\n', '\tbridge-fd 2\n\nauto vmbr100\n')],
    ['a line added in the middle', base, base.replace('\tbridge-fd 0\n\nauto vmbr100\n', '\tbridge-fd 0\n\tmtu 9000\n\nauto vmbr100\n')],
    ['a stanza removed', base, base.replace(/auto vmbr50\n[^]*?\n\n/, '')],
    ['the first line changed', base, base.replace('auto lo\n', 'auto lo eth0\n')],
    ['a line added at the start', base, `# managed by netstage\n${base}`],
    ['the first line removed', base, base.slice('auto lo\n'.length)],
    ['the last line changed', base, `${base.slice(0, -'\tbridge-fd 0\n\n'.length)}\tbridge-fd 9\n\n`],
    ['a line added at the end', base, `${base}# end\n`],
    ['the last line removed', base, base.slice(0, -1)],
    ['the final newline removed', noFinal, noFinal.slice(0, -1)],
    ['a final newline added', noFinal, `${noFinal}\n`],
    ['a line added after a last line without newline', noFinal, `${noFinal}\nauto eth9`],
    ['a last line without newline changed', `${base}auto x`, `${base}auto y`],
    ['CRLF: one line changed', crlf, crlf.replace('\tbridge-fd 0\r\n\r\nauto vmbr100\r\n', '\tbridge-fd 2\r\n\r\nauto vmbr100\r\n')],
    ['CRLF: one line switched to LF', crlf, crlf.replace('iface vmbr7 inet static\r\n', 'iface vmbr7 inet static\n')],
    ['CRLF: a line added at the end without newline', crlf, `${crlf}auto x`],
    ['two changes far apart', base, base.replace('vmbr3 inet static', 'vmbr3 inet manual').replace('vmbr180 inet static', 'vmbr180 inet dhcp')],
    ['two changes close together', base, base.replace('vmbr3 inet static', 'vmbr3 inet manual').replace('10.0.4.2/24', '10.0.4.3/24')],
    ['a blank line added among blank lines', base, base.replace('\n\nauto vmbr9\n', '\n\n\nauto vmbr9\n')],
    ['everything replaced', 'a\nb\n', 'c\nd\n'],
    ['from empty', '', base],
    ['to empty', base, ''],
    ['short files', 'a\n', 'a\nb\n'],
  ];

  it.each(cases)('%s: same output as createTwoFilesPatch', (_, a, b) => {
    expect(ours(a, b)).toBe(jsdiff(a, b));
    expect(applyPatch(a, ours(a, b), { autoConvertLineEndings: false })).toBe(b);
  });

  it('honours the context size and the header options', () => {
    const [, a, b] = cases[0];
    for (const context of [0, 1, 5, 20]) expect(ours(a, b, context)).toBe(jsdiff(a, b, context));
    expect(unifiedDiff(a, b, { oldName: 'x', newName: 'y', headers: FILE_HEADERS_ONLY })).toBe(
      createTwoFilesPatch('x', 'y', a, b, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }),
    );
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff(base, base)).toBe('');
    expect(unifiedDiff('', '')).toBe('');
  });

  // Few distinct lines in runs (many equal alignments for jsdiff to choose from: it may slide a
  // change far down a run), CRLF and missing final newlines: the worst case for cutting the text
  // down to the changed region.
  const line = fc.constantFrom('a\n', 'b\n', '\n', 'a\r\n', '\tx 1\n', 'c');
  const text = fc
    .array(fc.tuple(line, fc.integer({ min: 1, max: 12 })), { maxLength: 40 })
    .map((runs) => runs.flatMap(([l, k]) => Array<string>(k).fill(l)))
    .map((ls) => ls.map((l, i) => (i < ls.length - 1 && !l.endsWith('\n') ? `${l}\n` : l)).join(''));
  const edits = fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 1000 }), remove: fc.integer({ min: 0, max: 4 }), add: fc.array(line, { maxLength: 4 }) }),
    { minLength: 1, maxLength: 4 },
  );
  const editText = (t: string, es: { at: number; remove: number; add: string[] }[]) =>
    edit(t, (ls) => {
      for (const e of es) ls.splice(e.at % (ls.length + 1), e.remove, ...e.add.map((l) => (l.endsWith('\n') ? l : `${l}\n`)));
    });

  it('applying the patch to the old text gives the new text', () => {
    fc.assert(
      fc.property(text, edits, fc.integer({ min: 0, max: 5 }), (a, es, context) => {
        const b = editText(a, es);
        const patch = ours(a, b, context);
        expect(patch === '').toBe(a === b);
        // jsdiff's applyPatch converts a patch's line endings to the file's unless told not to:
        // these texts mix LF and CRLF lines.
        expect(applyPatch(a, patch, { autoConvertLineEndings: false })).toBe(b);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same output as createTwoFilesPatch on random edits', () => {
    fc.assert(
      fc.property(text, edits, fc.integer({ min: 0, max: 5 }), (a, es, context) => {
        const b = editText(a, es);
        fc.pre(a !== b);
        expect(ours(a, b, context)).toBe(jsdiff(a, b, context));
      }),
      { numRuns: 3000 },
    );
  });

  it('same output and a patch that applies on long repetitive texts (common head and tail compared by chunks)', () => {
    const long = fc.tuple(text, fc.integer({ min: 20, max: 200 })).map(([t, k]) => (t.endsWith('\n') || t === '' ? t : `${t}\n`).repeat(k));
    fc.assert(
      fc.property(long, edits, fc.integer({ min: 0, max: 4 }), (a, es, context) => {
        const b = editText(a, es);
        fc.pre(a !== b);
        const patch = ours(a, b, context);
        expect(patch).toBe(jsdiff(a, b, context));
        expect(applyPatch(a, patch, { autoConvertLineEndings: false })).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same output as createTwoFilesPatch on random line edits of a host file', () => {
    const host = lines(hostFile(300));
    const pool = host.slice(0, 400);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: host.length - 1 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 2 }), fc.nat(pool.length - 1)), { minLength: 1, maxLength: 3 }), (at, es) => {
          const ls = [...host];
          for (const [off, op, k] of es) ls.splice(Math.min(at + off, ls.length), op === 1 ? 0 : 1, ...(op === 0 ? [] : [pool[k]]));
          const a = host.join('');
          const b = ls.join('');
          fc.pre(a !== b);
          expect(ours(a, b)).toBe(jsdiff(a, b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
