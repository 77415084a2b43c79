/** GET /network/apply/history: the last 50 applies, newest first. */
import { useQuery } from '@tanstack/react-query';
import type { ApplyHistoryResponse } from '../../../../server/apply/types';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function getApplyHistory(signal?: AbortSignal): Promise<ApplyHistoryResponse> {
  return api.get<ApplyHistoryResponse>('/network/apply/history', { signal });
}

export function useApplyHistory(enabled = true) {
  return useQuery({ queryKey: queryKeys.apply.history(), queryFn: ({ signal }) => getApplyHistory(signal), enabled });
}
