/**
 * /network/setups/routed and /nat: seed examples 2 and 3 from a few validated fields. Each
 * generated interface is added, or, when it exists (the demo's eth0 and vmbr0 do), updated in place
 * so its unrelated options, comments and spelling stay.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applySetupModels } from '../../schema/apply-request';
import { natSetupSchema, routedSetupSchema } from '../../schema/setups';
import { natSetupToModels, routedSetupToModels } from '../../schema/to-model';
import type { NetworkService } from '../network/service';
import { requireIfMatch } from '../network/preconditions';
import { checkModelText } from './network';

export const setupRoutes: FastifyPluginAsyncZod<{ network: NetworkService }> = async (app, { network }) => {
  app.post('/network/setups/routed', { schema: { body: routedSetupSchema } }, async (req, reply) => {
    const models = routedSetupToModels(req.body);
    const result = await network.change(requireIfMatch(req.headers['if-match']), (view) => applySetupModels(view.doc, models, view.nicNames, checkModelText));
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });

  app.post('/network/setups/nat', { schema: { body: natSetupSchema } }, async (req, reply) => {
    const models = natSetupToModels(req.body);
    const result = await network.change(requireIfMatch(req.headers['if-match']), (view) => applySetupModels(view.doc, models, view.nicNames, checkModelText));
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });
};
