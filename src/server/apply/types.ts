/**
 * Shapes of the apply API's answers and of what it keeps in the state folder. Types only (no
 * `node:` imports), so the panel can `import type` them.
 */
import type { Diagnostic } from '../../interfaces/types';

/** Which checks ran before the apply. */
export interface CheckSummary {
  /** `ifupdown2`: its syntax check ran too; `engine`: only netstage's own checks. */
  tool: 'ifupdown2' | 'engine';
  /** Why ifupdown2's check did not run, when it did not. */
  note?: string;
  /** Warnings and infos of both (errors refuse the apply with 400 instead). */
  diagnostics: Diagnostic[];
}

/** What a reload did. */
export interface ReloadOutcome {
  /** False when no reload command is configured (e.g. a demo root): the file was swapped only. */
  ran: boolean;
  ok: boolean;
  exitCode: number | null;
  /** The command's messages (its last 16 KiB), or why it did not run. */
  output: string;
}

/** `requested`: an admin asked for it inside the window (POST /network/apply/:id/rollback). */
export type RollbackReason = 'not-confirmed' | 'reload-failed' | 'interrupted' | 'requested';

export interface RollbackRecord {
  at: string;
  reason: RollbackReason;
  /** Who asked for a `requested` rollback. */
  by?: string;
  reload: ReloadOutcome;
  /** The rolled-back configuration was put back as interfaces.new (nothing else was staged). */
  restagged: boolean;
}

/**
 * One apply, newest first in the history.
 *   applying → waiting → confirmed | rolled-back | rollback-failed
 *   applying → applied (confirmWithinSeconds 0) | rolled-back (reload failed)
 * `applying` is only ever seen when the server died mid-apply and has not restarted yet.
 */
export type ApplyStatus = 'applying' | 'waiting' | 'confirmed' | 'applied' | 'rolled-back' | 'rollback-failed';

export interface ApplyRecord {
  id: string;
  /** Who applied. */
  user: string;
  startedAt: string;
  /** When it rolls back unless confirmed; null when no confirmation was asked for. */
  deadline: string | null;
  confirmWithinSeconds: number;
  status: ApplyStatus;
  finishedAt?: string;
  confirmedBy?: string;
  /** Unified diff of the live file before → after (cut at 64 KiB, see diffTruncated). */
  diff: string;
  diffTruncated?: boolean;
  check: CheckSummary;
  reload?: ReloadOutcome;
  rollback?: RollbackRecord;
}

/** POST /network/apply → 200 */
export interface ApplyResponse {
  applyId: string;
  /** ISO time; null with confirmWithinSeconds 0. */
  deadline: string | null;
  /** sha256 of the new live file (nothing is staged any more): the next If-Match. */
  digest: string;
  record: ApplyRecord;
}

/** GET /network/apply/current */
export interface CurrentApplyResponse {
  /** The apply waiting for confirmation, if any. */
  pending: (ApplyRecord & { secondsLeft: number }) | null;
  /** The newest finished apply (e.g. a rollback the panel should show), if any. */
  last: ApplyRecord | null;
}

/** GET /network/apply/check: would an apply of the current staged file pass its precheck? */
export interface ApplyCheckResponse {
  /** The staged file this answer is about. */
  digest: string;
  ok: boolean;
  /** ok: which checks ran and their warnings. */
  check?: CheckSummary;
  /** not ok: why (`nothing-staged`, `invalid-config`, `mako-template`, `ifupdown2-check-failed`). */
  code?: string;
  message?: string;
  diagnostics: Diagnostic[];
}

/** GET /network/apply/history */
export interface ApplyHistoryResponse {
  entries: ApplyRecord[];
}
