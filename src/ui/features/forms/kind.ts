/** Which form edits which interface, and how the table asks for a form. */
import type { InterfaceModel } from '../../../interfaces/types';

export type FormKind = 'bridge' | 'bond' | 'vlan' | 'eth';

export type FormTarget =
  | { kind: FormKind; mode: 'create' }
  | { kind: FormKind; mode: 'edit'; name: string }
  | { kind: 'routed' | 'nat'; mode: 'create' };

/** The form for an interface; null for those no form edits (loopback, OVS*, alias, unknown). */
export function formKindFor(model: InterfaceModel): FormKind | null {
  switch (model.type) {
    case 'bridge':
    case 'bond':
    case 'vlan':
    case 'eth':
      return model.type;
    default:
      return null;
  }
}
