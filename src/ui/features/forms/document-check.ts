/**
 * The whole-file check a form runs before it sends anything, so a change the server would refuse
 * for what it does to the rest of the file (a second default gateway, a port that already has a
 * master, a name that exists) is refused in the browser without a request. It is the server's own
 * check, not a copy: the change applied to the file text with the functions the routes use
 * (schema/apply-request.ts), then the engine's validate and newErrors as NetworkService.change
 * runs them. The refusal has the shape of the server's answer (ApiErrorBody) and is placed like
 * one (planRefusal): on the fields that cause it, the rest for the alert. Pure (unit-tested).
 */
import { EditError } from '../../../interfaces/edit-lines';
import { newErrors } from '../../../interfaces/new-errors';
import { parse } from '../../../interfaces/parser';
import type { Diagnostic, NetDocument } from '../../../interfaces/types';
import { validate } from '../../../interfaces/validate';
import { applyInterfaceRequest, applySetupModels, RequestError } from '../../../schema/apply-request';
import type { InterfaceRequest } from '../../../schema/requests';
import type { ApiErrorBody, Nic } from '../../../schema/responses';
import type { NatSetup, RoutedSetup } from '../../../schema/setups';
import { natSetupToModels, routedSetupToModels } from '../../../schema/to-model';
import { ownNames, planRefusal, type RefusalPlan } from './form-errors';

/** What a form's validated values would do to the file. */
export type PlannedChange =
  | { kind: 'interface'; request: InterfaceRequest; /** The interface edited; absent for a create. */ name?: string }
  | { kind: 'routed'; form: RoutedSetup }
  | { kind: 'nat'; form: NatSetup };

/** The file as parsed and validated once (per digest), for checking any number of changes. */
export interface CheckedFile {
  doc: NetDocument;
  /** Everything the file has now: errors already there do not refuse a change. */
  diagnostics: Diagnostic[];
  /** Physical NIC names (the interfaces the file may use without a stanza). */
  nics: readonly string[];
}

/** The NICs the engine is told about: the physical ones, as the server's `nicNames`. */
export const physicalNics = (nics: readonly Nic[]): string[] => nics.filter((n) => n.physical).map((n) => n.name);

export function checkFile(text: string, nics: readonly string[]): CheckedFile {
  const doc = parse(text);
  return { doc, diagnostics: validate(doc, { nics }), nics };
}

function applyChange(doc: NetDocument, change: PlannedChange, nics: readonly string[]): NetDocument {
  switch (change.kind) {
    case 'interface':
      return applyInterfaceRequest(doc, change.request, nics, change.name).doc;
    case 'routed':
      return applySetupModels(doc, routedSetupToModels(change.form), nics);
    case 'nat':
      return applySetupModels(doc, natSetupToModels(change.form), nics);
  }
}

/**
 * Why the server would refuse the change, in the body it would answer with (`exists`,
 * `not-found`, `edit-refused`, `invalid-config` with the errors the change adds); null when it
 * would stage it. Other exceptions (engine bugs) are thrown.
 */
export function changeRefusal(file: CheckedFile, change: PlannedChange): ApiErrorBody | null {
  let next: NetDocument;
  try {
    next = applyChange(file.doc, change, file.nics);
  } catch (e) {
    if (e instanceof RequestError) return { code: e.code, message: e.message };
    if (e instanceof EditError) return { code: 'edit-refused', message: e.message };
    throw e;
  }
  const fresh = newErrors(file.diagnostics, validate(next, { nics: file.nics }));
  if (!fresh.length) return null;
  const count = fresh.length === 1 ? 'an error' : `${fresh.length} errors`;
  return { code: 'invalid-config', message: `Not sent: the change would leave ${count} in the file. ${fresh[0].message}`, diagnostics: fresh };
}

/** The form values a change came from (what planRefusal places problems on). */
const valuesOf = (change: PlannedChange): unknown => (change.kind === 'interface' ? change.request.form : change.form);

/** Where the problems of a refused change go in the form; null when the change is fine. */
export function checkChange(file: CheckedFile, change: PlannedChange): RefusalPlan | null {
  const body = changeRefusal(file, change);
  if (!body) return null;
  const values = valuesOf(change);
  return planRefusal(body, body.message, values, ownNames(values));
}

/** checkChange on a file text: create (`name` undefined) or update `name` with an interface form's request. */
export function documentProblems(text: string, request: InterfaceRequest, nics: readonly string[], name?: string): RefusalPlan | null {
  return checkChange(checkFile(text, nics), { kind: 'interface', request, name });
}
