import type { InterfaceModel } from '../../../interfaces/types';
import type { ChangeResponse, NetworkResponse } from '../../../schema/responses';

/** What FormModal hands every interface form. */
export interface InterfaceFormProps {
  network: NetworkResponse;
  /** The interface being edited; absent for a create form. */
  model?: InterfaceModel;
  /** After the server staged the change: the interfaces it was about, and its answer. */
  onDone: (names: string[], result: ChangeResponse) => void;
  onCancel: () => void;
}
