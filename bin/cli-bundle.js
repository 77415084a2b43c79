// Where the prebuilt CLI bundle lives and whether it is up to date with the sources it was built
// from. Shared by bin/netstage.js (which runs the bundle only when it is fresh, otherwise the
// TypeScript sources through tsx) and scripts/build-cli.mjs (which writes it).
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing slash. */
export const REPO = fileURLToPath(new URL('../', import.meta.url));

/** The bundle of src/cli/main.ts (`npm run build:cli`; dist/ is git-ignored). */
export const BUNDLE = `${REPO}dist/cli/netstage.mjs`;

/**
 * Every folder the bundle's own sources may come from (scripts/build-cli.mjs refuses to build a
 * bundle with a repo source outside them, so this list cannot silently fall behind the imports).
 */
export const SOURCE_DIRS = ['src/cli', 'src/interfaces', 'src/schema', 'src/server/auth', 'src/server/storage'];

/** Files outside SOURCE_DIRS that change what the build produces. */
export const BUILD_INPUTS = ['scripts/build-cli.mjs', 'tsconfig.json'];

/** Sources of the bundle: `.ts` files, tests excepted (editing a test does not make it stale). */
export const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

/**
 * The first source (repo-relative) modified after `sinceMs`, or undefined when none is. About 60
 * stat calls and a handful of readdirs: well under a millisecond with a warm cache.
 */
export function newerSource(sinceMs) {
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(REPO + rel, { withFileTypes: true });
    } catch {
      return undefined; // a folder that does not exist holds no newer source
    }
    for (const e of entries) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) {
        const found = walk(path);
        if (found) return found;
      } else if (isSource(e.name) && statSync(REPO + path).mtimeMs > sinceMs) return path;
    }
    return undefined;
  };
  for (const dir of SOURCE_DIRS) {
    const found = walk(dir);
    if (found) return found;
  }
  for (const file of BUILD_INPUTS) {
    const st = statSync(REPO + file, { throwIfNoEntry: false });
    if (st && st.mtimeMs > sinceMs) return file;
  }
  return undefined;
}

/**
 * Why the bundle cannot be used (missing, or older than a source), or undefined when it is fresh.
 * The build stamps the bundle's mtime with the time it *started* reading sources, so a source saved
 * during a build still counts as newer.
 */
export function bundleStaleness() {
  const st = statSync(BUNDLE, { throwIfNoEntry: false });
  if (!st) return 'no bundle';
  const newer = newerSource(st.mtimeMs);
  return newer ? `${newer} is newer than the bundle` : undefined;
}
