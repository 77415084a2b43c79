/**
 * The CLI over the whole corpus (../shared/corpus): `netstage edit F` reproduces F byte for byte,
 * and check/show never fail internally. main() runs in-process for the bulk (spawning 50 processes
 * would take ~10 s); a few files are spawned to cover the real entry point.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, corpusFiles, haveCorpus, skipMessage } from '../../test/support/shared';
import { netstage, runMain } from './testing';

const files = haveCorpus ? corpusFiles().map(([rel]) => rel) : [];

describe('netstage over the corpus', () => {
  if (!haveCorpus) console.warn(skipMessage('corpus'));

  it.skipIf(!haveCorpus)('edit with no operation reproduces every file byte for byte (in-process)', async () => {
    expect(files.length).toBeGreaterThan(0);
    const mismatched: string[] = [];
    for (const rel of files) {
      const path = join(CORPUS, rel);
      const r = await runMain(['edit', path]);
      expect(r.stderr, rel).toBe('');
      expect(r.code, rel).toBe(0);
      if (!r.stdout.equals(readFileSync(path))) mismatched.push(rel);
    }
    expect(mismatched).toEqual([]);
  });

  it.skipIf(!haveCorpus)('check and show --json run on every file without an internal error', async () => {
    for (const rel of files) {
      const path = join(CORPUS, rel);
      const c = await runMain(['check', path]);
      expect([0, 1], rel).toContain(c.code);
      expect(c.stderr, rel).toBe('');
      for (const line of c.out.split('\n').filter(Boolean)) expect(line.startsWith(path + ':'), line).toBe(true);
      const s = await runMain(['show', '--json', path]);
      expect(s.code, rel).toBe(0);
      const data = JSON.parse(s.out);
      expect(Array.isArray(data.interfaces) && Array.isArray(data.diagnostics), rel).toBe(true);
      const t = await runMain(['show', path]);
      expect(t.code, rel).toBe(0);
    }
  });

  it.skipIf(!haveCorpus)('spawned: edit reproduces a few files byte for byte', async () => {
    const some = [files[0], files[Math.floor(files.length / 2)], files[files.length - 1]];
    const results = await Promise.all(some.map((rel) => netstage(['edit', join(CORPUS, rel)])));
    results.forEach((r, i) => {
      expect(r.code, some[i]).toBe(0);
      expect(r.stdout.equals(readFileSync(join(CORPUS, some[i]))), some[i]).toBe(true);
    });
  });
});
