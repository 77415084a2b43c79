/**
 * Requests of /network/apply: the rollback window the apply dialog offers and the route accepts,
 * and the apply id of confirm and rollback. One definition, used by both.
 */
import { z } from 'zod';

export const DEFAULT_CONFIRM_SECONDS = 60;
export const MAX_CONFIRM_SECONDS = 3600;

/** Seconds until the rollback: whole, 0 (keep without asking) to an hour. */
export const confirmSecondsSchema = z
  .number(`Whole seconds from 0 to ${MAX_CONFIRM_SECONDS}.`)
  .int('Whole seconds only.')
  .min(0, '0 (no rollback) or more.')
  .max(MAX_CONFIRM_SECONDS, `At most ${MAX_CONFIRM_SECONDS} seconds.`);

export const applyBodySchema = z
  .strictObject({ confirmWithinSeconds: confirmSecondsSchema.default(DEFAULT_CONFIRM_SECONDS) })
  .default({ confirmWithinSeconds: DEFAULT_CONFIRM_SECONDS });

export const applyIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an apply id.') });
