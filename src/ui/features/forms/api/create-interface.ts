/** POST /network { kind, form }: stage a new interface. */
import { useMutation } from '@tanstack/react-query';
import type { InterfaceRequest } from '../../../../schema/requests';
import type { ChangeResponse } from '../../../../schema/responses';
import { api } from '../../../api/client';
import { useInvalidateNetwork } from './invalidate';

export interface CreateInterfaceVars {
  request: InterfaceRequest;
  /** Digest of the configuration the form was filled against (If-Match). */
  digest: string;
}

export function createInterface({ request, digest }: CreateInterfaceVars): Promise<ChangeResponse> {
  return api.post<ChangeResponse>('/network', request, { ifMatch: digest });
}

export function useCreateInterface() {
  const invalidate = useInvalidateNetwork();
  return useMutation({ mutationFn: createInterface, onSuccess: invalidate });
}
