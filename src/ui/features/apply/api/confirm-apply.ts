/**
 * POST /network/apply/:id/confirm `{}`: keep the applied configuration. Sent over a connection
 * opened after the apply (lib/fresh-connection.ts), so a change that cut the admin's path is not
 * confirmed through a connection that predates it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplyRecord } from '../../../../server/apply/types';
import { api } from '../../../api/client';
import { sendOverNewConnection } from '../lib/fresh-connection';
import { applyFinished } from './apply-finished';

export interface ConfirmResponse {
  record: ApplyRecord;
}

export function postConfirm(id: string): Promise<ConfirmResponse> {
  return api.post<ConfirmResponse>(`/network/apply/${encodeURIComponent(id)}/confirm`, {});
}

export function confirmApply(id: string): Promise<ConfirmResponse> {
  return sendOverNewConnection(() => postConfirm(id));
}

export function useConfirmApply() {
  return useMutation({ mutationFn: confirmApply, ...applyFinished(useQueryClient()) });
}
