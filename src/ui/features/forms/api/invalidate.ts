/** After a write: refetch everything under `network` (list, interfaces, pending changes). */
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';

export function useInvalidateNetwork(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all });
}
