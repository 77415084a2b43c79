/**
 * Request bodies of the network API: a form's values tagged with the form they come from. The
 * browser sends exactly what its form validated; the server parses the same schema again.
 *   POST /network            { kind, form }      create
 *   PUT  /network/:iface     { kind, form }      update (form.name must be :iface)
 *   POST /network/setups/routed | /nat           the setup form itself
 */
import { z } from 'zod';
import type { InterfaceModel } from '../interfaces/types';
import { bondFormSchema } from './bond';
import { bridgeFormSchema } from './bridge';
import { ethFormSchema } from './eth';
import { bondFormToModel, bridgeFormToModel, ethFormToModel, vlanFormToModel } from './to-model';
import { vlanFormSchema } from './vlan';

export const FORM_KINDS = ['bridge', 'bond', 'vlan', 'eth'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const interfaceRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bridge'), form: bridgeFormSchema }),
  z.strictObject({ kind: z.literal('bond'), form: bondFormSchema }),
  z.strictObject({ kind: z.literal('vlan'), form: vlanFormSchema }),
  z.strictObject({ kind: z.literal('eth'), form: ethFormSchema }),
]);
export type InterfaceRequest = z.output<typeof interfaceRequestSchema>;
export type InterfaceRequestInput = z.input<typeof interfaceRequestSchema>;

/** The model a validated request describes; `base` is the interface being edited, if any. */
export function requestToModel(req: InterfaceRequest, base?: InterfaceModel): InterfaceModel {
  switch (req.kind) {
    case 'bridge':
      return bridgeFormToModel(req.form, base);
    case 'bond':
      return bondFormToModel(req.form, base);
    case 'vlan':
      return vlanFormToModel(req.form, base);
    case 'eth':
      return ethFormToModel(req.form, base);
  }
}

/** Path parameter naming an interface: bounded, checked for real by the route against the file. */
export const ifaceParamSchema = z.strictObject({ iface: z.string().min(1).max(64) });

