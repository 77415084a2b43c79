/**
 * `undeclared-reference`: bridge ports, bond slaves, bond-primary and VLAN raw devices must be
 * declared in the file (`iface NAME ...`) or be a known NIC (`opts.nics`). A dotted name whose
 * raw device is known counts as known too (ifupdown2 creates such VLANs implicitly).
 */
import type { Diagnostic } from '../types';
import { at, type Position, type Rule, type RuleContext } from './context';
import { portList } from './ports';

function known(ctx: RuleContext, name: string): boolean {
  if (ctx.stanzas.has(name) || ctx.nics.has(name)) return true;
  const dotted = /^(.+)\.\d+$/.exec(name);
  return dotted !== null && known(ctx, dotted[1]);
}

export const references: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const tail = ctx.hasSources ? ' (or make sure a sourced file declares it)' : '';
  const check = (p: Position, owner: string, what: string, ref: string) => {
    if (known(ctx, ref)) return;
    out.push(at(p, 'warning', 'undeclared-reference',
      `${owner}: ${what} ${ref} is not declared in this file and is not a known NIC: add \`iface ${ref} inet manual\` or check the name${tail}.`, owner));
  };
  for (const [name, blocks] of ctx.stanzas) {
    const first = (key: string) => ctx.optionsOf(name, key)[0];
    const bp = first('bridge-ports');
    if (bp) for (const p of new Set(portList(bp.values))) check(ctx.posOf(bp.index, p), name, 'bridge port', p);
    const bs = first('bond-slaves');
    if (bs) for (const p of new Set(portList(bs.values))) check(ctx.posOf(bs.index, p), name, 'bond slave', p);
    const primary = first('bond-primary');
    if (primary && primary.values[0]) check(ctx.pos(primary.index, 1), name, 'bond-primary', primary.values[0]);
    const raw = first('vlan-raw-device');
    const dotted = /^(.+)\.\d+$/.exec(name);
    if (raw && raw.values[0]) check(ctx.pos(raw.index, 1), name, 'VLAN raw device', raw.values[0]);
    else if (dotted) check(ctx.pos(blocks[0].header, 1), name, 'VLAN raw device', dotted[1]);
  }
  return out;
};
