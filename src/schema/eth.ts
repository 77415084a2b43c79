/**
 * Plain NIC form: the common fields only. The name may also be an alias (eth0:1); such a form
 * converts to an interface of type 'alias'.
 */
import { z } from 'zod';
import { checkCommon, commonDefaults, commonShape, unknownKeys } from './common';
import { ifaceOrAliasNameSchema } from './names';

export const ethFormSchema = z
  .strictObject({ ...commonShape, name: ifaceOrAliasNameSchema }, unknownKeys('a network card'))
  .superRefine((v, ctx) => checkCommon(v, ctx));

export type EthFormInput = z.input<typeof ethFormSchema>;
export type EthForm = z.output<typeof ethFormSchema>;

export const ethFormDefaults = { ...commonDefaults, name: 'eth0' } satisfies EthFormInput;
