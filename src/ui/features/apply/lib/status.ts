/**
 * How an apply's state reads in the panel: a short label for badges, and plain sentences for what
 * happened (the history, the rollback dialog, the banner). Pure: tested.
 */
import type { ApplyRecord, ApplyStatus, RollbackReason } from '../../../../server/apply/types';

export const STATUS_LABEL: Record<ApplyStatus, string> = {
  applying: 'Interrupted',
  waiting: 'Waiting for confirmation',
  confirmed: 'Kept',
  applied: 'Applied',
  'rolled-back': 'Rolled back',
  'rollback-failed': 'Rollback failed',
};

export const STATUS_COLOR: Record<ApplyStatus, string> = {
  applying: 'gray',
  waiting: 'yellow',
  confirmed: 'green',
  applied: 'green',
  'rolled-back': 'orange',
  'rollback-failed': 'red',
};

/** The previous configuration was put back (whether or not reloading it worked). */
export const isRollback = (r: Pick<ApplyRecord, 'status'>): boolean => r.status === 'rolled-back' || r.status === 'rollback-failed';

/** No longer waiting: kept, applied or rolled back. */
export const isFinished = (r: Pick<ApplyRecord, 'status'>): boolean => r.status !== 'waiting' && r.status !== 'applying';

const REASON: Record<RollbackReason, string> = {
  'not-confirmed': 'it was not confirmed in time',
  'reload-failed': 'the reload failed',
  interrupted: 'netstage was stopped in the middle of the apply',
  requested: 'it was asked for before the deadline',
};

export function rollbackReasonText(reason: RollbackReason | undefined): string {
  return reason ? REASON[reason] : 'of an unknown reason';
}

/** The headline of a finished apply, e.g. "Rolled back: the previous configuration is live again". */
export function outcomeTitle(r: ApplyRecord): string {
  if (r.status === 'rollback-failed') return 'The rollback failed: the previous file is back, but reloading it failed';
  if (r.status === 'rolled-back') {
    if (r.rollback?.reason === 'reload-failed') return 'The reload failed, so the previous configuration was restored';
    return 'Rolled back: the previous configuration is live again';
  }
  if (r.status === 'confirmed') return 'Kept: the new configuration stays live';
  if (r.status === 'applied') return 'Applied: the new configuration is live';
  if (r.status === 'waiting') return 'Waiting for confirmation';
  return 'Interrupted: netstage stopped in the middle of the apply';
}

/** One sentence on what happened, e.g. "Rolled back because it was not confirmed within 3 seconds." */
export function outcomeSentence(r: ApplyRecord): string {
  const within = `${r.confirmWithinSeconds} second${r.confirmWithinSeconds === 1 ? '' : 's'}`;
  switch (r.status) {
    case 'confirmed':
      return `Kept: confirmed by ${r.confirmedBy ?? r.user} within the ${within} allowed.`;
    case 'applied':
      return 'Applied without a rollback window (0 seconds): it was kept without asking.';
    case 'waiting':
      return `Waiting for confirmation: it rolls back unless kept within ${within}.`;
    case 'applying':
      return 'netstage stopped in the middle of this apply; it rolls the change back when it starts again.';
    case 'rolled-back': {
      const why =
        r.rollback?.reason === 'not-confirmed'
          ? `it was not confirmed within ${within}`
          : r.rollback?.reason === 'requested'
            ? `${r.rollback.by ?? 'an admin'} asked for it before the deadline`
            : rollbackReasonText(r.rollback?.reason);
      return `Rolled back because ${why}: the previous configuration was restored.`;
    }
    case 'rollback-failed':
      return `Rolling back (because ${rollbackReasonText(r.rollback?.reason)}) put the previous file back, but reloading it failed: the host needs a look.`;
  }
}

/** Said after a rollback: is what was applied staged again? */
export function restagedText(r: ApplyRecord): string | null {
  if (!r.rollback) return null;
  return r.rollback.restagged
    ? 'What you applied is staged again (interfaces.new), so you can correct it and apply it again.'
    : 'What you applied was not staged again, because other changes were staged meanwhile; it is in the history below.';
}
