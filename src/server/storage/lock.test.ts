/**
 * withLock in one process (queue) and across processes (lock file): serialised, timing out with
 * a 409 that names the holder, and recovering from locks whose holder died.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpError } from '../errors';
import { withLock } from './lock';
import { runScript } from './testing/child';

let dir: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netstage-lock-'));
  lock = join(dir, '.netstage.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A lock file as another process on this host would leave it. */
function plantLock(pid: number, ageMs = 0, content?: string) {
  writeFileSync(lock, content ?? JSON.stringify({ pid, host: hostname(), since: '2024-01-02T03:04:05.000Z', token: 'theirs' }));
  if (ageMs) {
    const t = (Date.now() - ageMs) / 1000;
    utimesSync(lock, t, t);
  }
}

describe('withLock in one process', () => {
  it('runs concurrent callers one at a time, so no update is lost', async () => {
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 25 }, () =>
        withLock(
          lock,
          async () => {
            most = Math.max(most, ++inside);
            const n = Number(await readFile(counter, 'utf8'));
            await stat(counter); // a real I/O round trip between read and write
            await writeFile(counter, String(n + 1));
            inside--;
          },
          { timeoutMs: 10_000 },
        ),
      ),
    );
    expect(most).toBe(1);
    expect(readFileSync(counter, 'utf8')).toBe('25');
    expect(existsSync(lock)).toBe(false);
  });

  it('writes who holds it into the lock file while held, and removes it after', async () => {
    const seen = await withLock(lock, () => JSON.parse(readFileSync(lock, 'utf8')), { timeoutMs: 1000 });
    expect(seen).toMatchObject({ pid: process.pid, host: hostname(), since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(existsSync(lock)).toBe(false);
  });

  it('returns what fn returns, and on a throw releases the lock and passes the error on', async () => {
    expect(await withLock(lock, () => 42, { timeoutMs: 1000 })).toBe(42);
    const boom = new Error('boom');
    await expect(withLock(lock, () => Promise.reject(boom), { timeoutMs: 1000 })).rejects.toBe(boom);
    expect(existsSync(lock)).toBe(false);
    expect(await withLock(lock, () => 'next', { timeoutMs: 1000 })).toBe('next');
  });

  it('times out a queued caller with 409, and the queue keeps its order afterwards', async () => {
    const gate = deferred();
    const entered = deferred();
    const order: string[] = [];
    const first = withLock(lock, async () => (entered.resolve(), order.push('first'), await gate.promise), { timeoutMs: 1000 });
    await entered.promise;
    const second = withLock(lock, () => order.push('second'), { timeoutMs: 30 });
    const third = withLock(lock, () => order.push('third'), { timeoutMs: 10_000 });
    const err = await second.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({
      status: 409,
      code: 'locked',
      message: expect.stringMatching(
        new RegExp(`^Another change to the network configuration is in progress \\(lock held by pid ${process.pid} since .+\\)\\. Try again in a moment\\.$`),
      ),
    });
    expect(order).toEqual(['first']); // third is still waiting for first
    gate.resolve();
    await first;
    await third;
    expect(order).toEqual(['first', 'third']);
  });

  it('keeps separate lock files independent', async () => {
    const gate = deferred();
    const held = withLock(lock, () => gate.promise, { timeoutMs: 1000 });
    await expect(withLock(join(dir, '.other.lock'), () => 'free', { timeoutMs: 50 })).resolves.toBe('free');
    gate.resolve();
    await held;
  });

  it('does not remove a lock file that is no longer its own at release', async () => {
    await withLock(lock, () => plantLock(1), { timeoutMs: 1000 });
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: 1, token: 'theirs' });
  });
});

