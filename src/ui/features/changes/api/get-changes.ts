/** GET /network/changes: the pending diff (live → staged). Fetched only while something is pending. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { ChangesResponse } from '../../../../schema/responses';

export function getChanges(signal?: AbortSignal): Promise<ChangesResponse> {
  return api.get<ChangesResponse>('/network/changes', { signal });
}

export function useChanges(enabled = true) {
  return useQuery({ queryKey: queryKeys.network.changes(), queryFn: ({ signal }) => getChanges(signal), enabled });
}
