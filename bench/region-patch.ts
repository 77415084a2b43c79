/**
 * A unified diff that costs O(changed region), not O(file) jsdiff work: for the engine bench, and a
 * candidate for the app (the edit → preview path). See regionPatch.
 */
import { createTwoFilesPatch, formatPatch, structuredPatch } from 'diff';

/**
 * Unified diff of `a` → `b`, the same as `createTwoFilesPatch(nameA, nameB, a, b, undefined,
 * undefined, { context })` (jsdiff's default context is 4 lines, like here; diff(1)'s is 3),
 * but jsdiff only sees the lines between the first and the last difference plus `context`
 * lines either side: common head and tail are skipped with a character scan, then hunk line
 * numbers are shifted back. Cost: O(file) char compare + jsdiff on a few lines.
 */
export function regionPatch(nameA: string, nameB: string, a: string, b: string, context = 4): string {
  const n = Math.min(a.length, b.length);
  let p = 0; // common prefix (chars)
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p === a.length && p === b.length) return createTwoFilesPatch(nameA, nameB, a, b, undefined, undefined, { context });
  let s = 0; // common suffix (chars), not overlapping the prefix
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  // Region start: the start of the line holding the first difference, then `context` + 1 lines up
  // (inside the common prefix, so the same offset in both texts).
  const lineStart = (i: number) => (i <= 0 ? 0 : a.lastIndexOf('\n', i - 1) + 1); // of the line holding i
  let start = lineStart(p);
  for (let k = 0; k <= context && start > 0; k++) start = lineStart(start - 1);
  // Region end: the first line end inside the common suffix, then `context` + 1 lines down; as a
  // distance from the end it is the same in both texts.
  let e = a.indexOf('\n', a.length - s);
  for (let k = 0; k <= context && e !== -1; k++) e = a.indexOf('\n', e + 1);
  const tail = e === -1 ? 0 : a.length - (e + 1);
  let skipped = 0; // lines before `start`
  for (let i = a.indexOf('\n'); i !== -1 && i < start; i = a.indexOf('\n', i + 1)) skipped++;
  const patch = structuredPatch(nameA, nameB, a.slice(start, a.length - tail), b.slice(start, b.length - tail), undefined, undefined, { context });
  for (const h of patch.hunks) {
    // Structured hunks count lines from 1 whatever their size (formatPatch does the -1 for an
    // empty side): shift both by the lines left out above the region.
    h.oldStart += skipped;
    h.newStart += skipped;
  }
  return formatPatch(patch);
}
