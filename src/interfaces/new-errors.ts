/**
 * Which errors an edit introduces. A hand-edited file may already hold errors (a typo elsewhere);
 * an edit is refused only for errors it adds, so admins can keep working while they fix the rest.
 */
import type { Diagnostic } from './types';

/** Key of a diagnostic for "was it there before?": line numbers shift with edits, so ignore them. */
function sameProblem(d: Diagnostic): string {
  return `${d.rule}\0${d.iface ?? ''}\0${d.message.replace(/\blines? \d+(?:(?:, | and | or )\d+)*/g, 'line #')}`;
}

/** Errors in `after` that `before` does not have (counting duplicates: a second copy is new). */
export function newErrors(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, number>();
  for (const d of before) if (d.severity === 'error') seen.set(sameProblem(d), (seen.get(sameProblem(d)) ?? 0) + 1);
  return after.filter((d) => {
    if (d.severity !== 'error') return false;
    const n = seen.get(sameProblem(d)) ?? 0;
    if (n > 0) {
      seen.set(sameProblem(d), n - 1);
      return false;
    }
    return true;
  });
}
