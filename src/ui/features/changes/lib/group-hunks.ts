/**
 * The pending diff (GET /network/changes), parsed with jsdiff's parsePatch and grouped by the
 * interfaces its changed lines belong to, so each group can get its own "Revert" button.
 *
 * The API sends the diff only (not the two files), so ownership is read from the lines themselves:
 *   - an `iface NAME …` line: NAME, and NAME becomes the current stanza of its side (old for `-`,
 *     new for `+`, both for context lines);
 *   - `auto`/`allow-*`/`no-auto-down`/`no-scripts` lines: the names they list;
 *   - a comment right under a stanza's lines: that stanza; a comment after a blank line: the stanza
 *     that follows it (leading comments belong to the next `iface`);
 *   - a blank line: whatever its neighbours belong to (it never adds a name to a group);
 *   - `source`/`mapping` lines and the file's header comments: no interface;
 *   - any other line (an option): the current stanza of its side.
 * A hunk that starts inside a stanza does not show its `iface` line. Its lines are given to the
 * one pending interface (GET /network's `changes`) that no other hunk names, else to the nearest
 * `iface` line above it in the diff when that interface is pending, else they form a group of
 * unidentified lines (no per-interface Revert: reverting all still works). Pure: tested.
 */
import { parsePatch } from 'diff';

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
  lines: DiffLine[];
}

