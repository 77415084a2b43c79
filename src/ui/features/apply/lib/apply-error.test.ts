import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { describeApplyError, diagnosticLine } from './apply-error';
import { rolledBack } from './test-records';

describe('apply errors in plain words', () => {
  it('names the precheck refusals and keeps their problems and output', () => {
    const p = describeApplyError(
      new ApiError(400, {
        code: 'ifupdown2-check-failed',
        message: 'ifupdown2 says no',
        diagnostics: [{ line: 3, column: 1, severity: 'error', rule: 'x', message: 'bad', iface: 'vmbr0' }],
        output: 'error: vmbr0: bad\n',
      }),
    );
    expect(p.title).toBe("ifupdown2's check refused the staged configuration");
    expect(p.diagnostics).toHaveLength(1);
    expect(p.output).toBe('error: vmbr0: bad\n');
    expect(p.record).toBeUndefined();
  });

  it('keeps the record of a failed reload', () => {
    const rec = rolledBack('reload-failed');
    const p = describeApplyError(new ApiError(502, { code: 'reload-failed', message: 'The reload failed…', record: rec, applyId: rec.id }));
    expect(p.title).toBe('The reload failed, so the previous configuration was restored');
    expect(p.record).toEqual(rec);
    expect(describeApplyError(new ApiError(502, { code: 'reload-failed', message: 'm', record: 'nonsense' })).record).toBeUndefined();
  });

  it('falls back to the title given and to plain errors', () => {
    expect(describeApplyError(new ApiError(500, { code: 'internal', message: 'boom' }), 'Apply failed').title).toBe('Apply failed');
    expect(describeApplyError(new Error('x'))).toMatchObject({ title: 'The request failed', message: 'x', diagnostics: [] });
  });

  it('writes a problem with its line and interface', () => {
    expect(diagnosticLine({ line: 12, column: 1, severity: 'error', rule: 'r', message: 'unknown method "maunal"', iface: 'eth1' })).toBe('line 12: unknown method "maunal" (eth1)');
    expect(diagnosticLine({ line: 0, column: 0, severity: 'warning', rule: 'r', message: 'eth1 is odd', iface: 'eth1' })).toBe('eth1 is odd');
  });
});
