/** GET /session: who is signed in (restores the CSRF token after a reload); null when nobody is. */
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { SessionResponse } from '../../../../schema/responses';

export async function getSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: getSession, staleTime: Infinity, refetchOnWindowFocus: false });
}
