import { describe, expect, it } from 'vitest';
import { diffRows, diffStats, statsText } from './diff';

const DIFF = [
  '--- /etc/network/interfaces',
  '+++ /etc/network/interfaces.new',
  '@@ -1,3 +1,4 @@',
  ' iface vmbr0 inet static',
  '-\taddress 10.0.0.1/24',
  '+\taddress 10.0.0.2/24',
  '+\tmtu 9000',
  '\\ No newline at end of file',
  '',
].join('\n');

describe('apply diff', () => {
  it('tells the kinds of lines apart', () => {
    expect(diffRows(DIFF).map((r) => r.kind)).toEqual(['file', 'file', 'hunk', 'ctx', 'del', 'add', 'add', 'note']);
    expect(diffRows('')).toEqual([]);
    expect(diffRows('-a\r\n+b\r\n').map((r) => r.text)).toEqual(['-a', '+b']);
  });

  it('counts added and removed lines (not the file headers)', () => {
    expect(diffStats(DIFF)).toEqual({ added: 2, removed: 1 });
    expect(statsText(diffStats(DIFF))).toBe('+2 −1 lines');
    expect(statsText({ added: 1, removed: 0 })).toBe('+1 −0 line');
    expect(statsText(diffStats(''))).toBe('no changed lines');
  });
});
