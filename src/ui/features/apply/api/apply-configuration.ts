/**
 * POST /network/apply (If-Match: the staged digest) `{confirmWithinSeconds}`: make the staged file
 * live. The answer closes its connection, so the confirmation later needs a new one.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplyResponse } from '../../../../server/apply/types';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export interface ApplyInput {
  digest: string;
  /** 0–3600; 0: no rollback window. */
  confirmWithinSeconds: number;
}

/** The answer, and when it arrived on this browser's clock (for the countdown). */
export type ApplyResult = ApplyResponse & { receivedAt: number };

export async function applyConfiguration({ digest, confirmWithinSeconds }: ApplyInput): Promise<ApplyResult> {
  const res = await api.post<ApplyResponse>('/network/apply', { confirmWithinSeconds }, { ifMatch: digest });
  return { ...res, receivedAt: Date.now() };
}

export function useApplyConfiguration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyConfiguration,
    // Also after a failure: a 412, a 409 apply-pending or a 502 rollback all change what is shown.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
  });
}
