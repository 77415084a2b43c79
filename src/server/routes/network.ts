/**
 * /network: list and read interfaces; create, update and remove one. Writes go to the staged
 * file through NetworkService.change (lock, If-Match, engine edit, whole-document check).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addInterface, applyModel, removeInterface } from '../../interfaces/edit';
import { modelOf } from '../../interfaces/model';
import { modelTextProblems } from '../../schema/model-check';
import { ifaceParamSchema, interfaceRequestSchema, requestToModel } from '../../schema/requests';
import type { InterfaceModel } from '../../interfaces/types';
import type { NetworkResponse } from '../../schema/responses';
import { badRequest, conflict, notFound } from '../errors';
import type { NetworkService, NetworkView } from '../network/service';
import { requireIfMatch } from '../network/preconditions';

export interface NetworkRouteOptions {
  network: NetworkService;
  nodeName: () => string;
}

/** Refuse a model with text that must not reach the file (the schemas already did; the engine is the last line). */
export function checkModelText(model: InterfaceModel, prefix = 'form'): void {
  const problems = modelTextProblems(model);
  if (problems.length)
    throw badRequest('invalid-input', `Invalid input in ${problems[0].path}: ${problems[0].message}`, {
      fields: problems.map((p) => ({ path: `${prefix}.${p.path}`, message: p.message })),
    });
}

export function existing(view: NetworkView, name: string): InterfaceModel {
  const m = modelOf(view.doc, name, { nics: view.nicNames });
  if (!m) throw notFound(`There is no interface "${name}" in the configuration.`);
  return m;
}

export const networkRoutes: FastifyPluginAsyncZod<NetworkRouteOptions> = async (app, { network, nodeName }) => {
  app.get('/network', async (_req, reply) => {
    const view = await network.read();
    reply.header('ETag', `"${view.digest}"`);
    const interfaces = network.models(view);
    const body: NetworkResponse = {
      node: nodeName(),
      digest: view.digest,
      pending: view.pending,
      interfaces,
      nics: view.nics,
      diagnostics: network.diagnostics(view),
      ...network.pendingStatus(view, interfaces),
    };
    return body;
  });

  app.get('/network/:iface', { schema: { params: ifaceParamSchema } }, async (req, reply) => {
    const view = await network.read();
    const model = existing(view, req.params.iface);
    reply.header('ETag', `"${view.digest}"`);
    return { digest: view.digest, interface: model, diagnostics: network.diagnostics(view).filter((d) => d.iface === model.name) };
  });

  app.post('/network', { schema: { body: interfaceRequestSchema } }, async (req, reply) => {
    const ifMatch = requireIfMatch(req.headers['if-match']);
    const model = requestToModel(req.body);
    checkModelText(model);
    const result = await network.change(ifMatch, (view) => {
      if (modelOf(view.doc, model.name)) throw conflict('exists', `An interface named "${model.name}" already exists: edit it, or pick another name.`);
      return addInterface(view.doc, model);
    });
    reply.header('ETag', `"${result.digest}"`).status(201);
    return result;
  });

  app.put('/network/:iface', { schema: { params: ifaceParamSchema, body: interfaceRequestSchema } }, async (req, reply) => {
    const ifMatch = requireIfMatch(req.headers['if-match']);
    const { iface } = req.params;
    if (req.body.form.name !== iface)
      throw badRequest('rename-unsupported', `Renaming is not supported: the form names "${req.body.form.name}" but you are editing "${iface}". Create the new interface and remove the old one instead.`, {
        fields: [{ path: 'form.name', message: `Must stay "${iface}".` }],
      });
    const result = await network.change(ifMatch, (view) => {
      const model = requestToModel(req.body, existing(view, iface));
      checkModelText(model);
      return applyModel(view.doc, model, { nics: view.nicNames });
    });
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });

  app.delete('/network/:iface', { schema: { params: ifaceParamSchema } }, async (req, reply) => {
    const ifMatch = requireIfMatch(req.headers['if-match']);
    const result = await network.change(ifMatch, (view) => {
      existing(view, req.params.iface);
      return removeInterface(view.doc, req.params.iface);
    });
    reply.header('ETag', `"${result.digest}"`);
    return result;
  });
};
