/**
 * Which interfaces each hunk of the pending diff belongs to, read from the two documents' stanza
 * index (not guessed from the diff text), so the panel can group the diff per interface and give
 * each group a Revert that reverts exactly those lines.
 *   - a changed line inside a stanza (its owned comments included) belongs to that interface;
 *   - a changed `auto`/`allow-*` line to the pending interfaces it lists;
 *   - blank lines, `source` lines and comments owned by no stanza belong to none.
 */
import { parsePatch } from 'diff';
import type { NetDocument } from '../../interfaces/types';

export interface HunkOwners {
  /** As in the hunk header `@@ -oldStart,… +newStart,… @@`. */
  oldStart: number;
  newStart: number;
  /** Interfaces whose lines the hunk changes, in order of appearance; [] for lines of none. */
  ifaces: string[];
}

/** phys line (1-based) → the names owning that line. */
function ownerLookup(doc: NetDocument, pending: ReadonlySet<string>): (phys: number) => readonly string[] {
  const owners: (readonly string[])[] = new Array(doc.lines.length).fill([]);
  for (const b of doc.blocks) {
    if (b.kind === 'iface') {
      if (b.name !== '') for (let i = b.start; i < b.end; i++) owners[i] = [b.name];
    } else if (b.kind === 'auto' || b.kind === 'allow' || b.kind === 'no-auto-down' || b.kind === 'no-scripts') {
      owners[b.line] = b.names.filter((n) => pending.has(n));
    }
  }
  const starts = doc.lineNumbers;
  return (phys) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || phys < starts[0]) return [];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= phys) lo = mid;
      else hi = mid - 1;
    }
    return owners[lo];
  };
}

export function hunkOwners(diff: string, live: NetDocument, staged: NetDocument, pending: Iterable<string>): HunkOwners[] {
  if (!diff) return [];
  const names = new Set(pending);
  const oldOwner = ownerLookup(live, names);
  const newOwner = ownerLookup(staged, names);
  return parsePatch(diff)[0].hunks.map((h) => {
    const found = new Set<string>();
    let oldNo = h.oldStart;
    let newNo = h.newStart;
    for (const line of h.lines) {
      if (line.startsWith('-')) for (const n of oldOwner(oldNo++)) found.add(n);
      else if (line.startsWith('+')) for (const n of newOwner(newNo++)) found.add(n);
      else if (line.startsWith(' ')) {
        oldNo++;
        newNo++;
      }
    }
    return { oldStart: h.oldStart, newStart: h.newStart, ifaces: [...found] };
  });
}
