/**
 * Access to ../shared (the seed page and the corpus), read in place and never copied into the repo.
 * Tests that need them skip with a message when the folder is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = process.env.NETSTAGE_SHARED ?? resolve(repo, '../shared');
export const SEED_PAGE = join(SHARED, 'seed/000_b5e3f7ec39d04893.txt');
export const CORPUS = join(SHARED, 'corpus');

export const haveSeed = existsSync(SEED_PAGE);
export const haveCorpus = existsSync(CORPUS);
export const skipMessage = (what: string) => `${what} not found under ${SHARED}: skipped (set NETSTAGE_SHARED to its folder)`;

// Tests gate on haveSeed/haveCorpus with it.skipIf; say once why they are skipped.
if (!haveSeed) console.warn(skipMessage('the seed page'));
if (!haveCorpus) console.warn(skipMessage('the corpus'));

/**
 * The seed page's example configurations, in page order. The page is a numbered listing
 * ("58 ----"): strip each line's number, then take the text between `----` fences.
 */
export function seedExamples(): string[] {
  const lines = readFileSync(SEED_PAGE, 'utf8')
    .split('\n')
    .map((l) => /^\d+ ?(.*)$/.exec(l)?.[1] ?? l);
  const out: string[] = [];
  let cur: string[] | null = null;
  for (const l of lines) {
    if (l === '----') {
      if (cur) {
        out.push(cur.join('\n') + '\n');
        cur = null;
      } else cur = [];
    } else if (cur) cur.push(l);
  }
  return out;
}

/** Every regular file below the corpus folder, as [relative path, text]. */
export function corpusFiles(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.endsWith('.md') && !name.endsWith('.json') && name !== 'ip_link_details' && name !== 'active_interfaces')
        out.push([p.slice(CORPUS.length + 1), readFileSync(p, 'utf8')]);
    }
  };
  walk(CORPUS);
  return out;
}
