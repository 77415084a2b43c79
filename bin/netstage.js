#!/usr/bin/env node
// The netstage command. Runs the TypeScript sources directly through tsx (no build step):
// `node bin/netstage.js --help`, `npm run netstage -- check FILE`, or `netstage` once linked.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The repo's own tsconfig, whatever the current directory is.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

// `netstage show … | head`: a closed pipe is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
