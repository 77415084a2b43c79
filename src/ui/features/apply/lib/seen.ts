/**
 * Which rollbacks the admin has already been told about, kept in localStorage by apply id so the
 * "the last apply was rolled back" banner shows once per rollback, across page loads. Pure apart
 * from the storage passed in: tested.
 */
import type { ApplyRecord } from '../../../../server/apply/types';
import { isRollback } from './status';

export const SEEN_KEY = 'netstage-apply-seen';
/** Ids kept (the newest); older ones cannot be the newest apply any more. */
const KEEP = 20;

export type SeenStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or undefined where there is none (or it is blocked). */
export function browserStorage(): SeenStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function readSeen(storage: SeenStorage | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SEEN_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds `id` (the newest last) and returns the list kept. */
export function addSeen(storage: SeenStorage | undefined, id: string): string[] {
  const list = [...readSeen(storage).filter((x) => x !== id), id].slice(-KEEP);
  try {
    storage?.setItem(SEEN_KEY, JSON.stringify(list));
  } catch {
    /* full or blocked storage: the banner may show again on the next load */
  }
  return list;
}

/** A rollback the admin has not been told about yet. */
export function needsAttention(last: ApplyRecord | null | undefined, seen: readonly string[]): last is ApplyRecord {
  return !!last && isRollback(last) && !seen.includes(last.id);
}
