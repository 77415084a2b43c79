/**
 * Addresses and numbers: IPv4/IPv6 addresses and CIDRs, MTU, VLAN ids, bridge-vids lists.
 *
 * IPv4 is strict dotted quad: 0-255, no leading zeros (inet_aton would read "010" as octal 8).
 * IPv6 is every RFC 4291 text form: 1-4 hex digits per group, one "::", embedded IPv4 in the
 * last 32 bits. No zone ids ("%eth0"): '%' is never safe in the file.
 * Optional address fields accept '' meaning "not set" (what an empty input sends).
 */
import { z } from 'zod';
import { addFieldIssue, addUnsafeTextIssues } from './safe-text';

export const MTU_MIN = 68; // RFC 791 minimum; Linux refuses smaller IPv4 MTUs
export const MTU_MAX = 65535;
export const IPV6_MIN_MTU = 1280;
export const VLAN_ID_MIN = 1;
export const VLAN_ID_MAX = 4094;

export {
  parseIPv4,
  formatIPv4,
  parseIPv6,
  parseIPv4Cidr,
  parseIPv6Cidr,
  ipv4Network,
  ipv4NetworkCidr,
  ipv4NetworksOverlap,
  type Cidr,
} from '../interfaces/address';
import { parseIPv4, parseIPv4Cidr, parseIPv6, parseIPv6Cidr } from '../interfaces/address';

type Kind = 'ipv4' | 'ipv4cidr' | 'ipv6' | 'ipv6cidr';

function addressProblem(s: string, kind: Kind): string | undefined {
  const v6 = kind.startsWith('ipv6');
  const cidr = kind.endsWith('cidr');
  const ok = { ipv4: parseIPv4, ipv4cidr: parseIPv4Cidr, ipv6: parseIPv6, ipv6cidr: parseIPv6Cidr }[kind](s);
  if (ok !== null) return undefined;
  const addr = cidr && s.includes('/') ? s.slice(0, s.lastIndexOf('/')) : s;
  if (!v6 && parseIPv6(addr)) return 'This is an IPv6 address: enter it in the IPv6 section.';
  if (v6 && parseIPv4(addr) !== null) return 'This is an IPv4 address: enter it in the IPv4 section.';
  if (cidr && !s.includes('/'))
    return `Add the prefix length, e.g. ${v6 ? '2001:db8::2/64' : '192.168.10.2/24'}.`;
  if (!cidr && s.includes('/')) return 'Enter a single address without a /prefix.';
  if (cidr && !v6 && parseIPv4(addr) !== null) {
    if (parseIPv4(s.slice(s.lastIndexOf('/') + 1)) !== null)
      return 'Write the prefix length (e.g. /24), not a netmask (/255.255.255.0).';
    return 'The prefix length after / must be a number from 0 to 32.';
  }
  if (cidr && v6 && parseIPv6(addr)) return 'The prefix length after / must be a number from 0 to 128.';
  return v6
    ? 'Not a valid IPv6 address: use groups of 1-4 hex digits separated by ":" (e.g. 2001:db8::1).'
    : 'Not a valid IPv4 address: use four numbers 0-255 without leading zeros (e.g. 192.168.10.2).';
}

function addressSchema(kind: Kind, required: boolean) {
  return z.string({ error: 'Must be text.' }).superRefine((s, ctx) => {
    if (!addUnsafeTextIssues(s, ctx)) return;
    if (s === '') {
      if (required) addFieldIssue(ctx, 'Enter an address.');
      return;
    }
    const message = addressProblem(s, kind);
    if (message) addFieldIssue(ctx, message);
  });
}

export const ipv4AddressSchema = addressSchema('ipv4', true);
export const ipv4CidrSchema = addressSchema('ipv4cidr', true);
export const ipv6AddressSchema = addressSchema('ipv6', true);
export const ipv6CidrSchema = addressSchema('ipv6cidr', true);
/** '' = not set. */
export const optionalIpv4AddressSchema = addressSchema('ipv4', false).optional();
export const optionalIpv4CidrSchema = addressSchema('ipv4cidr', false).optional();
export const optionalIpv6AddressSchema = addressSchema('ipv6', false).optional();
export const optionalIpv6CidrSchema = addressSchema('ipv6cidr', false).optional();

export function intSchema(label: string, min: number, max: number, why = '') {
  const msg = `${label} must be a whole number from ${min} to ${max}${why}.`;
  return z.number({ error: `Enter a number for ${label.toLowerCase()}.` }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
}

export const mtuSchema = intSchema('MTU', MTU_MIN, MTU_MAX, ' (68 is the IPv4 minimum)');
export const vlanIdSchema = intSchema('VLAN ID', VLAN_ID_MIN, VLAN_ID_MAX);

/** Parse a bridge-vids list ("2-4094", "2 3 10-20") into ranges, or a message saying what is wrong. */
export function parseVidList(s: string): { ranges: [number, number][] } | { error: string } {
  const words = s.trim().split(/ +/);
  if (s.trim() === '') return { error: 'Enter VLAN IDs, e.g. 2-4094 or 10 20 30-40.' };
  const ranges: [number, number][] = [];
  for (const w of words) {
    const m = /^(0|[1-9]\d*)(?:-(0|[1-9]\d*))?$/.exec(w);
    if (!m) return { error: `"${w}" is not a VLAN ID or range: write numbers like 10 or ranges like 10-20, separated by spaces.` };
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    for (const n of [a, b])
      if (n < VLAN_ID_MIN || n > VLAN_ID_MAX) return { error: `VLAN ID ${n} in "${w}" is out of range: use 1 to 4094.` };
    if (m[2] !== undefined && a >= b) return { error: `Range "${w}" must go up: write the smaller ID first (e.g. ${Math.min(a, b)}-${Math.max(a, b)}), or a single ID.` };
    const clash = ranges.find(([x, y]) => a <= y && x <= b);
    if (clash) return { error: `"${w}" overlaps ${clash[0] === clash[1] ? clash[0] : clash.join('-')}: list every VLAN ID once.` };
    ranges.push([a, b]);
  }
  return { ranges };
}

/** bridge-vids list; '' = not set. Separate entries with single spaces or more. */
export const vidListSchema = z.string({ error: 'Must be text.' }).superRefine((s, ctx) => {
  if (!addUnsafeTextIssues(s, ctx) || s === '') return;
  const r = parseVidList(s);
  if ('error' in r) addFieldIssue(ctx, r.error);
});
