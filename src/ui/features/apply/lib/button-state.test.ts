import { describe, expect, it } from 'vitest';
import { applyButtonState, CHECKING, NOTHING_TO_APPLY, WAITING, type ApplyButtonInput } from './button-state';

const base: ApplyButtonInput = { pending: true, digest: 'd1', check: undefined, checkLoading: false, waiting: false };
const bad = { line: 4, column: 1, severity: 'error' as const, rule: 'unknown-method', message: 'unknown method' };

describe('Apply Configuration button', () => {
  it('is disabled with "Nothing to apply" when nothing is staged', () => {
    expect(applyButtonState({ ...base, pending: false })).toEqual({ disabled: true, reason: NOTHING_TO_APPLY, diagnostics: [] });
    expect(applyButtonState({ ...base, check: { digest: 'd1', ok: false, code: 'nothing-staged', message: 'Nothing is staged', diagnostics: [] } }).reason).toBe(NOTHING_TO_APPLY);
  });

  it('waits for the check of this digest', () => {
    expect(applyButtonState({ ...base, checkLoading: true })).toMatchObject({ disabled: true, reason: CHECKING });
    expect(applyButtonState({ ...base, checkLoading: true, check: { digest: 'old', ok: true, diagnostics: [] } })).toMatchObject({ reason: CHECKING });
  });

  it('is enabled when the check passes, or could not run', () => {
    expect(applyButtonState({ ...base, check: { digest: 'd1', ok: true, diagnostics: [] } })).toEqual({ disabled: false, reason: null, diagnostics: [] });
    expect(applyButtonState(base).disabled).toBe(false);
  });

  it('is disabled with the check message and problems when it fails', () => {
    const s = applyButtonState({ ...base, check: { digest: 'd1', ok: false, code: 'invalid-config', message: 'The staged file has 1 error.', diagnostics: [bad] } });
    expect(s).toEqual({ disabled: true, reason: 'The staged file has 1 error.', diagnostics: [bad] });
  });

  it('is disabled while another apply waits for confirmation', () => {
    expect(applyButtonState({ ...base, waiting: true, check: { digest: 'd1', ok: true, diagnostics: [] } }).reason).toBe(WAITING);
  });
});
