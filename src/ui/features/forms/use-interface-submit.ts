/**
 * Create or update an interface through the API, depending on whether a form edits one; and the
 * change the same request makes to the file, for the whole-file check before it is sent.
 */
import type { InterfaceRequest } from '../../../schema/requests';
import type { ChangeResponse } from '../../../schema/responses';
import { useCreateInterface } from './api/create-interface';
import { useUpdateInterface } from './api/update-interface';
import type { PlannedChange } from './document-check';
import type { FormKind } from './kind';

export interface InterfaceSubmit {
  submit: (form: InterfaceRequest['form']) => Promise<ChangeResponse>;
  plan: (form: InterfaceRequest['form']) => PlannedChange;
}

export function useInterfaceSubmit(kind: FormKind, editing: string | undefined, digest: string): InterfaceSubmit {
  const create = useCreateInterface();
  const update = useUpdateInterface();
  const requestOf = (form: InterfaceRequest['form']) => ({ kind, form }) as InterfaceRequest;
  return {
    submit: (form) => {
      const request = requestOf(form);
      return editing ? update.mutateAsync({ name: editing, request, digest }) : create.mutateAsync({ request, digest });
    },
    plan: (form) => ({ kind: 'interface', request: requestOf(form), name: editing }),
  };
}
