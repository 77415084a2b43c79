/** DELETE /network/:iface: stage the removal of one interface (If-Match: the digest the table shows). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { useApiErrorNotifier } from '../../../api/errors';
import { queryKeys } from '../../../api/query-keys';
import type { ChangeResponse } from '../../../../schema/responses';

export interface RemoveInterfaceInput {
  name: string;
  digest: string;
}

export function removeInterface({ name, digest }: RemoveInterfaceInput): Promise<ChangeResponse> {
  return api.delete<ChangeResponse>(`/network/${encodeURIComponent(name)}`, { ifMatch: digest });
}

export function useRemoveInterface() {
  const queryClient = useQueryClient();
  const notify = useApiErrorNotifier();
  return useMutation({
    mutationFn: removeInterface,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
    onError: (err, { name }) => notify(err, `Removing ${name} failed`),
  });
}
