/** POST /network/setups/routed | /nat: stage a routed or NAT setup (the body is the setup form). */
import { useMutation } from '@tanstack/react-query';
import type { ChangeResponse } from '../../../../schema/responses';
import type { NatSetup, RoutedSetup } from '../../../../schema/setups';
import { api } from '../../../api/client';
import { useInvalidateNetwork } from './invalidate';

export type CreateSetupVars = { kind: 'routed'; form: RoutedSetup; digest: string } | { kind: 'nat'; form: NatSetup; digest: string };

export function createSetup({ kind, form, digest }: CreateSetupVars): Promise<ChangeResponse> {
  return api.post<ChangeResponse>(`/network/setups/${kind}`, form, { ifMatch: digest });
}

export function useCreateSetup() {
  const invalidate = useInvalidateNetwork();
  return useMutation({ mutationFn: createSetup, onSuccess: invalidate });
}
