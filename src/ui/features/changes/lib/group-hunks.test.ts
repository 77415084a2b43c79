import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addInterface, applyModel, modelOf, parse, print, unifiedDiff, type InterfaceModel } from '../../../../interfaces';
import { hunkOwners } from '../../../../server/network/hunk-owners';
import { countLines, linesSummary, readHunks, summarizeDiff } from './group-hunks';

const SAMPLE = readFileSync(new URL('../../../../server/demo/interfaces.sample', import.meta.url), 'utf8');
const NICS = ['eth0', 'eth1', 'eth2', 'eth3'];

/** The diff and its hunks' owners exactly as GET /network/changes makes them. */
function changesOf(live: string, staged: string, pending: string[]) {
  const diff = unifiedDiff(live, staged, {
    oldName: '/etc/network/interfaces',
    newName: '/etc/network/interfaces.new',
    headers: { includeIndex: false, includeUnderline: false, includeFileHeaders: true },
  });
  return { diff, hunks: hunkOwners(diff, parse(live), parse(staged), pending) };
}

const bridge = (name: string, ports: string[], cidr?: string): InterfaceModel => ({
  name,
  type: 'bridge',
  autostart: true,
  hotplug: false,
  options: [],
  inet: cidr ? { method: 'static', cidr } : { method: 'manual' },
  bridge: { ports, stp: false, fd: 0 },
});

/** A hand-made diff of two hunks (lines 1-3 and 20-22). */
const TWO_HUNKS = [
  '--- a',
  '+++ b',
  '@@ -1,3 +1,3 @@',
  ' # header',
  '-source /etc/network/interfaces.d/*',
  '+source-directory /etc/network/interfaces.d',
  ' ',
  '@@ -20,3 +20,4 @@',
  ' iface vmbr0 inet static',
  '-\taddress 10.0.0.1/24',
  '+\taddress 10.0.0.2/24',
  '+\tmtu 9000',
  ' \tbridge-ports eth0',
  '',
].join('\n');

describe('summarizeDiff', () => {
  it('is empty for no diff', () => {
    expect(summarizeDiff('', [])).toEqual({ groups: [], added: 0, removed: 0 });
  });

  it('groups per interface, by the owners the server read from the files', () => {
    let doc = parse(SAMPLE);
    doc = addInterface(doc, bridge('vmbr1', ['eth1'], '192.168.50.1/24'));
    const m = modelOf(doc, 'vmbr0', { nics: NICS })!;
    doc = applyModel(doc, { ...m, bridge: { ...m.bridge!, fd: 5 } }, { nics: NICS });
    const { diff, hunks } = changesOf(SAMPLE, print(doc), ['vmbr0', 'vmbr1']);
    expect(hunks.length).toBeGreaterThan(1);
    const s = summarizeDiff(diff, hunks);
    expect(s.groups.map((g) => g.names).sort()).toEqual([['vmbr0'], ['vmbr1']]);
    const vmbr0 = s.groups.find((g) => g.names[0] === 'vmbr0')!;
    expect([vmbr0.added, vmbr0.removed]).toEqual([1, 1]);
    expect(vmbr0.hunks.flatMap((h) => h.lines).filter((l) => l.kind === 'add')).toEqual([{ kind: 'add', text: '\tbridge-fd 5', newNo: expect.any(Number) }]);
    const vmbr1 = s.groups.find((g) => g.names[0] === 'vmbr1')!;
    expect(vmbr1.hunks.flatMap((h) => h.lines).some((l) => l.kind === 'add' && l.text === 'iface vmbr1 inet static')).toBe(true);
    expect(s.added).toBe(vmbr0.added + vmbr1.added);
    expect(countLines(diff)).toEqual({ added: s.added, removed: s.removed });
  });

  it('keeps a hunk owned by two interfaces as one group naming both', () => {
    const s = summarizeDiff(TWO_HUNKS, [
      { oldStart: 1, newStart: 1, ifaces: [] },
      { oldStart: 20, newStart: 20, ifaces: ['vmbr0', 'vmbr1'] },
    ]);
    expect(s.groups.map((g) => g.names)).toEqual([[], ['vmbr0', 'vmbr1']]);
    expect(s.groups[1]).toMatchObject({ key: 'vmbr0 vmbr1', added: 2, removed: 1 });
  });

  it('puts hunks of no interface, and hunks the server gave no owner, in the other lines', () => {
    const s = summarizeDiff(TWO_HUNKS, [{ oldStart: 1, newStart: 1, ifaces: [] }]);
    expect(s.groups).toEqual([expect.objectContaining({ key: '', names: [], added: 3, removed: 2 })]);
    expect(s.groups[0].hunks.map((h) => h.header)).toEqual(['@@ -1,3 +1,3 @@', '@@ -20,3 +20,4 @@']);
  });

  it('puts the hunks of one interface together, and matches owners by their start lines', () => {
    const diff = TWO_HUNKS.replace('-source /etc/network/interfaces.d/*\n+source-directory /etc/network/interfaces.d', '-auto vmbr0\n+auto vmbr0 eth1');
    // The owners' order differs from the diff's: the start lines decide.
    const s = summarizeDiff(diff, [
      { oldStart: 20, newStart: 20, ifaces: ['vmbr0'] },
      { oldStart: 1, newStart: 1, ifaces: ['vmbr0'] },
    ]);
    expect(s.groups).toHaveLength(1);
    expect(s.groups[0]).toMatchObject({ names: ['vmbr0'], added: 3, removed: 2 });
    expect(s.groups[0].hunks).toHaveLength(2);
  });

  it('summarizes line counts in words', () => {
    expect(linesSummary({ added: 8, removed: 4 })).toBe('12 changed lines (8 added, 4 removed)');
    expect(linesSummary({ added: 1, removed: 0 })).toBe('1 changed line (1 added, 0 removed)');
    expect(countLines('')).toEqual({ added: 0, removed: 0 });
  });
});

