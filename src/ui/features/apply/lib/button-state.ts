/**
 * Whether "Apply Configuration" can be pressed, and if not, why (shown as its description and
 * tooltip). Pure: tested.
 */
import type { ApplyCheckResponse } from '../../../../server/apply/types';
import type { Diagnostic } from '../../../../interfaces/types';

export const NOTHING_TO_APPLY = 'Nothing to apply';
export const CHECKING = 'Checking the staged configuration…';
export const WAITING = 'An applied configuration is waiting for confirmation';

export interface ApplyButtonInput {
  /** GET /network's `pending` and digest. */
  pending: boolean;
  digest: string;
  /** The precheck's answer (undefined while it loads, or when it failed). */
  check: ApplyCheckResponse | undefined;
  checkLoading: boolean;
  /** An apply waits for confirmation (GET /network/apply/current). */
  waiting: boolean;
}

export interface ApplyButtonState {
  disabled: boolean;
  reason: string | null;
  /** The precheck's problems, when it refused. */
  diagnostics: readonly Diagnostic[];
}

export function applyButtonState({ pending, digest, check, checkLoading, waiting }: ApplyButtonInput): ApplyButtonState {
  const no = (reason: string, diagnostics: readonly Diagnostic[] = []): ApplyButtonState => ({ disabled: true, reason, diagnostics });
  if (!pending) return no(NOTHING_TO_APPLY);
  if (waiting) return no(WAITING);
  // A check of another digest is about a file that is no longer staged.
  const current = check?.digest === digest ? check : undefined;
  if (!current) return checkLoading ? no(CHECKING) : { disabled: false, reason: null, diagnostics: [] }; // the check failed: the apply checks again
  if (current.ok) return { disabled: false, reason: null, diagnostics: [] };
  if (current.code === 'nothing-staged') return no(NOTHING_TO_APPLY);
  return no(current.message ?? 'The staged configuration did not pass the check', current.diagnostics);
}
