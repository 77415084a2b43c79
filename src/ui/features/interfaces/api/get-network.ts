/** GET /network: the staged view (interfaces, NICs, diagnostics, pending status) and its digest. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { NetworkResponse } from '../../../../schema/responses';

export function getNetwork(signal?: AbortSignal): Promise<NetworkResponse> {
  return api.get<NetworkResponse>('/network', { signal });
}

export function useNetwork() {
  return useQuery({ queryKey: queryKeys.network.list(), queryFn: ({ signal }) => getNetwork(signal) });
}