describe('withLock across processes', () => {
  it('times out with 409 naming the pid of a live process that holds it, then gets it once released', async () => {
    const holder = runScript('hold-lock.ts', [lock]);
    try {
      await holder.waitForLine((l) => l === 'held');
      let ran = false;
      await expect(withLock(lock, () => (ran = true), { timeoutMs: 200, pollMs: 20 })).rejects.toMatchObject({
        status: 409,
        code: 'locked',
        message: expect.stringContaining(`(lock held by pid ${holder.pid} since `),
        details: { holder: { pid: holder.pid } },
      });
      expect(ran).toBe(false);
      holder.proc.stdin.end();
      await holder.waitForLine((l) => l === 'released');
      expect(await withLock(lock, () => 'mine', { timeoutMs: 1000 })).toBe('mine');
    } finally {
      holder.proc.kill('SIGKILL');
      await holder.exited;
    }
  });

  it('breaks a lock left by a process killed with -9 while holding it', async () => {
    const holder = runScript('hold-lock.ts', [lock]);
    await holder.waitForLine((l) => l === 'held');
    holder.proc.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(holder.pid); // left behind
    expect(await withLock(lock, () => JSON.parse(readFileSync(lock, 'utf8')).pid, { timeoutMs: 1000 })).toBe(process.pid);
    expect(existsSync(lock)).toBe(false);
  });

  it('serialises increments from several processes and this one (no lost update)', async () => {
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    const kids = [0, 1, 2].map(() => runScript('count.ts', [lock, counter, '15']));
    await Promise.all(kids.map((k) => k.waitForLine((l) => l === 'started')));
    for (let i = 0; i < 15; i++) {
      await withLock(
        lock,
        async () => {
          const n = Number(await readFile(counter, 'utf8'));
          await stat(counter);
          await writeFile(counter, String(n + 1));
        },
        { timeoutMs: 60_000, pollMs: 2 },
      );
    }
    const exits = await Promise.all(kids.map((k) => k.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
    expect(readFileSync(counter, 'utf8')).toBe('60');
    expect(existsSync(lock)).toBe(false);
  }, 30_000);
});

describe('stale lock files', () => {
  it('waits for a fresh lock of a live pid', async () => {
    plantLock(1);
    await expect(withLock(lock, () => 0, { timeoutMs: 100, pollMs: 10 })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('lock held by pid 1 since 2024-01-02T03:04:05.000Z'),
    });
    expect(existsSync(lock)).toBe(true);
  });

  it('breaks a lock older than the staleness limit even if its pid is alive (pid reuse)', async () => {
    plantLock(1, 60_000);
    expect(await withLock(lock, () => 'ok', { timeoutMs: 1000, staleMs: 30_000 })).toBe('ok');
    expect(existsSync(lock)).toBe(false);
  });

  it('treats an empty lock file as being written while fresh, and breaks it after a few seconds', async () => {
    plantLock(0, 0, '');
    await expect(withLock(lock, () => 0, { timeoutMs: 80, pollMs: 10 })).rejects.toMatchObject({ status: 409, code: 'locked' });
    plantLock(0, 10_000, '');
    expect(await withLock(lock, () => 'ok', { timeoutMs: 1000 })).toBe('ok');
  });

  it('lets exactly one of many concurrent breakers of the same dead lock in at a time', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid; // has exited: its pid is free
    // Paths reaching the same file through different directory symlinks are different queue
    // keys, so these callers meet only at the lock file, like separate processes would.
    const spellings = Array.from({ length: 8 }, (_, i) => {
      symlinkSync(dir, join(dir, `via${i}`));
      return join(dir, `via${i}`, '.netstage.lock');
    });
    for (let round = 0; round < 10; round++) {
      plantLock(dead);
      let inside = 0;
      let most = 0;
      await Promise.all(
        spellings.map((p) =>
          withLock(
            p,
            async () => {
              most = Math.max(most, ++inside);
              // Our lock file must stay ours while we hold it.
              expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.pid);
              await stat(lock);
              inside--;
            },
            { timeoutMs: 10_000, pollMs: 2 },
          ),
        ),
      );
      expect(most).toBe(1);
      expect(existsSync(lock)).toBe(false);
    }
  });
});
