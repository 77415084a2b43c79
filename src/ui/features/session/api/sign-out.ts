/** DELETE /session: sign out. Whatever the server says, the panel forgets the session. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function signOut(): Promise<void> {
  return api.delete<void>('/session');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(queryKeys.session, null);
      queryClient.removeQueries({ queryKey: queryKeys.network.all });
    },
  });
}
