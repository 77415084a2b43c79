/**
 * Linux bond form: a discriminated union on `mode`, so mode-specific fields exist only where
 * Linux uses them:
 *   xmitHashPolicy  balance-xor, 802.3ad, balance-tlb, balance-alb
 *   primary         active-backup, balance-tlb, balance-alb
 *   lacpRate        802.3ad
 * Every variant is a strict object. A mode-specific field sent for a mode that does not use it
 * is an error on that field ("Primary slave does not apply to mode 802.3ad …"); any other
 * unknown key is an error on the object. When the user switches mode, call switchBondMode() to
 * drop the fields the new mode does not have.
 */
import { z } from 'zod';
import { BOND_MODES, type BondMode } from '../interfaces/types';
import { MODE_SPECIFIC, XMIT_HASH_POLICIES } from '../interfaces/bond-modes';
import { checkCommon, commonDefaults, commonShape, unknownKeys } from './common';
import { nameListSchema, optionalIfaceNameSchema } from './names';
import { intSchema } from './net';

export { XMIT_HASH_POLICIES };
export type XmitHashPolicy = (typeof XMIT_HASH_POLICIES)[number];
export const LACP_RATES = ['slow', 'fast'] as const;
export type LacpRate = (typeof LACP_RATES)[number];

export const BOND_MODE_FIELDS = ['xmitHashPolicy', 'primary', 'lacpRate'] as const;
export type BondModeField = (typeof BOND_MODE_FIELDS)[number];

export const BOND_FIELD_LABELS: Record<BondModeField, string> = {
  xmitHashPolicy: 'Transmit hash policy',
  primary: 'Primary slave',
  lacpRate: 'LACP rate',
};

export interface BondModeInfo {
  /** Linux mode number (bond-mode accepts it too). */
  number: number;
  label: string;
  description: string;
  /** Mode-specific fields that apply to this mode. */
  fields: readonly BondModeField[];
}

const FIELD_KEY: Record<BondModeField, keyof typeof MODE_SPECIFIC> = {
  xmitHashPolicy: 'bond-xmit-hash-policy',
  primary: 'bond-primary',
  lacpRate: 'bond-lacp-rate',
};

/** Which mode-specific fields apply, from the engine's table (one copy of the rule). */
function fieldsOf(mode: BondMode): readonly BondModeField[] {
  return BOND_MODE_FIELDS.filter((f) => MODE_SPECIFIC[FIELD_KEY[f]].includes(mode));
}

/** From the seven bullet points of the Proxmox network page. */
export const BOND_MODE_INFO: Record<BondMode, BondModeInfo> = {
  'balance-rr': {
    number: 0,
    label: 'Round-robin',
    description: 'Transmits packets in sequential order from the first available slave through the last. Provides load balancing and fault tolerance.',
    fields: fieldsOf('balance-rr'),
  },
  'active-backup': {
    number: 1,
    label: 'Active-backup',
    description: "Only one slave is active; another takes over if, and only if, it fails. The bond's MAC is visible on one port only. Provides fault tolerance.",
    fields: fieldsOf('active-backup'),
  },
  'balance-xor': {
    number: 2,
    label: 'XOR',
    description: 'Transmits based on (source MAC XOR destination MAC) modulo the slave count, so each destination always uses the same slave. Provides load balancing and fault tolerance.',
    fields: fieldsOf('balance-xor'),
  },
  broadcast: {
    number: 3,
    label: 'Broadcast',
    description: 'Transmits every packet on all slaves. Provides fault tolerance.',
    fields: fieldsOf('broadcast'),
  },
  '802.3ad': {
    number: 4,
    label: 'LACP (IEEE 802.3ad)',
    description: 'Dynamic link aggregation: creates aggregation groups that share the same speed and duplex, using all slaves in the active aggregator. The switch must support LACP.',
    fields: fieldsOf('802.3ad'),
  },
  'balance-tlb': {
    number: 5,
    label: 'Adaptive transmit load balancing',
    description: 'Spreads outgoing traffic by the current load of each slave; incoming traffic arrives on one slave, whose MAC another slave takes over if it fails. Needs no special switch support.',
    fields: fieldsOf('balance-tlb'),
  },
  'balance-alb': {
    number: 6,
    label: 'Adaptive load balancing',
    description: 'Adaptive load balancing: balance-tlb plus receive load balancing for IPv4 traffic; needs no special switch support.',
    fields: fieldsOf('balance-alb'),
  },
};

export function fieldsForMode(mode: BondMode): readonly BondModeField[] {
  return BOND_MODE_INFO[mode].fields;
}

export function modesForField(field: BondModeField): BondMode[] {
  return BOND_MODES.filter((m) => BOND_MODE_INFO[m].fields.includes(field));
}

const MAX_MS = 2147483647;
export const DEFAULT_MIIMON = 100;

const bondShape = {
  ...commonShape,
  slaves: nameListSchema('slaves', 1),
  miimon: intSchema('MII monitor interval', 0, MAX_MS, ' ms').default(DEFAULT_MIIMON),
  updelay: intSchema('Up delay', 0, MAX_MS, ' ms').optional(),
  downdelay: intSchema('Down delay', 0, MAX_MS, ' ms').optional(),
};

