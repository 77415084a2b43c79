/**
 * Whole-setup forms that generate several interfaces from a few fields (seed examples 2 and 3):
 *   routed  public NIC with proxy_arp + a port-less bridge for an additional IP block;
 *   nat     public NIC + a port-less bridge on a private subnet, masqueraded out of the NIC.
 * Both are IPv4 only (proxy_arp and the iptables rules are IPv4). The private subnet must not
 * overlap the public one and must leave room for guests (prefix /30 or shorter).
 */
import { z } from 'zod';
import { unknownKeys } from './common';
import { ifaceNameSchema } from './names';
import { formatIPv4, ipv4AddressSchema, ipv4CidrSchema, ipv4Network, ipv4NetworkCidr, ipv4NetworksOverlap, parseIPv4 } from './net';
import { commentSchema } from './safe-text';

const setupShape = {
  publicIface: ifaceNameSchema,
  publicCidr: ipv4CidrSchema,
  gateway: ipv4AddressSchema,
  bridge: ifaceNameSchema,
  bridgeCidr: ipv4CidrSchema,
  publicComment: commentSchema.optional(),
  bridgeComment: commentSchema.optional(),
};

interface SetupValues {
  publicIface: string;
  publicCidr: string;
  gateway: string;
  bridge: string;
  bridgeCidr: string;
}

function setupRules(v: SetupValues, ctx: z.RefinementCtx): void {
  if (v.bridge === v.publicIface)
    ctx.addIssue({ code: 'custom', path: ['bridge'], message: `The bridge needs its own name, not ${v.publicIface}: e.g. vmbr0.` });
  const pub = ipv4Network(v.publicCidr);
  const priv = ipv4Network(v.bridgeCidr);
  const pubAddr = parseIPv4(v.publicCidr.split('/')[0]);
  if (!pub || !priv || pubAddr === null) return; // the fields themselves are reported invalid
  if (parseIPv4(v.gateway) === pubAddr)
    ctx.addIssue({ code: 'custom', path: ['gateway'], message: "The gateway must be another host, not this interface's own address." });
  if (priv.prefix > 30)
    ctx.addIssue({ code: 'custom', path: ['bridgeCidr'], message: `A /${priv.prefix} leaves no addresses for guests: use a prefix of /30 or shorter (e.g. /24).` });
  else {
    const addr = parseIPv4(v.bridgeCidr.split('/')[0]) ?? -1;
    const kind = addr === priv.start ? 'network' : addr === priv.start + priv.size - 1 ? 'broadcast' : '';
    if (kind)
      ctx.addIssue({ code: 'custom', path: ['bridgeCidr'], message: `${formatIPv4(addr)} is the ${kind} address of ${ipv4NetworkCidr(v.bridgeCidr)}: use a host address such as ${formatIPv4(priv.start + 1)}/${priv.prefix}.` });
  }
  const gw = parseIPv4(v.gateway);
  if (gw !== null && gw >= priv.start && gw < priv.start + priv.size)
    ctx.addIssue({ code: 'custom', path: ['gateway'], message: `The gateway ${v.gateway} is inside the private subnet ${ipv4NetworkCidr(v.bridgeCidr)}: enter your provider's gateway.` });
  if (ipv4NetworksOverlap(v.publicCidr, v.bridgeCidr))
    ctx.addIssue({
      code: 'custom',
      path: ['bridgeCidr'],
      message: `The private subnet ${ipv4NetworkCidr(v.bridgeCidr)} overlaps the public subnet ${formatIPv4(pub.start)}/${pub.prefix}: pick a subnet outside it (e.g. 10.10.10.1/24).`,
    });
}

export const routedSetupSchema = z
  .strictObject(setupShape, unknownKeys('a routed setup'))
  .superRefine((v, ctx) => setupRules(v, ctx));

export const natSetupSchema = z
  .strictObject(setupShape, unknownKeys('a NAT setup'))
  .superRefine((v, ctx) => setupRules(v, ctx));

export type RoutedSetupInput = z.input<typeof routedSetupSchema>;
export type RoutedSetup = z.output<typeof routedSetupSchema>;
export type NatSetupInput = z.input<typeof natSetupSchema>;
export type NatSetup = z.output<typeof natSetupSchema>;

/** The masqueraded subnet of a NAT setup: natSubnet('10.10.10.1/24') === '10.10.10.0/24'. */
export function natSubnet(bridgeCidr: string): string | null {
  return ipv4NetworkCidr(bridgeCidr);
}

export const routedSetupDefaults = {
  publicIface: 'eth0',
  publicCidr: '',
  gateway: '',
  bridge: 'vmbr0',
  bridgeCidr: '',
  publicComment: '',
  bridgeComment: '',
} satisfies RoutedSetupInput;

export const natSetupDefaults = {
  ...routedSetupDefaults,
  bridgeCidr: '10.10.10.1/24',
  publicComment: 'real IP address',
  bridgeComment: 'private sub network',
} satisfies NatSetupInput;
