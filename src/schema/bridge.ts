/**
 * Linux bridge form (vmbrN).
 * - ports: interface names; [] is written `bridge_ports none`. A bridge cannot be its own port.
 * - vids (bridge-vids) only when vlanAware; '' = not set.
 * - fd (forward delay, seconds): Linux only accepts 2-30 while STP is on; with STP off, 0-30
 *   (Proxmox writes 0).
 */
import { z } from 'zod';
import { checkCommon, commonDefaults, commonShape, unknownKeys } from './common';
import { nameListSchema } from './names';
import { intSchema, vidListSchema } from './net';

export const FD_MIN_STP = 2;
export const FD_MAX = 30;

export const bridgeFormSchema = z
  .strictObject(
    {
      ...commonShape,
      ports: nameListSchema('ports').default([]),
      vlanAware: z.boolean().default(false),
      vids: vidListSchema.optional(),
      stp: z.boolean().default(false),
      fd: intSchema('Forward delay', 0, FD_MAX, ' seconds').default(0),
    },
    unknownKeys('a bridge'),
  )
  .superRefine((v, ctx) => {
    checkCommon(v, ctx);
    const self = v.ports.indexOf(v.name);
    if (self >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['ports', self],
        message: `A bridge cannot be its own port: remove ${v.name} from the ports.`,
      });
    if (v.vids && !v.vlanAware)
      ctx.addIssue({
        code: 'custom',
        path: ['vids'],
        message: 'VLAN IDs only apply to a VLAN-aware bridge: turn on "VLAN aware" or clear this field.',
      });
    if (v.stp && v.fd < FD_MIN_STP)
      ctx.addIssue({
        code: 'custom',
        path: ['fd'],
        message: `With STP on, Linux needs a forward delay of ${FD_MIN_STP} to ${FD_MAX} seconds: raise it, or turn STP off to use 0.`,
      });
  });

export type BridgeFormInput = z.input<typeof bridgeFormSchema>;
export type BridgeForm = z.output<typeof bridgeFormSchema>;

/** Proxmox's default VLAN range for a VLAN-aware bridge. */
export const DEFAULT_BRIDGE_VIDS = '2-4094';

export const bridgeFormDefaults = {
  ...commonDefaults,
  name: 'vmbr0',
  ports: [] as string[],
  vlanAware: false,
  vids: '',
  stp: false,
  fd: 0,
} satisfies BridgeFormInput;
