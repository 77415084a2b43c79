/** GET /network/file: the text the view was read from and its digest (for the whole-file check before sending). */
import { useQuery } from '@tanstack/react-query';
import type { FileResponse } from '../../../../schema/responses';
import { api } from '../../../api/client';
import { queryKeys } from '../../../api/query-keys';

export function getFile(signal?: AbortSignal): Promise<FileResponse> {
  return api.get<FileResponse>('/network/file', { signal });
}

export const fileQuery = { queryKey: queryKeys.network.file(), queryFn: ({ signal }: { signal?: AbortSignal }) => getFile(signal) };

/** Fetched while a form is open (the forms are its only users). */
export function useFile() {
  return useQuery(fileQuery);
}
