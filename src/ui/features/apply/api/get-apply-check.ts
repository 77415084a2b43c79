/** GET /network/apply/check: would the staged file pass the apply's precheck? Keyed by the digest it is about. */
import { useQuery } from '@tanstack/react-query';
import type { ApplyCheckResponse } from '../../../../server/apply/types';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function getApplyCheck(signal?: AbortSignal): Promise<ApplyCheckResponse> {
  return api.get<ApplyCheckResponse>('/network/apply/check', { signal });
}

/** Runs only while something is staged (`enabled`); a new digest is a new check. */
export function useApplyCheck(digest: string, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.apply.check(digest), queryFn: ({ signal }) => getApplyCheck(signal), enabled, staleTime: 30_000 });
}
