import { describe, expect, it } from 'vitest';
import { isFinished, isRollback, outcomeSentence, outcomeTitle, restagedText, STATUS_LABEL } from './status';
import { record, rolledBack } from './test-records';

describe('apply status wording', () => {
  it('labels every status', () => {
    expect(STATUS_LABEL.confirmed).toBe('Kept');
    expect(STATUS_LABEL['rolled-back']).toBe('Rolled back');
    expect(STATUS_LABEL['rollback-failed']).toBe('Rollback failed');
  });

  it('tells finished applies and rollbacks apart', () => {
    expect(isFinished(record())).toBe(false);
    expect(isFinished(record({ status: 'applying' }))).toBe(false);
    expect(isFinished(record({ status: 'confirmed' }))).toBe(true);
    expect(isRollback(record({ status: 'confirmed' }))).toBe(false);
    expect(isRollback(rolledBack('not-confirmed'))).toBe(true);
    expect(isRollback(record({ status: 'rollback-failed' }))).toBe(true);
  });

  it('says a rollback in plain words, by its reason', () => {
    expect(outcomeTitle(rolledBack('not-confirmed'))).toBe('Rolled back: the previous configuration is live again');
    expect(outcomeSentence(rolledBack('not-confirmed', { confirmWithinSeconds: 3 }))).toBe(
      'Rolled back because it was not confirmed within 3 seconds: the previous configuration was restored.',
    );
    expect(outcomeTitle(rolledBack('reload-failed'))).toBe('The reload failed, so the previous configuration was restored');
    expect(outcomeSentence(rolledBack('reload-failed'))).toBe('Rolled back because the reload failed: the previous configuration was restored.');
    expect(outcomeSentence(rolledBack('interrupted'))).toContain('netstage was stopped in the middle of the apply');
    expect(outcomeTitle(record({ status: 'rollback-failed', rollback: { at: 'x', reason: 'not-confirmed', reload: { ran: true, ok: false, exitCode: 1, output: '' }, restagged: false } }))).toMatch(
      /^The rollback failed/,
    );
  });

  it('says kept and applied', () => {
    expect(outcomeSentence(record({ status: 'confirmed', confirmedBy: 'root' }))).toBe('Kept: confirmed by root within the 60 seconds allowed.');
    expect(outcomeSentence(record({ status: 'confirmed', confirmWithinSeconds: 1 }))).toBe('Kept: confirmed by admin within the 1 second allowed.');
    expect(outcomeTitle(record({ status: 'applied', confirmWithinSeconds: 0 }))).toBe('Applied: the new configuration is live');
  });

  it('says whether the rolled-back configuration is staged again', () => {
    expect(restagedText(record())).toBeNull();
    expect(restagedText(rolledBack('not-confirmed'))).toMatch(/staged again/);
    const notRestaged = rolledBack('not-confirmed');
    notRestaged.rollback!.restagged = false;
    expect(restagedText(notRestaged)).toMatch(/was not staged again/);
  });
});