const applies = {
  xmitHashPolicy: z.enum(['', ...XMIT_HASH_POLICIES], {
    error: `Choose a transmit hash policy: ${XMIT_HASH_POLICIES.join(', ')}.`,
  }).optional(),
  primary: optionalIfaceNameSchema.optional(),
  lacpRate: z.enum(['', ...LACP_RATES], { error: 'Choose a LACP rate: slow or fast.' }).optional(),
};

function notFor(mode: BondMode, field: BondModeField) {
  return z
    .undefined({
      error: `${BOND_FIELD_LABELS[field]} does not apply to mode ${mode}: it is only used by ${modesForField(field).join(', ')}. Clear it.`,
    })
    .optional();
}

interface BondRuleValues {
  name: string;
  ipv6?: { cidr?: string };
  mtu?: number;
  slaves: string[];
  miimon: number;
  updelay?: number;
  downdelay?: number;
  primary?: string;
}

function bondRules(v: BondRuleValues, ctx: z.RefinementCtx): void {
  checkCommon(v, ctx);
  const self = v.slaves.indexOf(v.name);
  if (self >= 0)
    ctx.addIssue({ code: 'custom', path: ['slaves', self], message: `A bond cannot be its own slave: remove ${v.name}.` });
  for (const [key, label] of [['updelay', 'Up delay'], ['downdelay', 'Down delay']] as const) {
    const d = v[key];
    if (!d) continue;
    if (v.miimon === 0)
      ctx.addIssue({ code: 'custom', path: [key], message: `${label} only works with link monitoring: set miimon above 0, or set ${label.toLowerCase()} to 0.` });
    else if (d % v.miimon !== 0)
      ctx.addIssue({ code: 'custom', path: [key], message: `${label} must be a multiple of miimon (${v.miimon} ms); Linux would round it down to ${d - (d % v.miimon)} ms.` });
  }
  if (v.primary && !v.slaves.includes(v.primary))
    ctx.addIssue({ code: 'custom', path: ['primary'], message: `The primary slave must be one of the slaves (${v.slaves.join(', ')}).` });
}

function variant<M extends BondMode, S extends z.ZodRawShape>(mode: M, specific: S) {
  return z
    .strictObject({ ...bondShape, mode: z.literal(mode), ...specific }, unknownKeys(`a ${mode} bond`))
    .superRefine((v, ctx) => bondRules(v as BondRuleValues, ctx));
}

export const bondFormSchema = z.discriminatedUnion(
  'mode',
  [
    variant('balance-rr', { xmitHashPolicy: notFor('balance-rr', 'xmitHashPolicy'), primary: notFor('balance-rr', 'primary'), lacpRate: notFor('balance-rr', 'lacpRate') }),
    variant('active-backup', { xmitHashPolicy: notFor('active-backup', 'xmitHashPolicy'), primary: applies.primary, lacpRate: notFor('active-backup', 'lacpRate') }),
    variant('balance-xor', { xmitHashPolicy: applies.xmitHashPolicy, primary: notFor('balance-xor', 'primary'), lacpRate: notFor('balance-xor', 'lacpRate') }),
    variant('broadcast', { xmitHashPolicy: notFor('broadcast', 'xmitHashPolicy'), primary: notFor('broadcast', 'primary'), lacpRate: notFor('broadcast', 'lacpRate') }),
    variant('802.3ad', { xmitHashPolicy: applies.xmitHashPolicy, primary: notFor('802.3ad', 'primary'), lacpRate: applies.lacpRate }),
    variant('balance-tlb', { xmitHashPolicy: applies.xmitHashPolicy, primary: applies.primary, lacpRate: notFor('balance-tlb', 'lacpRate') }),
    variant('balance-alb', { xmitHashPolicy: applies.xmitHashPolicy, primary: applies.primary, lacpRate: notFor('balance-alb', 'lacpRate') }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? `Choose a bond mode: ${BOND_MODES.join(', ')}.` : undefined) },
);

export type BondFormInput = z.input<typeof bondFormSchema>;
export type BondForm = z.output<typeof bondFormSchema>;

/**
 * The same values for another mode: fields the new mode does not use are removed, fields it
 * uses but that are missing are set to '' (so the inputs stay controlled).
 */
export function switchBondMode(values: BondFormInput, mode: BondMode): BondFormInput {
  const out: Record<string, unknown> = { ...values, mode };
  const keep = fieldsForMode(mode);
  for (const f of BOND_MODE_FIELDS) {
    if (!keep.includes(f)) delete out[f];
    else if (out[f] === undefined) out[f] = '';
  }
  return out as BondFormInput;
}

export const bondFormDefaults = {
  ...commonDefaults,
  name: 'bond0',
  mode: 'active-backup',
  slaves: [] as string[],
  miimon: DEFAULT_MIIMON,
  updelay: undefined as number | undefined,
  downdelay: undefined as number | undefined,
  primary: '',
} satisfies BondFormInput;
