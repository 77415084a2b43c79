import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../interfaces/types';
import { byLine, diagnosticsSummary, diagnosticText, worstSeverity } from './diagnostics';

const d = (line: number, severity: Diagnostic['severity'], message = 'bad'): Diagnostic => ({ line, column: 1, severity, rule: 'r', message });

describe('diagnostics', () => {
  it('reads as "line N: message"', () => {
    expect(diagnosticText(d(12, 'error', 'Unknown method "statc"'))).toBe('line 12: Unknown method "statc"');
    expect(diagnosticText(d(0, 'warning', 'No loopback'))).toBe('No loopback');
  });

  it('finds the worst severity', () => {
    expect(worstSeverity([])).toBeUndefined();
    expect(worstSeverity([d(1, 'info'), d(2, 'warning')])).toBe('warning');
    expect(worstSeverity([d(1, 'warning'), d(2, 'error')])).toBe('error');
    expect(worstSeverity([d(1, 'info')])).toBe('info');
  });

  it('summarizes counts', () => {
    expect(diagnosticsSummary([d(1, 'error'), d(2, 'error'), d(3, 'warning'), d(4, 'info')])).toBe('2 errors, 1 warning, 1 note');
    expect(diagnosticsSummary([d(1, 'warning')])).toBe('1 warning');
  });

  it('sorts by line', () => {
    expect(byLine([d(9, 'error'), d(0, 'warning'), d(3, 'info')]).map((x) => x.line)).toEqual([0, 3, 9]);
  });
});
