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
  // Each interface's first line of each key counts.
  for (const o of ctx.firstOptions('bridge-ports'))
    for (const p of portList(o.values)) if (!known(ctx, p)) report(ctx.posOf(o.index, p), o.name, 'bridge port', p);
  for (const o of ctx.firstOptions('bond-slaves'))
    for (const p of portList(o.values)) if (!known(ctx, p)) report(ctx.posOf(o.index, p), o.name, 'bond slave', p);
  for (const o of ctx.firstOptions('bond-primary')) {
    const p = o.values[0];
    if (p && !known(ctx, p)) report(ctx.pos(o.index, 1), o.name, 'bond-primary', p);
  }
  for (const o of ctx.firstOptions('vlan-raw-device')) {
    const p = o.values[0];
    if (p && !known(ctx, p)) report(ctx.pos(o.index, 1), o.name, 'VLAN raw device', p);
  }
  // A dotted name implies its raw device, unless a vlan-raw-device line names one.
  const list = ctx.list;
  for (let k = 0; k < list.length; k++) { // indexed: for-of costs more until compiled (see context.ts)
    const it = list[k];
    if (it.name.indexOf('.') === -1 || it.option('vlan-raw-device')?.values[0]) continue;
    const dotted = splitDotted(it.name);
    if (dotted && !known(ctx, dotted[0])) report(ctx.pos(it.header, 1), it.name, 'VLAN raw device', dotted[0]);
  }
  return out;
};
