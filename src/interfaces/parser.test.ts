import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, print } from './parser';
import type { IfaceBlock, ListBlock, NetDocument } from './types';
import { corpusFiles, haveCorpus } from '../../test/support/shared';

const ifaces = (doc: NetDocument) => doc.blocks.filter((b): b is IfaceBlock => b.kind === 'iface');
const textOf = (doc: NetDocument, idx: readonly number[]) => idx.map((i) => doc.lines[i].text);

describe('lossless round trip', () => {
  it.each([
    ['empty file', ''],
    ['no final newline', 'auto lo\niface lo inet loopback'],
    ['CRLF endings', 'auto lo\r\niface lo inet loopback\r\n\taddress 10.0.0.1/8\r\n'],
    ['mixed endings and trailing spaces', 'auto lo  \r\niface lo inet loopback\n\t \n   # c \r\n'],
    ['continuations', 'iface eth0 inet manual\n\tpost-up echo a \\\n\t\tb \\\n\t\tc\n'],
    ['continuation at end of file', 'iface eth0 inet manual\n\tup x \\'],
    ['UTF-8 comments', '# Büro-Netz — ünïcödé ✓\niface eth0 inet manual\n'],
    ['lone CR inside a line', 'iface eth0 inet manual\r\tmtu 1500\n'],
    ['garbage', '\u0000\u0001 ### \\\\\n\n\n%%% ${x} <% y %>\n'],
  ])('%s', (_name, text) => {
    expect(print(parse(text))).toBe(text);
  });

  it.skipIf(!haveCorpus)('every corpus file prints back byte for byte', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(30);
    for (const [path, text] of files) expect(print(parse(text)), path).toBe(text);
  });

  it('holds for generated documents with comments, blanks, tabs, CRLF, continuations and no final newline', () => {
    const word = fc.stringMatching(/^[a-z0-9._:-]{1,8}$/);
    const ws = fc.constantFrom('', ' ', '\t', '  ', ' \t');
    const eol = fc.constantFrom('\n', '\r\n');
    const line = fc.oneof(
      fc.tuple(ws, word, word).map(([w, a, b]) => `${w}iface ${a} inet ${b}`),
      fc.tuple(ws, word).map(([w, a]) => `${w}iface ${a}`),
      fc.tuple(ws, fc.array(word, { maxLength: 3 })).map(([w, a]) => `${w}auto ${a.join(' ')}`),
      fc.tuple(ws, word, fc.array(word, { maxLength: 4 })).map(([w, k, v]) => `${w}${k} ${v.join(' ')}`),
      fc.tuple(ws, fc.string({ maxLength: 20 })).map(([w, c]) => `${w}#${c.replace(/[\r\n]/g, '')}`),
      ws,
      fc.tuple(ws, word).map(([w, k]) => `${w}${k} x \\`),
      fc.string({ maxLength: 30 }).map((s) => s.replace(/\n/g, '')),
    );
    const doc = fc
      .tuple(fc.array(fc.tuple(line, eol), { maxLength: 30 }), fc.boolean())
      .map(([ls, finalNl]) => {
        const s = ls.map(([l, e]) => l + e).join('');
        return finalNl ? s : s.replace(/\r?\n$/, '');
      });
    fc.assert(
      fc.property(doc, (text) => {
        expect(print(parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('structure', () => {
  it('recognises every kind of top-level line', () => {
    const doc = parse(
      [
        'source /etc/network/interfaces.d/*',
        'source-directory interfaces.d',
        'auto lo eth0',
        'allow-hotplug eth1',
        'no-auto-down eth0',
        'no-scripts eth1',
        'mapping eth*',
        '\tscript /usr/local/bin/map-scheme',
        '\tmap HOME eth0-home',
        'iface lo inet loopback',
        'iface vmbr1',
        '',
      ].join('\n'),
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['source', 'source-directory', 'auto', 'allow', 'no-auto-down', 'no-scripts', 'mapping', 'iface', 'iface']);
    expect((doc.blocks[3] as ListBlock).cls).toBe('hotplug');
    const mapping = doc.blocks[6];
    expect(mapping.kind === 'mapping' && textOf(doc, mapping.options)).toEqual(['script /usr/local/bin/map-scheme', 'map HOME eth0-home']);
    const [lo, vmbr1] = ifaces(doc);
    expect([lo.name, lo.family, lo.method]).toEqual(['lo', 'inet', 'loopback']);
    expect([vmbr1.name, vmbr1.family, vmbr1.method]).toEqual(['vmbr1', undefined, undefined]);
    expect(doc.diagnostics).toEqual([]);
  });

  it('takes options without indentation and options after a blank line (the seed NAT example)', () => {
    const doc = parse('iface vmbr0 inet static\naddress 10.10.10.1\n\npost-up echo 1 > /proc/sys/net/ipv4/ip_forward\nauto eth0\n');
    expect(textOf(doc, ifaces(doc)[0].options)).toEqual(['address 10.10.10.1', 'post-up echo 1 > /proc/sys/net/ipv4/ip_forward']);
  });

  it('joins continued lines into one logical option and counts physical lines', () => {
    const doc = parse('iface eth0 inet manual\n\tpost-up echo a \\\n\t\tb\n\tmtu 9000\n');
    const [eth0] = ifaces(doc);
    expect(textOf(doc, eth0.options)).toEqual(['post-up echo a \t\tb', 'mtu 9000']);
    expect(doc.lineNumbers).toEqual([1, 2, 4]);
  });

  it('keeps a # after text as part of the value', () => {
    const doc = parse('iface eth0 inet manual\n\tpost-up echo "#1" # not a comment\n');
    expect(doc.lines[1].kind).toBe('option');
    expect(ifaces(doc)[0].options).toEqual([1]);
    expect(doc.lines[1].text).toBe('post-up echo "#1" # not a comment');
  });

  it('reports malformed lines with their line numbers and keeps them', () => {
    const text = '\taddress 10.0.0.1\niface\niface eth0 inet\nauto\nallow- eth0\niface eth1 inet manual extra\n';
    const doc = parse(text);
    expect(doc.diagnostics.map((d) => [d.line, d.severity, d.rule])).toEqual([
      [1, 'error', 'option-outside-stanza'],
      [2, 'error', 'malformed-stanza'],
      [3, 'error', 'missing-method'],
      [4, 'warning', 'empty-list'],
      [5, 'error', 'malformed-allow'],
      [6, 'warning', 'extra-words'],
    ]);
    expect(print(doc)).toBe(text);
  });

  it('ends a stanza at auto/allow/source lines: a later option is outside any stanza', () => {
    const doc = parse('iface eth0 inet manual\nauto eth0\n\tmtu 1500\n');
    expect(doc.diagnostics.map((d) => [d.line, d.rule])).toEqual([[3, 'option-outside-stanza']]);
  });

  it('treats words that name Object.prototype members as plain options', () => {
    const doc = parse('iface eth0 inet manual\n\tconstructor x\n\ttoString\n\t__proto__ y\n');
    expect(doc.lines.slice(1).map((l) => l.kind)).toEqual(['option', 'option', 'option']);
    expect(ifaces(doc)[0].options).toEqual([1, 2, 3]);
  });

  it('splits words on runs of spaces and tabs, with or without tabs elsewhere in the file', () => {
    for (const text of ['iface a inet manual\n\tup x  y\t z\n', 'iface a inet manual\n  up x  y \t z \n']) {
      const doc = parse(text);
      expect(doc.lines[1].words).toEqual(['up', 'x', 'y', 'z']);
      expect(doc.lines[1].text).toBe(text.split('\n')[1].trim());
    }
  });

  it('picks the dominant line ending and indentation for new text', () => {
    expect(parse('a\r\nb\r\nc\n').eol).toBe('\r\n');
    expect(parse('iface a inet manual\n    mtu 1\n    x 2\n\tz 3\n').indent).toBe('    ');
    expect(parse('iface a inet manual\nmtu 1\n').indent).toBe('');
    expect(parse('').indent).toBe('\t');
  });
});

describe('comment ownership', () => {
  const text = [
    '# file header', // 0: top-level (blank follows)
    '',
    'auto eth0', // 2
    '#real IP adress', // 3: leading of eth0 (directly above, across its auto line)
    'iface eth0 inet static',
    '\taddress 10.0.0.2/24',
    '\t# inside', // 6: body
    '\tgateway 10.0.0.1',
    '# trailing', // 8: directly after body
    '',
    '# floating', // 10: top-level
    '',
    '# about bond0', // 12: leading of bond0
    'iface bond0 inet manual',
    '\tbond-slaves eth1',
    '#\tpre-up x', // 15: directly above the next header and unindented → leading of next
    'iface vmbr0 inet manual',
    '\tbridge-ports bond0',
    '\t# indented trailing', // 18: indented → stays with vmbr0
    'iface vmbr1 inet manual',
    '',
  ].join('\n');
  const doc = parse(text);
  const [eth0, bond0, vmbr0, vmbr1] = ifaces(doc);

  it('gives comments directly above a stanza to it, also across its auto line', () => {
    expect(eth0.leading).toEqual([3]);
    expect(eth0.start).toBe(3);
    expect(bond0.leading).toEqual([12]);
    expect(vmbr0.leading).toEqual([15]);
  });
  it('gives comments inside and directly after the body to the stanza', () => {
    expect(eth0.comments).toEqual([6, 8]);
    expect(eth0.end).toBe(9);
    expect(bond0.comments).toEqual([]);
    expect(vmbr0.comments).toEqual([18]);
    expect(vmbr1.leading).toEqual([]);
  });
  it('leaves separated comments to nobody', () => {
    const owned = new Set(ifaces(doc).flatMap((b) => [...b.leading, ...b.comments]));
    expect(owned.has(0)).toBe(false);
    expect(owned.has(10)).toBe(false);
  });
});
