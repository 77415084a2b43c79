/**
 * The panel's QueryClient. A 401 from any query or mutation means the session is gone (expired,
 * signed out elsewhere, server restarted): the session becomes null, which shows the sign-in page,
 * and the network data of the old session is dropped.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from '../api/client';
import { queryKeys } from '../api/query-keys';

export const isUnauthenticated = (err: unknown): boolean => err instanceof ApiError && err.status === 401 && err.code !== 'bad-credentials';

/** Client errors (4xx) are answers, not hiccups: retrying them only delays the message. */
export function shouldRetry(failureCount: number, err: unknown): boolean {
  if (err instanceof ApiError && err.status >= 400 && err.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const onError = (err: unknown) => {
    if (!isUnauthenticated(err)) return;
    setCsrfToken(null);
    queryClient.setQueryData(queryKeys.session, null);
    queryClient.removeQueries({ queryKey: queryKeys.network.all });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: true, staleTime: 5_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
