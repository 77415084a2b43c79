/** Helpers for the schema tests (not shipped to forms). */
import type { z } from 'zod';

export type Path = (string | number)[];

/** Messages of the issues at exactly `path` (all issues when path is undefined). */
export function issuesAt(schema: z.ZodType, value: unknown, path?: Path): string[] {
  const r = schema.safeParse(value);
  if (r.success) return [];
  return r.error.issues
    .filter((i) => path === undefined || JSON.stringify(i.path) === JSON.stringify(path))
    .map((i) => i.message);
}

/** Set `value` at `path` in a deep copy of `obj`. */
export function withAt<T>(obj: T, path: Path, value: unknown): T {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((k) => (cur = cur[k] as Record<string | number, unknown>));
  cur[path[path.length - 1]] = value;
  return copy as T;
}
