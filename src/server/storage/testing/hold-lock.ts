/** `hold-lock.ts LOCK`: take the lock, print `held`, keep it until stdin closes, print `released`. */
import { withLock } from '../lock';

const lock = process.argv[2];
await withLock(
  lock,
  async () => {
    process.stdout.write('held\n');
    process.stdin.resume();
    await new Promise((done) => process.stdin.on('end', done));
  },
  { timeoutMs: 30_000 },
);
process.stdout.write('released\n');
