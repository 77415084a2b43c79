/** POST /session: sign in; the answer's CSRF token goes on every later write. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';
import type { SessionResponse } from '../../../../schema/responses';

export interface Credentials {
  username: string;
  password: string;
}

export function signIn(credentials: Credentials): Promise<SessionResponse> {
  return api.post<SessionResponse>('/session', credentials);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ queryKey: queryKeys.network.all });
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}
