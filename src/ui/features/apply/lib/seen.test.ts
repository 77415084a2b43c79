import { describe, expect, it } from 'vitest';
import { addSeen, needsAttention, readSeen, SEEN_KEY, type SeenStorage } from './seen';
import { record, rolledBack } from './test-records';

function memory(initial?: string): SeenStorage & { data: Map<string, string> } {
  const data = new Map<string, string>(initial === undefined ? [] : [[SEEN_KEY, initial]]);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('seen rollbacks', () => {
  it('reads nothing from empty, missing or broken storage', () => {
    expect(readSeen(undefined)).toEqual([]);
    expect(readSeen(memory())).toEqual([]);
    expect(readSeen(memory('not json'))).toEqual([]);
    expect(readSeen(memory('{"a":1}'))).toEqual([]);
    expect(readSeen(memory('["a", 2, "b"]'))).toEqual(['a', 'b']);
  });

  it('adds ids once, the newest last, keeping the last 20', () => {
    const s = memory();
    addSeen(s, 'a');
    addSeen(s, 'b');
    expect(addSeen(s, 'a')).toEqual(['b', 'a']);
    for (let i = 0; i < 30; i++) addSeen(s, `id${i}`);
    const kept = readSeen(s);
    expect(kept).toHaveLength(20);
    expect(kept.at(-1)).toBe('id29');
  });

  it('survives a storage that throws', () => {
    const throwing: SeenStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(addSeen(throwing, 'a')).toEqual(['a']);
  });

  it('asks for attention for an unseen rollback only', () => {
    const rb = rolledBack('not-confirmed');
    expect(needsAttention(rb, [])).toBe(true);
    expect(needsAttention(rb, [rb.id])).toBe(false);
    expect(needsAttention(record({ status: 'confirmed' }), [])).toBe(false);
    expect(needsAttention(null, [])).toBe(false);
    expect(needsAttention(record({ status: 'rollback-failed' }), [])).toBe(true);
  });
});
