/**
 * `duplicate-gateway`: one default route per family (per VRF, per metric). A gateway in a
 * family-less stanza counts for the family of its address. The second occurrence is reported.
 */
import { familyOf } from '../address';
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';

export const gateways: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const first = new Map<string, { name: string; line: number; value: string }>();
  const firstValue = (name: string, key: string) => ctx.optionOf(name, key)?.values[0] ?? '';
  for (const o of ctx.optionsWith('gateway')) {
    // Gateways in different VRFs or with different metrics are separate routes.
    const vrf = firstValue(o.name, 'vrf') || (ctx.optionOf(o.name, 'vrf-table') ? o.name : '');
    const metric = firstValue(o.name, 'metric');
    for (const w of o.values) {
      const fam = o.block.family === 'inet' || o.block.family === 'inet6' ? o.block.family : familyOf(w);
      if (!fam || familyOf(w) !== fam || w.includes('/')) continue; // bad-gateway reports it
      const key = `${fam}\0${vrf}\0${metric}`;
      const prev = first.get(key);
      if (!prev) {
        first.set(key, { name: o.name, line: ctx.line(o.index), value: w });
        continue;
      }
      const label = fam === 'inet' ? 'IPv4' : 'IPv6';
      const where = prev.name === o.name ? `it already has one (${prev.value}) on line ${prev.line}` : `${prev.name} already sets one (${prev.value}) on line ${prev.line}`;
      out.push(
        at(ctx.posOf(o.index, w), 'error', 'duplicate-gateway',
          `${o.name}: second default ${label} gateway ${w}: ${where}. Only one default route per family can be installed: remove one of the two gateway lines (or give them different "metric" values).`, o.name),
      );
    }
  }
  return out;
};
