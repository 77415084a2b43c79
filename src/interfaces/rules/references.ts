/**
 * `undeclared-reference`: bridge ports, bond slaves, bond-primary and VLAN raw devices must be
 * declared in the file (`iface NAME ...`) or be a known NIC (`opts.nics`). A dotted name whose
 * raw device is known counts as known too (ifupdown2 creates such VLANs implicitly).
 */
import type { Diagnostic } from '../types';
import { at, splitDotted, type Position, type Rule, type RuleContext } from './context';
import { portList } from './ports';

function known(ctx: RuleContext, name: string): boolean {
  if (ctx.interfaces.has(name) || ctx.nics.has(name)) return true;
  const dotted = splitDotted(name);
  return dotted !== null && known(ctx, dotted[0]);
}

export const references: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const tail = ctx.hasSources ? ' (or make sure a sourced file declares it)' : '';
  // Callers check known() first: positions are only worked out for what is reported.
  const report = (p: Position, owner: string, what: string, ref: string) =>
    out.push(at(p, 'warning', 'undeclared-reference',
      `${owner}: ${what} ${ref} is not declared in this file and is not a known NIC: add \`iface ${ref} inet manual\` or check the name${tail}.`, owner));
  for (const it of ctx.interfaces.values()) {
    const name = it.name;
    const bp = it.option('bridge-ports');
    if (bp) for (const p of portList(bp.values)) if (!known(ctx, p)) report(ctx.posOf(bp.index, p), name, 'bridge port', p);
    const bs = it.option('bond-slaves');
    if (bs) for (const p of portList(bs.values)) if (!known(ctx, p)) report(ctx.posOf(bs.index, p), name, 'bond slave', p);
    const primary = it.option('bond-primary');
    if (primary?.values[0] && !known(ctx, primary.values[0])) report(ctx.pos(primary.index, 1), name, 'bond-primary', primary.values[0]);
    const raw = it.option('vlan-raw-device');
    const dotted = splitDotted(name);
    if (raw && raw.values[0]) {
      if (!known(ctx, raw.values[0])) report(ctx.pos(raw.index, 1), name, 'VLAN raw device', raw.values[0]);
    } else if (dotted && !known(ctx, dotted[0])) report(ctx.pos(it.blocks[0].header, 1), name, 'VLAN raw device', dotted[0]);
  }
  return out;
};
