/**
 * POST /network/apply/:id/rollback `{}`: restore the previous configuration now, inside the
 * window ("Roll back now"). Any connection will do: rolling back is the safe direction.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplyRecord, CurrentApplyResponse } from '../../../../server/apply/types';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function rollBackApply(id: string): Promise<{ record: ApplyRecord }> {
  return api.post<{ record: ApplyRecord }>(`/network/apply/${encodeURIComponent(id)}/rollback`, {});
}

export function useRollBackApply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rollBackApply,
    onSuccess: ({ record }) => {
      queryClient.setQueryData<CurrentApplyResponse>(queryKeys.apply.current(), { pending: null, last: record });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
  });
}
