/**
 * /network/apply: make the staged file live with an automatic rollback (apply/service.ts).
 *   POST /network/apply              {confirmWithinSeconds?}  If-Match: digest → {applyId, deadline, digest, record}
 *   POST /network/apply/:id/confirm  {}                        → {record}
 *   GET  /network/apply/current      → {pending, last}
 *   GET  /network/apply/history      → {entries}
 * Writes need the session and CSRF token like every /api/v1 write (the auth plugin guards them).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin';
import { DEFAULT_CONFIRM_SECONDS, MAX_CONFIRM_SECONDS, type ApplyService } from '../apply/service';
import { requireIfMatch } from '../network/preconditions';

const applyBodySchema = z
  .strictObject({
    confirmWithinSeconds: z
      .number()
      .int('Whole seconds only.')
      .min(0, '0 (no rollback) or more.')
      .max(MAX_CONFIRM_SECONDS, `At most ${MAX_CONFIRM_SECONDS} seconds.`)
      .default(DEFAULT_CONFIRM_SECONDS),
  })
  .default({ confirmWithinSeconds: DEFAULT_CONFIRM_SECONDS });

const applyIdParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an apply id.') });

export const applyRoutes: FastifyPluginAsyncZod<{ apply: ApplyService }> = async (app, { apply }) => {
  app.post('/network/apply', { schema: { body: applyBodySchema.nullish() } }, async (req, reply) => {
    const ifMatch = requireIfMatch(req.headers['if-match']);
    const result = await apply.apply({ ifMatch, user: requireUser(req).username, confirmWithinSeconds: req.body?.confirmWithinSeconds });
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });

  app.post('/network/apply/:id/confirm', { schema: { params: applyIdParams } }, async (req) => {
    return { record: await apply.confirm(req.params.id, requireUser(req).username) };
  });

  app.get('/network/apply/current', async () => apply.current());

  app.get('/network/apply/history', async () => ({ entries: await apply.history() }));
};
