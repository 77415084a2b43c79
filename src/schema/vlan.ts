/**
 * VLAN form. Three naming styles, as ifupdown2 understands them:
 *   dotted  eth0.50, bond1.30, eth0.100.200 (QinQ): raw device and tag come from the name;
 *           rawDevice / id may be given but must agree with the name.
 *   vlanN   vlan50: the tag comes from the name; rawDevice is required.
 *   free    any other name (e.g. "storage"): rawDevice and id are both required.
 * resolveVlan() is the one implementation, used by the form to fill in the obvious parts and
 * by the schema to report what is missing or contradictory.
 */
import { z } from 'zod';
import { checkCommon, commonDefaults, commonShape, unknownKeys } from './common';
import { optionalIfaceNameSchema } from './names';
import { VLAN_ID_MAX, VLAN_ID_MIN, vlanIdSchema } from './net';

export const VLAN_PROTOCOLS = ['802.1q', '802.1ad'] as const;
export type VlanProtocol = (typeof VLAN_PROTOCOLS)[number];

export type VlanNameStyle = 'dotted' | 'vlanN' | 'free';

export interface VlanInput {
  name: string;
  /** '' or undefined = not given. */
  rawDevice?: string;
  id?: number;
}

export interface VlanProblem {
  field: 'name' | 'rawDevice' | 'id';
  message: string;
}

export interface VlanResolution {
  name: string;
  /** From the name, else from the input; undefined when unknown. */
  rawDevice?: string;
  id?: number;
  style: VlanNameStyle;
  /** Empty when the VLAN is fully and consistently described. */
  problems: VlanProblem[];
}

const inRange = (n: number) => Number.isInteger(n) && n >= VLAN_ID_MIN && n <= VLAN_ID_MAX;

export function resolveVlan(input: VlanInput): VlanResolution {
  const { name } = input;
  const givenRaw = input.rawDevice || undefined;
  const givenId = input.id;
  const problems: VlanProblem[] = [];
  const dotted = /^(.+)\.(\d+)$/.exec(name);
  const vlanN = dotted ? null : /^vlan(\d+)$/.exec(name);
  const style: VlanNameStyle = dotted ? 'dotted' : vlanN ? 'vlanN' : 'free';
  const nameRaw = dotted ? dotted[1] : undefined;
  const tagText = dotted ? dotted[2] : vlanN ? vlanN[1] : undefined;
  const nameId = tagText === undefined ? undefined : Number(tagText);

  if (nameId !== undefined && !inRange(nameId))
    problems.push({ field: 'name', message: `The VLAN ID ${tagText} in ${name} is out of range: VLAN IDs are ${VLAN_ID_MIN} to ${VLAN_ID_MAX}.` });
  if (nameRaw !== undefined && givenRaw !== undefined && givenRaw !== nameRaw)
    problems.push({ field: 'rawDevice', message: `The name ${name} already sets the raw device to ${nameRaw}: enter ${nameRaw} or clear this field.` });
  if (nameId !== undefined && givenId !== undefined && givenId !== nameId)
    problems.push({ field: 'id', message: `The name ${name} already sets the VLAN ID to ${nameId}: enter ${nameId} or clear this field.` });
  const rawDevice = nameRaw ?? givenRaw;
  const id = nameId ?? givenId;
  if (rawDevice === undefined)
    problems.push({ field: 'rawDevice', message: `Enter the raw device (e.g. eth0): the name ${name || '(empty)'} does not say which interface carries the VLAN. Or name the VLAN like eth0.50.` });
  if (id === undefined)
    problems.push({ field: 'id', message: `Enter the VLAN ID (${VLAN_ID_MIN}-${VLAN_ID_MAX}): the name ${name || '(empty)'} does not contain it. Or name the VLAN like eth0.50 or vlan50.` });
  if (rawDevice !== undefined && rawDevice === name)
    problems.push({ field: 'rawDevice', message: 'A VLAN cannot be its own raw device: enter the interface that carries it.' });
  return { name, rawDevice, id, style, problems };
}

export const vlanFormSchema = z
  .strictObject(
    {
      ...commonShape,
      rawDevice: optionalIfaceNameSchema.optional(),
      id: vlanIdSchema.optional(),
      protocol: z.enum(['', ...VLAN_PROTOCOLS], { error: 'Choose a VLAN protocol: 802.1q or 802.1ad.' }).optional(),
    },
    unknownKeys('a VLAN'),
  )
  .superRefine((v, ctx) => {
    checkCommon(v, ctx);
    for (const p of resolveVlan(v).problems) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });

export type VlanFormInput = z.input<typeof vlanFormSchema>;
export type VlanForm = z.output<typeof vlanFormSchema>;

export const vlanFormDefaults = {
  ...commonDefaults,
  name: '',
  rawDevice: '',
  id: undefined as number | undefined,
  protocol: '',
} satisfies VlanFormInput;
