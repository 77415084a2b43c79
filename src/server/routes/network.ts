/**
 * /network: list and read interfaces; create, update and remove one. Writes go to the staged
 * file through NetworkService.change (lock, If-Match, engine edit, whole-document check).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { removeInterface } from '../../interfaces/edit';
import { applyInterfaceRequest, RequestError } from '../../schema/apply-request';
import { modelOf } from '../../interfaces/model';
import { modelTextProblems } from '../../schema/model-check';
import { ifaceParamSchema, interfaceRequestSchema, requestToModel, type InterfaceRequest } from '../../schema/requests';
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

/** The request applied to the view's document, exactly as the panel previews it (schema/apply-request.ts). */
function applyRequest(view: NetworkView, body: InterfaceRequest, name?: string) {
  try {
    const { doc, model } = applyInterfaceRequest(view.doc, body, view.nicNames, name);
    checkModelText(model);
    return doc;
  } catch (e) {
    if (e instanceof RequestError) throw e.code === 'exists' ? conflict('exists', e.message) : notFound(e.message);
    throw e;
  }
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
    checkModelText(requestToModel(req.body));
    const result = await network.change(ifMatch, (view) => applyRequest(view, req.body));
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
    const result = await network.change(ifMatch, (view) => applyRequest(view, req.body, iface));
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
