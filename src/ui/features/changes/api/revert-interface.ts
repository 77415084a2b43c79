/** DELETE /network/changes/:iface: put one interface back as the live file has it; other pending edits stay. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useApiErrorNotifier } from '../../../api/errors';
import { queryKeys } from '../../../api/query-keys';
import type { ChangeResponse } from '../../../../schema/responses';

export interface RevertInterfaceInput {
  name: string;
  digest: string;
}

export function revertInterface({ name, digest }: RevertInterfaceInput): Promise<ChangeResponse> {
  return api.delete<ChangeResponse>(`/network/changes/${encodeURIComponent(name)}`, { ifMatch: digest });
}

export function useRevertInterface() {
  const queryClient = useQueryClient();
  const notify = useApiErrorNotifier();
  return useMutation({
    mutationFn: revertInterface,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
    onError: (err, { name }) => notify(err, `Reverting ${name} failed`),
  });
}
