/**
 * The pending diff (GET /network/changes) read into hunks and grouped by the interfaces the server
 * says each hunk changes (`hunks[i].ifaces`, read from the two files' stanza index), so each group
 * can get a "Revert" per interface. Hunks the server gives no interface (blank lines, `source`
 * lines, comments of no stanza) go to one group of other lines, reverted with everything else.
 * Nothing is guessed from the diff text. Pure: tested.
 */
import type { ChangesResponse } from '../../../../schema/responses';

export type DiffLineKind = 'add' | 'del' | 'ctx' | 'note';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line without its +/-/space marker (and without a trailing CR). */
  text: string;
  /** Line number in the live file (del, ctx). */
  oldNo?: number;
  /** Line number in the staged file (add, ctx). */
  newNo?: number;
}

export interface DiffHunk {
  /** `@@ -12,7 +12,9 @@` */
  header: string;
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

export type HunkOwners = ChangesResponse['hunks'][number];

export interface DiffGroup {
  /** Stable key: the names joined ('' for the other lines). */
  key: string;
  /** The interfaces the group's hunks change, in order of appearance; [] for the other lines. */
  names: string[];
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

export interface DiffSummary {
  groups: DiffGroup[];
  added: number;
  removed: number;
}

const HEADER_RE = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * The hunks of a one-file unified diff. A hunk takes as many lines as its header counts (so a
 * removed `-- …` line is never mistaken for a file header), plus its "\ No newline" notes.
 */
export function readHunks(diffText: string): DiffHunk[] {
  const rows = diffText.split('\n');
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < rows.length) {
    const header = rows[i++].replace(/\r$/, '');
    const m = HEADER_RE.exec(header);
    if (!m) continue;
    const hunk: DiffHunk = { header, oldStart: +m[1], newStart: +m[3], lines: [] };
    let oldLeft = m[2] === undefined ? 1 : +m[2];
    let newLeft = m[4] === undefined ? 1 : +m[4];
    let oldNo = hunk.oldStart;
    let newNo = hunk.newStart;
    for (; i < rows.length; i++) {
      const raw = rows[i];
      const marker = raw[0];
      const text = raw.slice(1).replace(/\r$/, '');
      if (marker === '\\') {
        hunk.lines.push({ kind: 'note', text });
      } else if (oldLeft <= 0 && newLeft <= 0) {
        break;
      } else if (marker === '+') {
        hunk.lines.push({ kind: 'add', text, newNo: newNo++ });
        newLeft--;
      } else if (marker === '-') {
        hunk.lines.push({ kind: 'del', text, oldNo: oldNo++ });
        oldLeft--;
      } else if (marker === ' ' || raw === '') {
        // ('' : a context line whose space a mailer or editor stripped)
        hunk.lines.push({ kind: 'ctx', text, oldNo: oldNo++, newNo: newNo++ });
        oldLeft--;
        newLeft--;
      } else break;
    }
    hunks.push(hunk);
  }
  return hunks;
}

const countOf = (h: DiffHunk, kind: DiffLineKind) => h.lines.reduce((n, l) => n + (l.kind === kind ? 1 : 0), 0);

/**
 * Group the diff's hunks by their owners (GET /network/changes `hunks`, one per hunk in order; a
 * hunk is matched by its position and start lines, else by its start lines). A hunk without an
 * owner goes to the other lines.
 */
export function summarizeDiff(diffText: string, owners: readonly HunkOwners[] = []): DiffSummary {
  const groups = new Map<string, DiffGroup>();
  let added = 0;
  let removed = 0;
  readHunks(diffText).forEach((hunk, i) => {
    const same = (o: HunkOwners | undefined) => o !== undefined && o.oldStart === hunk.oldStart && o.newStart === hunk.newStart;
    const names = (same(owners[i]) ? owners[i] : owners.find(same))?.ifaces ?? [];
    const key = names.join(' ');
    const a = countOf(hunk, 'add');
    const r = countOf(hunk, 'del');
    added += a;
    removed += r;
    const g = groups.get(key) ?? groups.set(key, { key, names: [...names], hunks: [], added: 0, removed: 0 }).get(key)!;
    g.hunks.push(hunk);
    g.added += a;
    g.removed += r;
  });
  return { groups: [...groups.values()], added, removed };
}

/** Added and removed lines of a diff, without grouping (for the Revert all confirmation). */
export function countLines(diffText: string): Pick<DiffSummary, 'added' | 'removed'> {
  const { added, removed } = summarizeDiff(diffText);
  return { added, removed };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "12 changed lines (8 added, 4 removed)" */
export function linesSummary(s: Pick<DiffSummary, 'added' | 'removed'>): string {
  return `${plural(s.added + s.removed, 'changed line')} (${s.added} added, ${s.removed} removed)`;
}
