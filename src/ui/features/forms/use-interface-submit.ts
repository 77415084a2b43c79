/** Create or update an interface through the API, depending on whether a form edits one. */
import type { InterfaceRequest } from '../../../schema/requests';
import type { ChangeResponse } from '../../../schema/responses';
import { useCreateInterface } from './api/create-interface';
import { useUpdateInterface } from './api/update-interface';
import type { FormKind } from './kind';

export function useInterfaceSubmit(kind: FormKind, editing: string | undefined, digest: string): (form: InterfaceRequest['form']) => Promise<ChangeResponse> {
  const create = useCreateInterface();
  const update = useUpdateInterface();
  return (form) => {
    const request = { kind, form } as InterfaceRequest;
    return editing ? update.mutateAsync({ name: editing, request, digest }) : create.mutateAsync({ request, digest });
  };
}
