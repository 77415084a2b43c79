/**
 * POST /network/apply/:id/rollback `{}`: restore the previous configuration now, inside the
 * window ("Roll back now"). Any connection will do: rolling back is the safe direction.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplyRecord } from '../../../../server/apply/types';
import { api } from '../../../api/client';
import { applyFinished } from './apply-finished';

export function rollBackApply(id: string): Promise<{ record: ApplyRecord }> {
  return api.post<{ record: ApplyRecord }>(`/network/apply/${encodeURIComponent(id)}/rollback`, {});
}

export function useRollBackApply() {
  return useMutation({ mutationFn: rollBackApply, ...applyFinished(useQueryClient()) });
}
