/**
 * `count.ts LOCK COUNTER N`: N times, under the lock, read the number in COUNTER and write it
 * back plus one, with a file-system round trip in between so unlocked writers would lose updates.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { withLock } from '../lock';

const [lock, counter, n] = process.argv.slice(2);
process.stdout.write('started\n');
for (let i = 0; i < Number(n); i++) {
  await withLock(
    lock,
    async () => {
      const value = Number(await readFile(counter, 'utf8'));
      await stat(counter);
      await writeFile(counter, String(value + 1));
    },
    { timeoutMs: 60_000, pollMs: 2 },
  );
}
process.stdout.write('done\n');
