/**
 * /network/changes: what is pending (live vs staged as a unified diff), revert all of it, or
 * revert one interface back to the live file's version while the other pending edits stay.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parse } from '../../interfaces/parser';
import { ifaceParamSchema } from '../../schema/requests';
import type { ChangesResponse, FileResponse } from '../../schema/responses';
import { notFound } from '../errors';
import { hunkOwners } from '../network/hunk-owners';
import { requireIfMatch } from '../network/preconditions';
import { revertInterface } from '../network/revert';
import type { NetworkService } from '../network/service';

export const changesRoutes: FastifyPluginAsyncZod<{ network: NetworkService }> = async (app, { network }) => {
  app.get('/network/changes', async (_req, reply) => {
    const view = await network.read();
    reply.header('ETag', `"${view.digest}"`);
    const diff = view.pending ? network.diff(view) : '';
    const { changes } = network.pendingStatus(view, network.models(view));
    const body: ChangesResponse = {
      digest: view.digest,
      pending: view.pending,
      diff,
      files: { live: network.files.live, staged: network.files.staged },
      hunks: hunkOwners(diff, parse(view.liveText), view.doc, Object.keys(changes)),
      changes,
    };
    return body;
  });

  app.get('/network/file', async (_req, reply) => {
    const view = await network.read();
    reply.header('ETag', `"${view.digest}"`);
    const body: FileResponse = { digest: view.digest, source: view.pending || view.text !== view.liveText ? 'staged' : 'live', text: view.text };
    return body;
  });

  app.delete('/network/changes', async (req, reply) => {
    const result = await network.revertAll(requireIfMatch(req.headers['if-match']));
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });

  app.delete('/network/changes/:iface', { schema: { params: ifaceParamSchema } }, async (req, reply) => {
    const { iface } = req.params;
    const result = await network.change(
      requireIfMatch(req.headers['if-match']),
      (view) => {
        const reverted = revertInterface(view.doc, parse(view.liveText), iface);
        if (!reverted) throw notFound(`There is no interface "${iface}" in the live or the staged configuration.`);
        return reverted;
      },
      false, // going back to what is live is always allowed
    );
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });
};
