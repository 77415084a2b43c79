/**
 * IPv4/IPv6 address, prefix and netmask parsing. Pure functions, shared by the engine's checks and
 * the form schemas (src/schema/net.ts re-exports them): one copy of every address rule.
 *
 * IPv4 is strict dotted quad: 0-255, no leading zeros (inet_aton would read "010" as octal 8).
 * IPv6 is every RFC 4291 text form: 1-4 hex digits per group, one "::", embedded IPv4 in the
 * last 32 bits. No zone ids ("%eth0"): '%' is never safe in the file.
 */

const V4_RE = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** The address as an unsigned 32-bit number, or null. */
export function parseIPv4(s: string): number | null {
  const m = V4_RE.exec(s);
  if (!m) return null;
  const o = m.slice(1).map(Number);
  if (o.some((x) => x > 255)) return null;
  return ((o[0] << 24) | (o[1] << 16) | (o[2] << 8) | o[3]) >>> 0;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The eight 16-bit groups, or null. */
export function parseIPv6(s: string): number[] | null {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return null;
  let str = s;
  let tail: number[] = [];
  if (s.includes('.')) {
    const cut = s.lastIndexOf(':');
    const v4 = parseIPv4(s.slice(cut + 1));
    if (cut < 0 || v4 === null) return null;
    tail = [v4 >>> 16, v4 & 0xffff];
    str = s.slice(0, cut + 1);
    if (!str.endsWith('::')) str = str.slice(0, -1);
  }
  const groups = (p: string) =>
    p === '' ? [] : p.split(':').map((g) => (/^[0-9A-Fa-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const dbl = str.indexOf('::');
  if (dbl >= 0) {
    if (str.indexOf('::', dbl + 1) >= 0) return null;
    const head = groups(str.slice(0, dbl));
    const rest = groups(str.slice(dbl + 2));
    const fill = 8 - head.length - rest.length - tail.length;
    if (fill < 1 || [...head, ...rest].some(Number.isNaN)) return null;
    return [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail];
  }
  const all = [...groups(str), ...tail];
  return all.length === 8 && !all.some(Number.isNaN) ? all : null;
}

export interface Cidr {
  address: string;
  prefix: number;
}

function splitCidr(s: string, maxPrefix: number): Cidr | null {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return null;
  const p = s.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > maxPrefix) return null;
  return { address: s.slice(0, slash), prefix: Number(p) };
}

export function parseIPv4Cidr(s: string): { address: number; prefix: number } | null {
  const c = splitCidr(s, 32);
  const a = c && parseIPv4(c.address);
  return c && a !== null ? { address: a, prefix: c.prefix } : null;
}

export function parseIPv6Cidr(s: string): { groups: number[]; prefix: number } | null {
  const c = splitCidr(s, 128);
  const g = c && parseIPv6(c.address);
  return c && g ? { groups: g, prefix: c.prefix } : null;
}

/** First address and size of an IPv4 CIDR's network. */
export function ipv4Network(cidr: string): { start: number; size: number; prefix: number } | null {
  const c = parseIPv4Cidr(cidr);
  if (!c) return null;
  const size = 2 ** (32 - c.prefix);
  return { start: c.address - (c.address % size), size, prefix: c.prefix };
}

/** The network of an IPv4 CIDR as text: networkOf('10.10.10.1/24') === '10.10.10.0/24'. */
export function ipv4NetworkCidr(cidr: string): string | null {
  const n = ipv4Network(cidr);
  return n ? `${formatIPv4(n.start)}/${n.prefix}` : null;
}

export function ipv4NetworksOverlap(a: string, b: string): boolean {
  const x = ipv4Network(a);
  const y = ipv4Network(b);
  return !!x && !!y && x.start < y.start + y.size && y.start < x.start + x.size;
}

export function isIPv4(s: string): boolean {
  return parseIPv4(s) !== null;
}

export function isIPv6(s: string): boolean {
  return parseIPv6(s) !== null;
}

export type AddressFamily = 'inet' | 'inet6';

/** Which family an address (with or without /prefix) looks like; null when neither. */
export function familyOf(value: string): AddressFamily | null {
  const addr = value.split('/')[0];
  if (isIPv4(addr)) return 'inet';
  if (isIPv6(addr)) return 'inet6';
  return null;
}

/** Dotted netmask (255.255.255.0) or a prefix length (24) → prefix; null when invalid. */
export function netmaskToPrefix(mask: string, family: AddressFamily = 'inet'): number | null {
  if (/^\d{1,3}$/.test(mask)) {
    const n = Number(mask);
    return n <= (family === 'inet' ? 32 : 128) ? n : null;
  }
  if (family !== 'inet' || !isIPv4(mask)) return null;
  const bits = mask
    .split('.')
    .map((o) => Number(o).toString(2).padStart(8, '0'))
    .join('');
  if (!/^1*0*$/.test(bits)) return null;
  return bits.indexOf('0') === -1 ? 32 : bits.indexOf('0');
}

export function prefixToNetmask(prefix: number): string {
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    out.push(bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff);
  }
  return out.join('.');
}
