/** DELETE /network/changes: drop every pending change (interfaces.new is removed). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useApiErrorNotifier } from '../../../api/errors';
import { queryKeys } from '../../../api/query-keys';
import type { ChangeResponse } from '../../../../schema/responses';

export function revertAll(digest: string): Promise<ChangeResponse> {
  return api.delete<ChangeResponse>('/network/changes', { ifMatch: digest });
}

export function useRevertAll() {
  const queryClient = useQueryClient();
  const notify = useApiErrorNotifier();
  return useMutation({
    mutationFn: revertAll,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
    onError: (err) => notify(err, 'Reverting the pending changes failed'),
  });
}
