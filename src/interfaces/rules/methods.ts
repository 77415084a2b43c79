/** `unknown-method`: the family and method of each `iface` line. */
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';
import { closest } from './suggest';

export const METHODS: Record<'inet' | 'inet6', readonly string[]> = {
  inet: ['static', 'manual', 'dhcp', 'loopback', 'auto', 'bootp', 'ppp', 'wvdial', 'ipv4ll', 'tunnel'],
  inet6: ['static', 'manual', 'dhcp', 'auto', 'loopback', 'v4tunnel', '6to4'],
};
const ALL_METHODS = [...new Set([...METHODS.inet, ...METHODS.inet6])];

export const methods: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const blocks = ctx.doc.blocks;
  for (let k = 0; k < blocks.length; k++) { // indexed: for-of costs more until compiled (see context.ts)
    const b = blocks[k];
    if (b.kind !== 'iface' || b.name === '' || b.family === undefined) continue;
    const { name, family, method } = b;
    if (family !== 'inet' && family !== 'inet6') {
      const asMethod = ALL_METHODS.includes(family);
      const guess = closest(family, ['inet', 'inet6']);
      const fix = asMethod
        ? `"${family}" is a method, not a family: write "iface ${name} inet ${family}".`
        : guess
          ? `did you mean ${guess}? Write "iface ${name} ${guess} ${method ?? 'manual'}".`
          : `use inet (IPv4) or inet6 (IPv6), or write "iface ${name}" alone (ifupdown2's family-less stanza).`;
      out.push(at(ctx.pos(b.header, 2), 'error', 'unknown-method', `${name}: "${family}" is not an address family ifupdown2 knows: ${fix}`, name));
      continue;
    }
    // Not METHODS[family]: a lookup by a string read from the file costs a string-table search.
    const valid = family === 'inet' ? METHODS.inet : METHODS.inet6;
    if (method === undefined || valid.includes(method)) continue;
    const guess = closest(method, valid);
    const fix = guess
      ? `did you mean ${guess}? Write "iface ${name} ${family} ${guess}".`
      : `use one of ${valid.join(', ')}.`;
    out.push(at(ctx.pos(b.header, 3), 'error', 'unknown-method', `${name}: "${method}" is not a valid ${family} method: ${fix}`, name));
  }
  return out;
};