describe('readHunks', () => {
  it('numbers the lines of each side', () => {
    const [, second] = readHunks(TWO_HUNKS);
    expect(second.lines).toEqual([
      { kind: 'ctx', text: 'iface vmbr0 inet static', oldNo: 20, newNo: 20 },
      { kind: 'del', text: '\taddress 10.0.0.1/24', oldNo: 21 },
      { kind: 'add', text: '\taddress 10.0.0.2/24', newNo: 21 },
      { kind: 'add', text: '\tmtu 9000', newNo: 22 },
      { kind: 'ctx', text: '\tbridge-ports eth0', oldNo: 22, newNo: 23 },
    ]);
  });

  it('strips CR from CRLF files and keeps "no newline" notes as notes', () => {
    const [h] = readHunks('--- a\n+++ b\n@@ -1,2 +1,2 @@\n iface eth0 inet manual\r\n-\tmtu 1500\r\n+\tmtu 9000\n\\ No newline at end of file\n');
    expect(h.lines.map((l) => [l.kind, l.text])).toEqual([
      ['ctx', 'iface eth0 inet manual'],
      ['del', '\tmtu 1500'],
      ['add', '\tmtu 9000'],
      ['note', ' No newline at end of file'],
    ]);
  });

  it('takes the lines its header counts: a removed "-- " line is not a file header', () => {
    const [h] = readHunks('--- a\n+++ b\n@@ -1,2 +1,1 @@\n--- not a header\n+++ nor this\n-x\n');
    // -1,2 +1,1: one line added, two removed.
    expect(h.lines.map((l) => l.kind)).toEqual(['del', 'add', 'del']);
    expect(h.lines[0].text).toBe('-- not a header');
  });

  it('groups a 2,000-bridge diff under the names of its bridges (bench/panel.bench.ts times it)', () => {
    let doc = parse(SAMPLE);
    for (let i = 1; i <= 2000; i++) doc = addInterface(doc, bridge(`vmbr${i}`, [], `10.${i >> 8}.${i & 255}.1/24`));
    const names = Array.from({ length: 2000 }, (_, i) => `vmbr${i + 1}`);
    const { diff, hunks } = changesOf(SAMPLE, print(doc), names);
    const s = summarizeDiff(diff, hunks);
    expect(new Set(s.groups.flatMap((g) => g.names))).toEqual(new Set(names));
    expect(s.added).toBeGreaterThan(2000 * 3);
  });
});
