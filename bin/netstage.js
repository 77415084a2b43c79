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
import { setFlagsFromString } from 'node:v8';
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

// Every command but `serve` (a server) is over in a fraction of a second: V8's optimising compiler
// (TurboFan) would spend more compiling the parser and the checks, on a second thread of a machine
// that may have two cores, than its code saves on a run this short. `netstage check` of the
// 43k-line benchmark file (bench/engine.bench.ts) uses about a third less CPU and finishes ~20 ms
// sooner without it; on files ten times larger it costs a little. Sparkplug, the quick baseline
// compiler, stays on. Set only now that the bundle and the Node modules it imports are loaded: a
// flag change makes V8 refuse the code cache Node compiles its own modules from (~5 ms more on a
// small file). The flag is known to V8 11-13 (Node 20-24): on another, leave V8 as it is rather
// than have it print an error.
if (process.argv[2] !== 'serve' && /^1[1-3]\./.test(process.versions.v8)) setFlagsFromString('--no-turbofan');

process.exitCode = await main(process.argv.slice(2));

// The read-only commands leave as soon as their output is written: a normal exit first waits for
// V8's background work on the heap a large file left (~10 ms on the benchmark file). Exiting from
// the callback of a last (empty) write loses no output, also where pipes are asynchronous.
if (['check', 'show', 'diff'].includes(process.argv[2])) {
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
}
