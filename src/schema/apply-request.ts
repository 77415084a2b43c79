/**
 * A validated request applied to a document: what the server writes, and what the panel runs
 * on the file text before sending (so a change the whole-file checks would refuse — a second
 * default gateway, a port already in use — is refused in the browser without a request).
 * Pure: engine edits only. Throws EditError for impossible edits and RequestError for a name that
 * exists or does not.
 */
import { addInterface, applyModel } from '../interfaces/edit';
import { modelOf } from '../interfaces/model';
import type { InterfaceModel, NetDocument } from '../interfaces/types';
import { requestToModel, type InterfaceRequest } from './requests';

export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    readonly code: 'exists' | 'not-found',
    message: string,
  ) {
    super(message);
  }
}

/** Create (`name` undefined) or update `name` from a form request. Returns the new document and the model written. */
export function applyInterfaceRequest(doc: NetDocument, req: InterfaceRequest, nics: readonly string[], name?: string): { doc: NetDocument; model: InterfaceModel } {
  if (name === undefined) {
    const model = requestToModel(req);
    if (modelOf(doc, model.name)) throw new RequestError('exists', `An interface named "${model.name}" already exists: edit it, or pick another name.`);
    return { doc: addInterface(doc, model), model };
  }
  const base = modelOf(doc, name, { nics });
  if (!base) throw new RequestError('not-found', `There is no interface "${name}" in the configuration.`);
  const model = requestToModel(req, base);
  return { doc: applyModel(doc, model, { nics }), model };
}

/** The setup's interface over what exists: its options added to the existing ones (no duplicates). */
export function mergeSetupModel(base: InterfaceModel | undefined, m: InterfaceModel): InterfaceModel {
  if (!base) return m;
  const same = (a: InterfaceModel['options'][number], b: InterfaceModel['options'][number]) => a.key === b.key && a.value === b.value;
  const kept = base.options.filter((o) => !m.options.some((n) => same(n, o)));
  return { ...m, hotplug: base.hotplug, comments: m.comments ?? base.comments, options: [...kept, ...m.options] };
}

/**
 * The routed/NAT setup's interfaces: each added, or, when it exists (the demo's eth0 and vmbr0
 * do), updated in place so its unrelated options, comments and spelling stay. `check` sees each
 * model before it is written (the server refuses unsafe text there).
 */
export function applySetupModels(doc: NetDocument, models: readonly InterfaceModel[], nics: readonly string[], check: (m: InterfaceModel) => void = () => {}): NetDocument {
  let out = doc;
  for (const m of models) {
    check(m);
    const base = modelOf(out, m.name, { nics });
    out = base ? applyModel(out, mergeSetupModel(base, m), { nics }) : addInterface(out, m);
  }
  return out;
}