export interface DiffGroup {
  /** Stable key: the names joined (plus a marker for lines outside any interface or unidentified). */
  key: string;
  /** Interfaces the group's changed lines belong to, in order of appearance. */
  names: string[];
  /** Also holds changed lines outside any interface (source lines, the file's header). */
  unowned: boolean;
  /** Also holds changed lines whose interface could not be told from the diff. */
  unidentified: boolean;
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

export interface DiffSummary {
  groups: DiffGroup[];
  added: number;
  removed: number;
}

interface RawHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

const IFACE_RE = /^\s*iface\s+(\S+)/;
const LIST_RE = /^\s*(?:auto|allow-[\w-]+|no-auto-down|no-scripts)\b(.*)$/;
const BLANK_RE = /^\s*$/;
const COMMENT_RE = /^\s*#/;
const TOPLEVEL_RE = /^\s*(?:source|source-directory|mapping)\b/;

/** The stanza a hunk starts in when it does not show it. */
const UNKNOWN = '\u0000unknown';
/** Owner of a blank line: whatever else the hunk holds. */
const BLANK = '\u0000blank';

type Side = 'old' | 'new';
/** Owners of one line: names, [] for outside any interface, [UNKNOWN] or [BLANK]. */
type Owners = string[];

const hunkHeader = (h: RawHunk) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`;

/** parsePatch, or, if it refuses the text, a lenient reading of the same format (never throws). */
export function readHunks(diffText: string): RawHunk[] {
  try {
    return parsePatch(diffText).flatMap((p) => p.hunks);
  } catch {
    const hunks: RawHunk[] = [];
    let cur: RawHunk | null = null;
    for (const line of diffText.split('\n')) {
      const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (m) {
        cur = { oldStart: +m[1], oldLines: m[2] === undefined ? 1 : +m[2], newStart: +m[3], newLines: m[4] === undefined ? 1 : +m[4], lines: [] };
        hunks.push(cur);
      } else if (cur && /^[ +\-\\]/.test(line) && !line.startsWith('--- ') && !line.startsWith('+++ ')) cur.lines.push(line);
    }
    return hunks;
  }
}

interface ReadHunk {
  hunk: DiffHunk;
  owners: Owners[];
  /** The stanza the hunk ends in (new side, else old), for the next hunk. */
  last: string | null;
}

function readHunk(h: RawHunk): ReadHunk {
  let oldNo = h.oldStart;
  let newNo = h.newStart;
  // At the top of the file the hunk starts outside any stanza; elsewhere it may start inside one.
  const start = h.oldStart <= 1 && h.newStart <= 1 ? null : UNKNOWN;
  const cur: Record<Side, string | null> = { old: start, new: start };
  const afterBlank: Record<Side, boolean> = { old: true, new: true };
  const lines: DiffLine[] = [];
  const owners: Owners[] = [];
  const waiting: { index: number; side: Side }[] = [];
  const settle = (side: Side, names: string[]) => {
    for (let k = waiting.length - 1; k >= 0; k--) {
      if (waiting[k].side !== side) continue;
      owners[waiting[k].index] = names;
      waiting.splice(k, 1);
    }
  };
  const ownerOf = (side: Side): Owners => (cur[side] === null ? [] : [cur[side]!]);

  for (const raw of h.lines) {
    const marker = raw[0] ?? ' ';
    const kind: DiffLineKind = marker === '+' ? 'add' : marker === '-' ? 'del' : marker === ' ' ? 'ctx' : 'note';
    const text = raw.slice(1).replace(/\r$/, '');
    const line: DiffLine = { kind, text };
    if (kind === 'del' || kind === 'ctx') line.oldNo = oldNo++;
    if (kind === 'add' || kind === 'ctx') line.newNo = newNo++;
    const i = lines.push(line) - 1;
    owners.push([]);
    if (kind === 'note') continue;
    const changed = kind !== 'ctx';
    const sides: Side[] = kind === 'del' ? ['old'] : kind === 'add' ? ['new'] : ['old', 'new'];

    if (BLANK_RE.test(text)) {
      if (changed) owners[i] = [BLANK];
      for (const s of sides) afterBlank[s] = true;
      continue;
    }
    if (COMMENT_RE.test(text)) {
      if (changed) {
        const s = sides[0];
        if (!afterBlank[s] && cur[s] !== null) owners[i] = ownerOf(s);
        else waiting.push({ index: i, side: s });
      }
      continue;
    }
    const iface = IFACE_RE.exec(text);
    const list = iface ? null : LIST_RE.exec(text);
    if (iface) {
      for (const s of sides) {
        settle(s, [iface[1]]);
        cur[s] = iface[1];
      }
      if (changed) owners[i] = [iface[1]];
    } else if (list) {
      const names = list[1].trim().split(/\s+/).filter(Boolean);
      for (const s of sides) settle(s, names);
      if (changed) owners[i] = names;
    } else if (TOPLEVEL_RE.test(text)) {
      for (const s of sides) {
        settle(s, []);
        cur[s] = null;
      }
    } else {
      // An option line: it continues the current stanza, and so do the comments above it.
      for (const s of sides) settle(s, ownerOf(s));
      if (changed) owners[i] = ownerOf(sides[0]);
    }
    for (const s of sides) afterBlank[s] = false;
  }
  for (const w of waiting) owners[w.index] = ownerOf(w.side);
  const last = cur.new !== UNKNOWN && cur.new !== null ? cur.new : cur.old !== UNKNOWN ? cur.old : null;
  return { hunk: { header: hunkHeader(h), lines }, owners, last };
}

/**
 * Group the diff's hunks by interface. `pending`: the interfaces GET /network reports as added,
 * changed or removed (helps place hunks that start inside a stanza).
 */
export function summarizeDiff(diffText: string, pending: readonly string[] = []): DiffSummary {
  if (!diffText.trim()) return { groups: [], added: 0, removed: 0 };
  const read = readHunks(diffText).map(readHunk);

  // Interfaces some hunk names for sure: the others are where the unidentified hunks may be.
  const named = new Set<string>();
  for (const r of read) for (const o of r.owners) for (const n of o) if (n !== UNKNOWN && n !== BLANK) named.add(n);
  const pendingSet = new Set(pending);
  const unnamedPending = pending.filter((n) => !named.has(n));

  const groups = new Map<string, DiffGroup>();
  let added = 0;
  let removed = 0;
  let above: string | null = null; // the nearest stanza shown above, in the diff
  for (const { hunk, owners, last } of read) {
    const guess = unnamedPending.length === 1 ? unnamedPending[0] : above !== null && pendingSet.has(above) ? above : null;
    const names: string[] = [];
    let unowned = false;
    let unidentified = false;
    let blanks = false;
    let hunkAdded = 0;
    let hunkRemoved = 0;
    hunk.lines.forEach((l, i) => {
      if (l.kind !== 'add' && l.kind !== 'del') return;
      if (l.kind === 'add') hunkAdded++;
      else hunkRemoved++;
      const o = owners[i];
      if (o[0] === BLANK) {
        blanks = true;
        return;
      }
      if (!o.length) unowned = true;
      for (let n of o) {
        if (n === UNKNOWN) {
          if (guess === null) {
            unidentified = true;
            continue;
          }
          n = guess;
        }
        if (!names.includes(n)) names.push(n);
      }
    });
    // Only blank lines changed: they go with the stanza around them.
    if (blanks && !names.length && !unowned && !unidentified) {
      if (last !== null) names.push(last);
      else unowned = true;
    }
    added += hunkAdded;
    removed += hunkRemoved;
    if (last !== null) above = last;
    const key = [...names, unowned ? '\u0000outside' : '', unidentified ? '\u0000unidentified' : ''].filter(Boolean).join(' ');
    const g = groups.get(key);
    if (g) {
      g.hunks.push(hunk);
      g.added += hunkAdded;
      g.removed += hunkRemoved;
    } else groups.set(key, { key, names, unowned, unidentified, hunks: [hunk], added: hunkAdded, removed: hunkRemoved });
  }
  return { groups: [...groups.values()], added, removed };
}

/** Added and removed lines of a diff, without grouping (for the Revert all confirmation). */
export function countLines(diffText: string): Pick<DiffSummary, 'added' | 'removed'> {
  let added = 0;
  let removed = 0;
  if (diffText.trim())
    for (const h of readHunks(diffText))
      for (const l of h.lines) {
        if (l[0] === '+') added++;
        else if (l[0] === '-') removed++;
      }
  return { added, removed };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "12 changed lines (8 added, 4 removed)" */
export function linesSummary(s: Pick<DiffSummary, 'added' | 'removed'>): string {
  return `${plural(s.added + s.removed, 'changed line')} (${s.added} added, ${s.removed} removed)`;
}
