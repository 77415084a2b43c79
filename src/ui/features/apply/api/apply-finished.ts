/**
 * What the panel does when an apply ends by the admin's hand (kept, or rolled back now): nothing
 * waits any more, said at once so no "waiting for confirmation" banner flashes, and the network
 * is read again (a rollback stages the applied configuration again).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ApplyRecord, CurrentApplyResponse } from '../../../../server/apply/types';
import { queryKeys } from '../../../api/query-keys';

export function applyFinished(queryClient: QueryClient) {
  return {
    onSuccess: ({ record }: { record: ApplyRecord }) => {
      queryClient.setQueryData<CurrentApplyResponse>(queryKeys.apply.current(), { pending: null, last: record });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
  };
}
