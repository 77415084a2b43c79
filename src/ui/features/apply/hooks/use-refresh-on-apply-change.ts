/**
 * An apply can finish on the server by itself (the deadline passed: rolled back, the applied file
 * staged again) or in another tab. When GET /network/apply/current shows that the apply state
 * moved on (another pending apply, another newest finished one), everything under `network` is
 * refetched so the table, the pending changes and the Apply button show the files as they are now.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { CurrentApplyResponse } from '../../../../server/apply/types';
import { queryKeys } from '../../../api/query-keys';

export function useRefreshOnApplyChange(current: CurrentApplyResponse | undefined): void {
  const queryClient = useQueryClient();
  const state = current ? `${current.pending?.id ?? ''}|${current.last?.id ?? ''}|${current.last?.status ?? ''}` : undefined;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (state === undefined) return;
    const before = seen.current;
    seen.current = state;
    if (before !== undefined && before !== state) void queryClient.invalidateQueries({ queryKey: queryKeys.network.all });
  }, [state, queryClient]);
}
