/**
 * /network/apply: make the staged file live with an automatic rollback (apply/service.ts).
 *   POST /network/apply              {confirmWithinSeconds?}  If-Match: digest → {applyId, deadline, digest, record}
 *   POST /network/apply/:id/confirm  {}                        → {record}
 *   POST /network/apply/:id/rollback {}                        → {record}  (roll back now, inside the window)
 *   GET  /network/apply/check        → {digest, ok, check | code+message+diagnostics}  (the precheck alone)
 *   GET  /network/apply/current      → {pending, last}
 *   GET  /network/apply/history      → {entries}
 * Writes need the session and CSRF token like every /api/v1 write (the auth plugin guards them).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../auth/plugin';
import { applyBodySchema, applyIdParams } from '../../schema/apply';
import type { ApplyService } from '../apply/service';
import { conflict } from '../errors';
import { requireIfMatch } from '../network/preconditions';


/**
 * The confirmation must prove the admin can still reach the host over the new configuration, so
 * it must come over a connection opened after the apply: the apply answer closes its connection,
 * and a confirm on a connection that was already open when the apply started is refused.
 */
const FIRST_SEEN = Symbol('netstage.socketOpenedAt');
type StampedSocket = { [FIRST_SEEN]?: number };

export const applyRoutes: FastifyPluginAsyncZod<{ apply: ApplyService }> = async (app, { apply }) => {
  const appliedAt = new Map<string, number>();
  // When each connection opened (app.inject has none: its fake sockets are never stamped).
  app.server.on('connection', (socket) => {
    (socket as unknown as StampedSocket)[FIRST_SEEN] = Date.now();
  });

  app.get('/network/apply/check', async () => apply.check());

  app.post('/network/apply', { schema: { body: applyBodySchema.nullish() } }, async (req, reply) => {
    const ifMatch = requireIfMatch(req.headers['if-match']);
    const startedAt = Date.now();
    const result = await apply.apply({ ifMatch, user: requireUser(req).username, confirmWithinSeconds: req.body?.confirmWithinSeconds });
    appliedAt.set(result.applyId, startedAt);
    reply.header('ETag', `"${result.digest}"`).header('Connection', 'close');
    // Browsers keep several idle connections per host: close them too, so the confirm opens a new one.
    reply.raw.once('finish', () => app.server.closeIdleConnections?.());
    return result;
  });

  app.post('/network/apply/:id/confirm', { schema: { params: applyIdParams } }, async (req, reply) => {
    const since = appliedAt.get(req.params.id);
    const seen = (req.raw.socket as unknown as StampedSocket | undefined)?.[FIRST_SEEN];
    if (since !== undefined && seen !== undefined && seen <= since) {
      reply.header('Connection', 'close'); // so the retry comes over a new one
      throw conflict('old-connection', 'Confirm over a new connection: this one was open before the apply, so it does not prove the host is still reachable. Send the confirmation again (the panel opens a new connection).');
    }
    return { record: await apply.confirm(req.params.id, requireUser(req).username) };
  });

  // No new-connection rule here: rolling back is the safe direction, whatever path the request took.
  app.post('/network/apply/:id/rollback', { schema: { params: applyIdParams } }, async (req) => ({
    record: await apply.rollBack(req.params.id, requireUser(req).username),
  }));

  app.get('/network/apply/current', async () => apply.current());

  app.get('/network/apply/history', async () => ({ entries: await apply.history() }));
};
