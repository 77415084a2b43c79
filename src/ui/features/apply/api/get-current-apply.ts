/** GET /network/apply/current: the apply waiting for confirmation (with secondsLeft) and the newest finished one. */
import { useQuery } from '@tanstack/react-query';
import type { CurrentApplyResponse } from '../../../../server/apply/types';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function getCurrentApply(signal?: AbortSignal): Promise<CurrentApplyResponse> {
  return api.get<CurrentApplyResponse>('/network/apply/current', { signal });
}

export interface CurrentApplyPolling {
  /** Refetch this often (e.g. while waiting for a rollback). */
  pollMs?: number | false;
  /** Refetch this often while an apply is pending (to see it kept or rolled back). */
  whilePendingMs?: number | false;
}

/** Fetched on load, focus and invalidation; polled as asked. */
export function useCurrentApply({ pollMs = false, whilePendingMs = false }: CurrentApplyPolling = {}) {
  return useQuery({
    queryKey: queryKeys.apply.current(),
    queryFn: ({ signal }) => getCurrentApply(signal),
    refetchInterval: (query) => (pollMs !== false ? pollMs : query.state.data?.pending ? whilePendingMs : false),
    refetchIntervalInBackground: pollMs !== false,
  });
}
