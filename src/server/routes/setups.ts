/**
 * /network/setups/routed and /nat: seed examples 2 and 3 from a few validated fields. Each
 * generated interface is added, or, when it exists (the demo's eth0 and vmbr0 do), updated in place
 * so its unrelated options, comments and spelling stay.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addInterface, applyModel } from '../../interfaces/edit';
import { modelOf } from '../../interfaces/model';
import type { InterfaceModel, NetDocument } from '../../interfaces/types';
import { natSetupSchema, routedSetupSchema } from '../../schema/setups';
import { natSetupToModels, routedSetupToModels } from '../../schema/to-model';
import type { NetworkService } from '../network/service';
import { requireIfMatch } from '../network/preconditions';
import { checkModelText } from './network';

/** The setup's interface over what exists: its options added to the existing ones (no duplicates). */
export function mergeSetupModel(base: InterfaceModel | undefined, m: InterfaceModel): InterfaceModel {
  if (!base) return m;
  const same = (a: InterfaceModel['options'][number], b: InterfaceModel['options'][number]) => a.key === b.key && a.value === b.value;
  const kept = base.options.filter((o) => !m.options.some((n) => same(n, o)));
  return { ...m, hotplug: base.hotplug, comments: m.comments ?? base.comments, options: [...kept, ...m.options] };
}

function applySetup(doc: NetDocument, models: InterfaceModel[], nics: string[]): NetDocument {
  let out = doc;
  for (const m of models) {
    checkModelText(m);
    const base = modelOf(out, m.name, { nics });
    out = base ? applyModel(out, mergeSetupModel(base, m), { nics }) : addInterface(out, m);
  }
  return out;
}

export const setupRoutes: FastifyPluginAsyncZod<{ network: NetworkService }> = async (app, { network }) => {
  app.post('/network/setups/routed', { schema: { body: routedSetupSchema } }, async (req, reply) => {
    const models = routedSetupToModels(req.body);
    const result = await network.change(requireIfMatch(req.headers['if-match']), (view) => applySetup(view.doc, models, view.nicNames));
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });

  app.post('/network/setups/nat', { schema: { body: natSetupSchema } }, async (req, reply) => {
    const models = natSetupToModels(req.body);
    const result = await network.change(requireIfMatch(req.headers['if-match']), (view) => applySetup(view.doc, models, view.nicNames));
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });
};
