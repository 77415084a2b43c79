/** How diagnostics read in the banner and the row tooltips: "line 12: …". Pure. */
import type { Diagnostic, Severity } from '../../../../interfaces/types';

export function diagnosticText(d: Diagnostic): string {
  const where = d.line > 0 ? `line ${d.line}: ` : '';
  return `${where}${d.message}`;
}

export function worstSeverity(list: readonly Diagnostic[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const d of list) {
    if (d.severity === 'error') return 'error';
    if (d.severity === 'warning') worst = 'warning';
    else if (!worst) worst = d.severity;
  }
  return worst;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors, 1 warning" (info notes counted as notes). */
export function diagnosticsSummary(list: readonly Diagnostic[]): string {
  const count = (s: Severity) => list.filter((d) => d.severity === s).length;
  const parts: string[] = [];
  const e = count('error');
  const w = count('warning');
  const i = list.length - e - w;
  if (e) parts.push(plural(e, 'error'));
  if (w) parts.push(plural(w, 'warning'));
  if (i) parts.push(plural(i, 'note'));
  return parts.join(', ');
}

/** Diagnostics in file order (line 0, not tied to a line, first). */
export function byLine(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column);
}
