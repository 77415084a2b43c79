#!/usr/bin/env node
// The netstage command: `node bin/netstage.js --help`, `npm run netstage -- check FILE`, or
// `npx netstage …` / `netstage` once linked.
//
// Runs dist/cli/netstage.mjs, the CLI bundled ahead of time (`npm run build:cli`, done by
// `npm install`, `npm test` and `npm run bench`), when it is newer than every source it is built
// from; otherwise (no bundle yet, or sources edited since) the TypeScript sources through tsx, so
// an edit is never run stale. NETSTAGE_CLI=tsx always runs the sources; NETSTAGE_CLI=bundle
// always runs the bundle, fresh or not.
import { pathToFileURL } from 'node:url';
import { BUNDLE, bundleStaleness, REPO } from './cli-bundle.js';

// `netstage show … | head`: a closed pipe is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const how = process.env.NETSTAGE_CLI;
let entry;
if (how === 'bundle' || (how !== 'tsx' && bundleStaleness() === undefined)) {
  entry = pathToFileURL(BUNDLE).href;
} else {
  const { register } = await import('tsx/esm/api');
  // The repo's own tsconfig, whatever the current directory is.
  register({ tsconfig: `${REPO}tsconfig.json` });
  entry = pathToFileURL(`${REPO}src/cli/main.ts`).href;
}

const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
