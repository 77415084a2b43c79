/**
 * kill -9 in the middle of writing: a child process atomicWrite-s A, B, A, … to the staged path
 * while this process reads it without pause; the child is SIGKILLed mid-loop. Every read, and
 * the file left behind, must be exactly A or B, and nothing the child leaves may be a file
 * ifupdown could pick up.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { atomicWrite } from './atomic-write';
import { networkFiles } from './paths';
import { runScript } from './testing/child';
import { CONTENT_A, CONTENT_B } from './testing/contents';

const root = mkdtempSync(join(tmpdir(), 'netstage-crash-'));
const files = networkFiles(root);
mkdirSync(files.dir, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A temp of ours: hidden, so neither `source-directory` nor `source …/*` nor `interfaces*` match it. */
const HIDDEN_TEMP = /^\.interfaces\.new\.netstage-\d+-[0-9a-f]+\.tmp$/;

function which(bytes: Buffer): string {
  if (bytes.equals(CONTENT_A)) return 'A';
  if (bytes.equals(CONTENT_B)) return 'B';
  return `neither (${bytes.length} bytes)`;
}

it('never exposes a partial or empty file when the writer is killed with SIGKILL', async () => {
  await atomicWrite(files.staged, CONTENT_A); // so the path exists from the first read on
  const seen = new Map<string, number>();
  let orphans = 0;
  for (const killAfter of [15, 30, 45]) {
    const child = runScript('write-loop.ts', [files.staged]);
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        const what = which(await readFile(files.staged)); // ENOENT would fail the test too
        seen.set(what, (seen.get(what) ?? 0) + 1);
        for (const name of await readdir(files.dir)) {
          if (name !== 'interfaces.new') expect(name).toMatch(HIDDEN_TEMP);
        }
      }
    })();
    // Kill as soon as it says it starts a write, after enough complete ones.
    await child.waitForLine((l) => l === `writing ${killAfter}`);
    child.proc.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    stop = true;
    await reader;

    expect(['A', 'B']).toContain(which(readFileSync(files.staged)));
    const left = readdirSync(files.dir).filter((n) => n !== 'interfaces.new');
    for (const name of left) expect(name).toMatch(HIDDEN_TEMP);
    orphans += left.length;
  }
  // Every read was a whole A or B, and the reads overlapped the writes (both were seen).
  expect([...seen.keys()].sort()).toEqual(['A', 'B']);
  if (orphans === 0) console.info('crash test: no kill landed between temp creation and rename this run');

  // The next write clears temps of the dead writers.
  await atomicWrite(files.staged, CONTENT_B);
  expect(readdirSync(files.dir)).toEqual(['interfaces.new']);
  expect(readFileSync(files.staged).equals(CONTENT_B)).toBe(true);
}, 30_000);
