/** PUT /network/:iface { kind, form }: stage changes to an interface (form.name must be :iface). */
import { useMutation } from '@tanstack/react-query';
import type { InterfaceRequest } from '../../../../schema/requests';
import type { ChangeResponse } from '../../../../schema/responses';
import { api } from '../../../api/client';
import { useInvalidateNetwork } from './invalidate';

export interface UpdateInterfaceVars {
  name: string;
  request: InterfaceRequest;
  digest: string;
}

export function updateInterface({ name, request, digest }: UpdateInterfaceVars): Promise<ChangeResponse> {
  return api.put<ChangeResponse>(`/network/${encodeURIComponent(name)}`, request, { ifMatch: digest });
}

export function useUpdateInterface() {
  const invalidate = useInvalidateNetwork();
  return useMutation({ mutationFn: updateInterface, onSuccess: invalidate });
}
