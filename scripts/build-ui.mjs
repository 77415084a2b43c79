#!/usr/bin/env node
// Build the panel (vite → dist/ui) when it is missing or older than any of its sources.
//   node scripts/build-ui.mjs            build if needed (npm start runs this)
//   node scripts/build-ui.mjs --force    always build
// vite runs as a child process with an argument array (no shell).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const OUTPUT = `${REPO}dist/ui/index.html`;
const INPUTS = ['src/ui', 'src/schema', 'src/interfaces', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newest(rel) {
  let st;
  try {
    st = statSync(REPO + rel);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(REPO + rel)) max = Math.max(max, newest(`${rel}/${e}`));
  return max;
}

let built = 0;
try {
  built = statSync(OUTPUT).mtimeMs;
} catch {
  /* not built yet */
}
const stale = INPUTS.some((p) => newest(p) > built);
if (!stale && !process.argv.includes('--force')) process.exit(0);

console.log(built ? 'netstage: the panel changed since it was built; building it (vite)…' : 'netstage: building the panel (vite)…');
const res = spawnSync(process.execPath, [`${REPO}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
if (res.status !== 0) {
  console.error('netstage: building the panel failed (see above)');
  process.exit(res.status ?? 1);
}
