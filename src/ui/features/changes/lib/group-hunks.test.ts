import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addInterface, applyModel, modelOf, parse, print, removeInterface, unifiedDiff, type InterfaceModel } from '../../../../interfaces';
import { countLines, linesSummary, summarizeDiff } from './group-hunks';

const SAMPLE = readFileSync(new URL('../../../../server/demo/interfaces.sample', import.meta.url), 'utf8');
const NICS = ['eth0', 'eth1', 'eth2', 'eth3'];

/** The diff exactly as the server makes it (NetworkService.diff). */
const diffOf = (live: string, staged: string) =>
  unifiedDiff(live, staged, {
    oldName: '/etc/network/interfaces',
    newName: '/etc/network/interfaces.new',
    headers: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
  });

const bridge = (name: string, ports: string[], cidr?: string): InterfaceModel => ({
  name,
  type: 'bridge',
  autostart: true,
  hotplug: false,
  options: [],
  inet: cidr ? { method: 'static', cidr } : { method: 'manual' },
  bridge: { ports, stp: false, fd: 0 },
});

describe('summarizeDiff', () => {
  it('is empty for no diff', () => {
    expect(summarizeDiff('')).toEqual({ groups: [], added: 0, removed: 0 });
  });

  it('groups an added bridge under its name (auto line and blank line included)', () => {
    const staged = print(addInterface(parse(SAMPLE), bridge('vmbr1', ['eth1'], '192.168.50.1/24')));
    const s = summarizeDiff(diffOf(SAMPLE, staged));
    expect(s.groups.map((g) => g.names)).toEqual([['vmbr1']]);
    expect(s.groups[0].unowned).toBe(false);
    expect(s.removed).toBe(0);
    expect(s.added).toBeGreaterThanOrEqual(6);
    const lines = s.groups[0].hunks.flatMap((h) => h.lines);
    expect(lines.some((l) => l.kind === 'add' && l.text === 'auto vmbr1')).toBe(true);
    expect(lines.find((l) => l.text.startsWith('iface vmbr1'))?.newNo).toBe(20);
  });

  it('puts a change deep inside a stanza under that stanza, not a neighbour', () => {
    const doc = parse(SAMPLE);
    const m = modelOf(doc, 'vmbr0', { nics: NICS })!;
    const staged = print(applyModel(doc, { ...m, bridge: { ...m.bridge!, fd: 5 } }, { nics: NICS }));
    const s = summarizeDiff(diffOf(SAMPLE, staged), ['vmbr0']);
    expect(s.groups.map((g) => g.names)).toEqual([['vmbr0']]);
    expect(s.added).toBe(1);
    expect(s.removed).toBe(1);
  });

  it('keeps a removed interface apart from an edited one', () => {
    let doc = parse(SAMPLE);
    doc = removeInterface(doc, 'eth3');
    const m = modelOf(doc, 'vmbr0', { nics: NICS })!;
    doc = applyModel(doc, { ...m, mtu: 9000 }, { nics: NICS });
    const s = summarizeDiff(diffOf(SAMPLE, print(doc)), ['eth3', 'vmbr0']);
    const names = s.groups.flatMap((g) => g.names).sort();
    expect(names).toEqual(['eth3', 'vmbr0']);
    const eth3 = s.groups.find((g) => g.names.includes('eth3'))!;
    expect(eth3.removed).toBeGreaterThanOrEqual(1);
    expect(eth3.added).toBe(0);
  });

  it('gives a hunk without an iface line the stanza the previous hunk showed', () => {
    const diff = [
      '--- a',
      '+++ b',
      '@@ -1,4 +1,4 @@',
      ' auto vmbr0',
      ' iface vmbr0 inet static',
      '-\taddress 10.0.0.1/24',
      '+\taddress 10.0.0.2/24',
      ' \tbridge-ports eth0',
      '@@ -20,3 +20,3 @@',
      ' \tbridge-stp off',
      '-\tbridge-fd 0',
      '+\tbridge-fd 2',
      ' \tmtu 1500',
      '',
    ].join('\n');
    const s = summarizeDiff(diff, ['vmbr0']);
    expect(s.groups).toHaveLength(1);
    expect(s.groups[0].names).toEqual(['vmbr0']);
    expect(s.groups[0].hunks).toHaveLength(2);
    expect(s.groups[0].hunks[1].lines[1]).toEqual({ kind: 'del', text: '\tbridge-fd 0', oldNo: 21 });
  });

  it('gives a leading comment to the stanza below it and a trailing one to the stanza above', () => {
    const diff = [
      '--- a',
      '+++ b',
      '@@ -1,6 +1,8 @@',
      ' iface eth0 inet manual',
      ' \tmtu 1500',
      '+\t# jumbo later',
      ' ',
      '+# the uplink',
      ' auto vmbr0',
      ' iface vmbr0 inet manual',
      ' \tbridge-ports eth0',
      '',
    ].join('\n');
    const s = summarizeDiff(diff);
    expect(s.groups.map((g) => g.names)).toEqual([['eth0', 'vmbr0']]);
    const [trailing, leading] = s.groups[0].hunks[0].lines.filter((l) => l.kind === 'add');
    expect(trailing.text).toBe('\t# jumbo later');
    expect(leading.text).toBe('# the uplink');
  });

  it('attributes a renamed stanza to both names, each side to its own', () => {
    const diff = ['--- a', '+++ b', '@@ -1,3 +1,3 @@', '-auto vmbr1', '-iface vmbr1 inet manual', '+auto vmbr2', '+iface vmbr2 inet manual', ' \tbridge-ports none', ''].join('\n');
    const s = summarizeDiff(diff);
    expect(s.groups[0].names).toEqual(['vmbr1', 'vmbr2']);
  });

  it('puts lines outside any stanza in an unnamed group', () => {
    const diff = ['--- a', '+++ b', '@@ -1,2 +1,3 @@', ' # header', '+source /etc/network/interfaces.d/*', ' ', ''].join('\n');
    const s = summarizeDiff(diff);
    expect(s.groups).toEqual([expect.objectContaining({ names: [], unowned: true, added: 1, removed: 0 })]);
  });

  it('strips CR from CRLF files and keeps "no newline" notes as notes', () => {
    const diff = '--- a\n+++ b\n@@ -1,2 +1,2 @@\n iface eth0 inet manual\r\n-\tmtu 1500\r\n+\tmtu 9000\n\\ No newline at end of file\n';
    const s = summarizeDiff(diff);
    const lines = s.groups[0].hunks[0].lines;
    expect(lines[0].text).toBe('iface eth0 inet manual');
    expect(lines[1].text).toBe('\tmtu 1500');
    expect(lines[3].kind).toBe('note');
    expect(s.groups[0].names).toEqual(['eth0']);
  });

  it('marks lines it cannot place as unidentified instead of guessing', () => {
    const diff = ['--- a', '+++ b', '@@ -20,3 +20,3 @@', ' \tbridge-stp off', '-\tbridge-fd 0', '+\tbridge-fd 2', ' \tmtu 1500', ''].join('\n');
    expect(summarizeDiff(diff, ['vmbr1', 'vmbr2']).groups).toEqual([expect.objectContaining({ names: [], unidentified: true, unowned: false })]);
    expect(summarizeDiff(diff, ['vmbr2']).groups[0]).toEqual(expect.objectContaining({ names: ['vmbr2'], unidentified: false }));
  });

  it('never throws on a malformed diff (reads it leniently)', () => {
    const diff = ['--- a', '+++ b', '@@ -1,9 +1,9 @@', ' iface eth0 inet manual', '-\tmtu 1500', '+\tmtu 9000', ''].join('\n');
    const s = summarizeDiff(diff);
    expect(s.groups[0].names).toEqual(['eth0']);
    expect(s.added + s.removed).toBe(2);
  });

  it('counts added and removed lines like the groups do', () => {
    let doc = removeInterface(parse(SAMPLE), 'eth3');
    doc = addInterface(doc, bridge('vmbr1', ['eth1']));
    const diff = diffOf(SAMPLE, print(doc));
    const { added, removed } = summarizeDiff(diff);
    expect(countLines(diff)).toEqual({ added, removed });
    expect(removed).toBe(2);
    expect(countLines('')).toEqual({ added: 0, removed: 0 });
  });

  it('summarizes line counts in words', () => {
    expect(linesSummary({ added: 8, removed: 4 })).toBe('12 changed lines (8 added, 4 removed)');
    expect(linesSummary({ added: 1, removed: 0 })).toBe('1 changed line (1 added, 0 removed)');
  });

  it('groups a 2,000-bridge diff per bridge quickly', () => {
    let doc = parse(SAMPLE);
    for (let i = 1; i <= 2000; i++) doc = addInterface(doc, bridge(`vmbr${i}`, [], `10.${i >> 8}.${i & 255}.1/24`));
    const staged = print(doc);
    const diff = diffOf(SAMPLE, staged);
    const t0 = performance.now();
    const s = summarizeDiff(diff);
    const ms = performance.now() - t0;
    // One hunk holds every added stanza: its group names all of them, in order.
    const names = s.groups.flatMap((g) => g.names);
    expect(names).toHaveLength(2000);
    expect(names[0]).toBe('vmbr1');
    expect(ms).toBeLessThan(1000);
  });
});
