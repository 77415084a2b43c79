/**
 * "Apply Configuration": enabled when something is staged and the precheck (keyed by the staged
 * digest) passes; else disabled with the reason as its description and tooltip (focusable, so the
 * reason reaches keyboard and screen-reader users too), and "Why?" lists the precheck's problems.
 */
import { Button, Tooltip, VisuallyHidden } from '@mantine/core';
import { useEffect, useId } from 'react';
import type { NetworkResponse } from '../../../../schema/responses';
import { useApplyCheck } from '../api/get-apply-check';
import { useCurrentApply } from '../api/get-current-apply';
import { loadApplyDialogs } from '../lazy';
import { applyButtonState, CHECKING, NOTHING_TO_APPLY, WAITING } from '../lib/button-state';
import { CheckProblems } from './check-problems';

export interface ApplyButtonProps {
  network: Pick<NetworkResponse, 'digest' | 'pending'>;
  onApply: () => void;
}

const PLAIN_REASONS = new Set([NOTHING_TO_APPLY, CHECKING, WAITING]);

export function ApplyButton({ network, onApply }: ApplyButtonProps) {
  const check = useApplyCheck(network.digest, network.pending);
  const current = useCurrentApply();
  const state = applyButtonState({ pending: network.pending, digest: network.digest, check: check.data, checkLoading: check.isLoading, waiting: !!current.data?.pending });
  const reasonId = useId();
  // Load the dialogs before they are needed: once applied, the host may not serve a chunk any more.
  useEffect(() => {
    if (!state.disabled) void loadApplyDialogs();
  }, [state.disabled]);
  return (
    <>
      <Tooltip label={state.reason} disabled={!state.reason} multiline maw={360}>
        <Button
          data-disabled={state.disabled || undefined}
          aria-disabled={state.disabled || undefined}
          aria-describedby={state.reason ? reasonId : undefined}
          onClick={(e) => (state.disabled ? e.preventDefault() : onApply())}
        >
          Apply Configuration
        </Button>
      </Tooltip>
      {state.reason && <VisuallyHidden id={reasonId}>{state.reason}</VisuallyHidden>}
      {state.reason && !PLAIN_REASONS.has(state.reason) && <CheckProblems reason={state.reason} diagnostics={state.diagnostics} />}
    </>
  );
}
