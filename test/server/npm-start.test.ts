/**
 * The README's `npm start`: build the panel if needed, then `netstage serve --demo`. npm appends
 * the arguments after `--`, so `npm start -- DIR --port 0` serves a demo made in DIR on a free
 * port, leaving a developer's `.demo` and port 8640 alone.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkDemo, REPO, serverOf, spawnChild, stopAll } from '../support/server-process';

let dir: string | undefined;

afterAll(async () => {
  await stopAll();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('npm start -- DIR --port 0 serves a working demo made in DIR', { timeout: 25_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'netstage-npm-start-'));
  const demo = join(dir, 'demo');
  const hadDotDemo = existsSync(join(REPO, '.demo'));
  // Its own process group: stopping it also ends the shell and node npm started.
  const child = spawnChild('npm', ['start', '--silent', '--', demo, '--port', '0'], { detached: true });
  const server = await serverOf(child, true);
  expect(child.lines).toContain(`netstage: made the demo host in ${demo}`);
  await checkDemo(server, demo);
  expect(existsSync(join(REPO, '.demo')), 'npm start with a folder leaves .demo alone').toBe(hadDotDemo);
});
