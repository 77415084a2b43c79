/** Sessions that outlive a restart: what is saved, what comes back, what does not. */
import { describe, expect, it } from 'vitest';
import { createSessionStore, type SavedSession } from './sessions';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('saved sessions', () => {
  it('are saved under a digest on sign-in and sign-out, never with their id', () => {
    const c = clock();
    const saves: SavedSession[][] = [];
    const store = createSessionStore({ now: c.now, onSave: (s) => saves.push(s) });
    const a = store.create('admin');
    expect(saves).toHaveLength(1);
    expect(saves[0]).toEqual([{ digest: expect.any(String), csrfToken: a.csrfToken, username: 'admin', createdAt: c.now(), lastSeen: c.now() }]);
    expect(JSON.stringify(saves)).not.toContain(a.id);
    store.destroy(a.id);
    expect(saves.at(-1)).toEqual([]);
    store.destroy(a.id); // already gone: nothing to save
    expect(saves).toHaveLength(2);
  });

  it('come back in a new store: the same cookie works, with the same CSRF token', () => {
    const c = clock();
    let saved: SavedSession[] = [];
    const first = createSessionStore({ now: c.now, onSave: (s) => (saved = s) });
    const a = first.create('admin');
    c.advance(5_000);
    const second = createSessionStore({ now: c.now, saved });
    expect(second.get(a.id)).toMatchObject({ id: a.id, username: 'admin', csrfToken: a.csrfToken });
    expect(second.get('x'.repeat(43))).toBeUndefined();
  });

  it('come back only while alive: idle or too old ones are dropped', () => {
    const c = clock();
    let saved: SavedSession[] = [];
    const first = createSessionStore({ now: c.now, idleMs: 60_000, absoluteMs: 600_000, onSave: (s) => (saved = s) });
    const idle = first.create('idle');
    c.advance(30_000);
    const fresh = first.create('fresh');
    c.advance(40_000); // idle: 70 s without a request; fresh: 40 s
    const second = createSessionStore({ now: c.now, idleMs: 60_000, absoluteMs: 600_000, saved });
    expect(second.get(idle.id)).toBeUndefined();
    expect(second.get(fresh.id)?.username).toBe('fresh');
  });

  it("save a request's lastSeen at most once per saveEveryMs", () => {
    const c = clock();
    const saves: SavedSession[][] = [];
    const store = createSessionStore({ now: c.now, saveEveryMs: 60_000, onSave: (s) => saves.push(s) });
    const a = store.create('admin');
    c.advance(10_000);
    store.get(a.id);
    expect(saves).toHaveLength(1);
    c.advance(50_000);
    store.get(a.id);
    expect(saves).toHaveLength(2);
    expect(saves[1][0].lastSeen).toBe(c.now());
  });
});
