/**
 * Fields every interface form shares: name, autostart, IPv4, IPv6, MTU, comment.
 *
 * Conventions for every form in src/schema:
 * - Optional text fields accept '' meaning "not set" (what an empty <input> sends); converters
 *   map '' to undefined. Optional numbers are `number | undefined` (map '' to undefined in the
 *   input, see emptyToUndefined).
 * - A family with a CIDR is written `inet static`; without one, `inet manual`.
 * - A gateway needs an address of the same family; the error is on the gateway field.
 * - The comment is ONE safe line (written as `# TEXT` above the stanza). Multi-line comments
 *   are not editable through forms: converting a model with several comment lines joins them
 *   with ' ' (see to-model.ts).
 */
import { z } from 'zod';
import { ifaceNameSchema } from './names';
import { commentSchema } from './safe-text';
import {
  IPV6_MIN_MTU,
  mtuSchema,
  optionalIpv4AddressSchema,
  optionalIpv4CidrSchema,
  optionalIpv6AddressSchema,
  optionalIpv6CidrSchema,
  parseIPv4,
  parseIPv6,
} from './net';

function gatewayRule(
  family: 'IPv4' | 'IPv6',
  sameAddress: (cidr: string, gateway: string) => boolean,
) {
  return (v: { cidr?: string; gateway?: string }, ctx: z.RefinementCtx) => {
    if (!v.gateway) return;
    if (!v.cidr)
      ctx.addIssue({
        code: 'custom',
        path: ['gateway'],
        message: `A gateway needs an ${family} address on this interface: enter the address (CIDR) or clear the gateway.`,
      });
    else if (sameAddress(v.cidr, v.gateway))
      ctx.addIssue({
        code: 'custom',
        path: ['gateway'],
        message: "The gateway must be another host, not this interface's own address.",
      });
  };
}

const addrOf = (cidr: string) => cidr.slice(0, cidr.lastIndexOf('/'));

export const ipv4Schema = z
  .strictObject({ cidr: optionalIpv4CidrSchema, gateway: optionalIpv4AddressSchema })
  .superRefine(gatewayRule('IPv4', (c, g) => parseIPv4(g) !== null && parseIPv4(addrOf(c)) === parseIPv4(g)));

export const ipv6Schema = z
  .strictObject({ cidr: optionalIpv6CidrSchema, gateway: optionalIpv6AddressSchema })
  .superRefine(
    gatewayRule('IPv6', (c, g) => parseIPv6(g) !== null && String(parseIPv6(addrOf(c))) === String(parseIPv6(g))),
  );

export type FamilyForm = z.output<typeof ipv4Schema>;

/** The shared shape; spread it into each form's z.strictObject. */
export const commonShape = {
  name: ifaceNameSchema,
  autostart: z.boolean().default(true),
  ipv4: ipv4Schema.optional(),
  ipv6: ipv6Schema.optional(),
  mtu: mtuSchema.optional(),
  comment: commentSchema.optional(),
};

export interface CommonValues {
  name: string;
  ipv6?: { cidr?: string };
  mtu?: number;
}

/** Cross-field rules of the shared fields; call from each form's superRefine. */
export function checkCommon(v: CommonValues, ctx: z.RefinementCtx): void {
  if (v.mtu !== undefined && v.mtu < IPV6_MIN_MTU && v.ipv6?.cidr)
    ctx.addIssue({
      code: 'custom',
      path: ['mtu'],
      message: `IPv6 needs an MTU of at least ${IPV6_MIN_MTU}: raise the MTU or remove the IPv6 address.`,
    });
}

/**
 * For number inputs (react-hook-form `setValueAs`): '' / null / undefined become undefined,
 * anything else Number(v) (garbage becomes NaN, which the schema reports as "Enter a number").
 */
export function emptyToUndefined(v: unknown): number | undefined {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
  return Number(v);
}

/** Strict-object error: names the unknown field(s). */
export function unknownKeys(what: string) {
  return {
    error: (iss: { code?: string; keys?: string[] }) =>
      iss.code === 'unrecognized_keys'
        ? `Unknown field${iss.keys && iss.keys.length > 1 ? 's' : ''} for ${what}: ${(iss.keys ?? []).join(', ')}. Remove ${iss.keys && iss.keys.length > 1 ? 'them' : 'it'}.`
        : undefined,
  };
}

export const commonDefaults = {
  name: '',
  autostart: true,
  ipv4: { cidr: '', gateway: '' },
  ipv6: { cidr: '', gateway: '' },
  mtu: undefined as number | undefined,
  comment: '',
};
