/**
 * Unified diff of two texts, costing O(changed region) jsdiff work rather than O(file): the edit →
 * preview path of a large host file changes a few lines in tens of thousands.
 *
 * The output is exactly jsdiff's `createTwoFilesPatch(oldName, newName, oldText, newText,
 * undefined, undefined, { context, headerOptions })`, except that equal texts give ''. Pure JS
 * (the `diff` package): it runs in the browser too.
 */
import { createTwoFilesPatch, formatPatch, structuredPatch, type HeaderOptions, type StructuredPatch } from 'diff';

const CHUNK = 1024;

export interface UnifiedDiffOptions {
  /** Names in the `---`/`+++` lines (and the `Index:` line when equal). Default `a` and `b`. */
  oldName?: string;
  newName?: string;
  /** Lines of context around each change (default 3, as diff(1)). */
  context?: number;
  /** Header lines to print (jsdiff's headerOptions; default: `Index:`, `===`, `---`/`+++`). */
  headers?: HeaderOptions;
}

/**
 * The unified diff of `oldText` → `newText` ('' when they are equal).
 *
 * How: the common head and tail are found by comparing characters; jsdiff then only sees the
 * lines from `context` + 1 lines above the first difference down to a margin of lines below the
 * last one, and hunk positions are shifted back by the lines left out above. Cutting the head
 * changes nothing (jsdiff's first move is to skip the common head). Cutting the tail can: on
 * repetitive text jsdiff may align a change further down. So that run ends with a sentinel line
 * that neither text has, and a comparator watches it: if any alignment but the final one reached
 * the cut, or the sentinel shows as context, the margin grows (×16, up to the whole tail) and
 * jsdiff runs again. Otherwise that run explored exactly what a run on the whole texts explores,
 * and gives the same hunks.
 */
export function unifiedDiff(oldText: string, newText: string, opts: UnifiedDiffOptions = {}): string {
  const { oldName = 'a', newName = 'b', context = 3, headers } = opts;
  if (oldText === newText) return '';
  const a = oldText;
  const b = newText;
  const n = Math.min(a.length, b.length);
  // Common prefix and suffix (chars; the suffix does not overlap the prefix): compared by chunks
  // (string equality is a memory compare), then char by char.
  let p = 0;
  while (p + CHUNK <= n && a.substring(p, p + CHUNK) === b.substring(p, p + CHUNK)) p += CHUNK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s + CHUNK <= n - p && a.substring(a.length - s - CHUNK, a.length - s) === b.substring(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  // Region start: the start of the line holding the first difference, then `context` + 1 lines up
  // (inside the common prefix: the same offset in both texts).
  const lineStart = (i: number) => (i <= 0 ? 0 : a.lastIndexOf('\n', i - 1) + 1);
  let start = lineStart(p);
  for (let k = 0; k <= context && start > 0; k++) start = lineStart(start - 1);
  let skipped = 0; // lines above the region
  for (let i = a.indexOf('\n'); i !== -1 && i < start; i = a.indexOf('\n', i + 1)) skipped++;
  // The end of the line holding the last difference: the first line end inside the common suffix.
  // Region ends are counted from the end of the texts: the same in both.
  const lastEnd = a.indexOf('\n', a.length - s);
  for (let margin = context + 1; ; margin *= 16) {
    let e = lastEnd;
    for (let k = 0; k < margin && e !== -1; k++) e = a.indexOf('\n', e + 1);
    const tail = e === -1 ? 0 : a.length - (e + 1);
    if (start === 0 && tail === 0) return createTwoFilesPatch(oldName, newName, a, b, undefined, undefined, { context, headerOptions: headers });
    const oldPart = a.slice(start, a.length - tail);
    const newPart = b.slice(start, b.length - tail);
    const patch = tail === 0 ? structuredPatch(oldName, newName, oldPart, newPart, undefined, undefined, { context }) : cutPatch(oldName, newName, oldPart, newPart, context);
    if (!patch) continue;
    for (const h of patch.hunks) {
      // Structured hunks count lines from 1 whatever their size (formatPatch does the -1 for an
      // empty side): shift both by the lines left out above the region.
      h.oldStart += skipped;
      h.newStart += skipped;
    }
    return formatPatch(patch, headers);
  }
}

/**
 * structuredPatch of two regions that end with the same lines (≥ context + 1) and are followed by
 * more common lines in the texts; undefined when the cut may have changed jsdiff's alignment.
 */
function cutPatch(oldName: string, newName: string, oldPart: string, newPart: string, context: number): StructuredPatch | undefined {
  let sentinel = '\u0000netstage-end\u0000\n';
  for (let k = 0; oldPart.includes(sentinel) || newPart.includes(sentinel); k++) sentinel = `\u0000netstage-end-${k}\u0000\n`;
  let reached = false;
  const comparator = (left: string, right: string) => {
    if ((left === sentinel) !== (right === sentinel)) reached = true;
    return left === right;
  };
  // `comparator` is a diffLines option that structuredPatch passes on (its type leaves it out).
  const options = { context, comparator } as { context: number };
  const patch = structuredPatch(oldName, newName, oldPart + sentinel, newPart + sentinel, undefined, undefined, options);
  // The last change may sit below the last different character (jsdiff slides it along equal
  // lines): then the sentinel can end up as context.
  const last = patch.hunks[patch.hunks.length - 1]?.lines;
  if (reached || (last && last[last.length - 1] === ` ${sentinel.slice(0, -1)}`)) return undefined;
  return patch;
}
