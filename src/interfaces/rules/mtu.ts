/**
 * `bad-mtu`: MTU not a whole number in 68..65535 (error), or below IPv6's 1280 on an interface
 * with IPv6 configured (warning). `mtu-above-parent`: a VLAN's MTU above its raw device's, or a
 * bridge's MTU above one of its ports' (only when both are set).
 */
import { familyOf } from '../address';
import type { Diagnostic } from '../types';
import { at, type OptionRef, type Rule, type RuleContext } from './context';
import { portList } from './ports';

function mtuOf(ctx: RuleContext, name: string): { value: number; opt: OptionRef } | undefined {
  const opt = ctx.optionsOf(name, 'mtu')[0];
  return opt && /^\d+$/.test(opt.value) ? { value: Number(opt.value), opt } : undefined;
}

function hasIPv6(ctx: RuleContext, name: string): boolean {
  const blocks = ctx.stanzas.get(name) ?? [];
  if (blocks.some((b) => b.family === 'inet6' && b.method !== 'manual')) return true;
  return ctx.optionsOf(name, 'address').some((o) => o.block.family === undefined && o.values.some((w) => familyOf(w) === 'inet6'));
}

export const mtu: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const o of ctx.options) {
    if (o.key !== 'mtu' && o.key !== 'ovs-mtu') continue;
    const p = ctx.pos(o.index, 1);
    const n = /^\d+$/.test(o.value) ? Number(o.value) : NaN;
    if (!(n >= 68 && n <= 65535))
      out.push(at(p, 'error', 'bad-mtu', `${o.name}: ${o.rawKey} "${o.value}" is not a valid MTU: use a whole number from 68 to 65535 (1500 is the Ethernet default, 9000 for jumbo frames).`, o.name));
    else if (n < 1280 && hasIPv6(ctx, o.name))
      out.push(at(p, 'warning', 'bad-mtu', `${o.name}: ${o.rawKey} ${n} is below 1280, the IPv6 minimum: the kernel disables IPv6 on it. Raise it to 1280 or more.`, o.name));
  }
  for (const name of ctx.stanzas.keys()) {
    const own = mtuOf(ctx, name);
    if (!own) continue;
    const above = (parent: string, role: string) => {
      const pm = mtuOf(ctx, parent);
      if (!pm || own.value <= pm.value) return;
      out.push(at(ctx.pos(own.opt.index, 1), 'error', 'mtu-above-parent',
        `${name}: MTU ${own.value} is above the MTU ${pm.value} of its ${role} ${parent} (line ${ctx.pos(pm.opt.index).line}): lower it to ${pm.value} or less, or raise ${parent}'s MTU.`, name));
    };
    const raw = ctx.optionsOf(name, 'vlan-raw-device')[0]?.values[0] ?? /^(.+)\.\d+$/.exec(name)?.[1];
    if (raw) above(raw, 'raw device');
    const bp = ctx.optionsOf(name, 'bridge-ports')[0];
    if (bp) for (const port of new Set(portList(bp.values))) above(port, 'bridge port');
  }
  return out;
};
