/**
 * `write-loop.ts PATH`: atomicWrite A, B, A, … to PATH forever, printing `writing N` before
 * each write (so a parent can kill it mid-write) and `wrote N` after.
 */
import { atomicWrite } from '../atomic-write';
import { CONTENT_A, CONTENT_B } from './contents';

const path = process.argv[2];
for (let i = 1; ; i++) {
  process.stdout.write(`writing ${i}\n`);
  await atomicWrite(path, i % 2 ? CONTENT_A : CONTENT_B);
  process.stdout.write(`wrote ${i}\n`);
}
