/**
 * The file text the form's change would be applied to (GET /network/file, fetched while a form is
 * open), parsed and validated once per digest, for the whole-file check in document-check.ts. Only
 * a file whose digest is the one the form submits against is used; while it is missing (loading,
 * failed, another digest) the server checks alone.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { FileResponse, NetworkResponse } from '../../../schema/responses';
import { queryKeys } from '../../api/query-keys';
import { fileQuery, useFile } from './api/get-file';
import { checkFile, physicalNics, type CheckedFile } from './document-check';

export interface DocumentCheck {
  /** The checked file of the form's digest; null while there is none. */
  file: CheckedFile | null;
  /** At submit: the checked file, after waiting for a fetch in flight; null when the server must check alone. */
  ready: () => Promise<CheckedFile | null>;
}

export function useDocumentCheck(network: Pick<NetworkResponse, 'digest' | 'nics'>): DocumentCheck {
  const query = useFile();
  const queryClient = useQueryClient();
  const { digest } = network;
  const nics = useMemo(() => physicalNics(network.nics), [network.nics]);
  const nicsKey = nics.join(' ');
  // One entry: the file of the current digest (parsing a big file twice would be wasted).
  const cache = useRef<{ digest: string; nicsKey: string; file: CheckedFile | null } | null>(null);

  const checked = useCallback(
    (data: FileResponse | undefined): CheckedFile | null => {
      if (!data || data.digest !== digest) return null;
      const hit = cache.current;
      if (hit && hit.digest === data.digest && hit.nicsKey === nicsKey) return hit.file;
      let file: CheckedFile | null = null;
      try {
        file = checkFile(data.text, nics);
      } catch (e) {
        console.error('netstage: the file could not be checked in the browser; the server checks it', e);
      }
      cache.current = { digest: data.digest, nicsKey, file };
      return file;
    },
    [digest, nicsKey], // nics by its names: a refetched list with the same NICs keeps the file
  );

  const file = useMemo(() => checked(query.data), [checked, query.data]);

  const ready = useCallback(async () => {
    let data = queryClient.getQueryData<FileResponse>(queryKeys.network.file());
    if (data?.digest !== digest && queryClient.isFetching({ queryKey: queryKeys.network.file() }) > 0) {
      try {
        data = await queryClient.fetchQuery({ ...fileQuery, staleTime: 0 }); // joins the fetch in flight
      } catch {
        return null;
      }
    }
    return checked(data);
  }, [queryClient, digest, checked]);

  return { file, ready };
}
