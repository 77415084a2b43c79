/** IPv4/IPv6 address, prefix and netmask parsing. Pure functions, shared by engine and schemas. */

const V4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => V4_OCTET.test(p));
}

export function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.length > 45) return false;
  let groups = s.split(':');
  // Embedded IPv4 tail counts as two groups.
  const last = groups[groups.length - 1];
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1).concat(['0', '0']);
  }
  const text = groups.join(':');
  const dbl = text.split('::');
  if (dbl.length > 2) return false;
  const hex = /^[0-9A-Fa-f]{1,4}$/;
  if (dbl.length === 2) {
    const left = dbl[0] === '' ? [] : dbl[0].split(':');
    const right = dbl[1] === '' ? [] : dbl[1].split(':');
    if (![...left, ...right].every((g) => hex.test(g))) return false;
    return left.length + right.length <= 7;
  }
  const all = text.split(':');
  return all.length === 8 && all.every((g) => hex.test(g));
}

export type AddressFamily = 'inet' | 'inet6';

/** Which family an address (with or without /prefix) looks like; null when neither. */
export function familyOf(value: string): AddressFamily | null {
  const addr = value.split('/')[0];
  if (isIPv4(addr)) return 'inet';
  if (isIPv6(addr)) return 'inet6';
  return null;
}

/** Parse `A` or `A/P`. Returns null when malformed. */
export function parseCidr(value: string): { address: string; prefix?: number; family: AddressFamily } | null {
  const slash = value.indexOf('/');
  const address = slash === -1 ? value : value.slice(0, slash);
  const family = isIPv4(address) ? 'inet' : isIPv6(address) ? 'inet6' : null;
  if (!family) return null;
  if (slash === -1) return { address, family };
  const p = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(p)) return null;
  const prefix = Number(p);
  if (prefix > (family === 'inet' ? 32 : 128)) return null;
  return { address, prefix, family };
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

/** IPv4 address → 32-bit unsigned number. */
export function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

export function numberToIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

/** The network of an IPv4 CIDR, e.g. `10.10.10.1/24` → `10.10.10.0/24`. */
export function ipv4Network(cidr: string): string | null {
  const p = parseCidr(cidr);
  if (!p || p.family !== 'inet' || p.prefix === undefined) return null;
  const size = 2 ** (32 - p.prefix);
  const net = Math.floor(ipv4ToNumber(p.address) / size) * size;
  return `${numberToIPv4(net)}/${p.prefix}`;
}
