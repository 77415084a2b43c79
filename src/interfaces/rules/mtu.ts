/**
 * `bad-mtu`: MTU not a whole number in 68..65535 (error), or below IPv6's 1280 on an interface
 * with IPv6 configured (warning). `mtu-above-parent`: a VLAN's MTU above its raw device's, or a
 * bridge's MTU above one of its ports' (only when both are set).
 */
import { familyOf } from '../address';
import type { Diagnostic } from '../types';
import { at, splitDotted, type Iface, type OptionRef, type Rule, type RuleContext } from './context';
import { portList } from './ports';

const DIGITS = /^\d+$/;
const MTU_KEYS = ['mtu', 'ovs-mtu'];

function mtuOf(it: Iface | undefined): { value: number; opt: OptionRef } | undefined {
  const opt = it?.option('mtu');
  return opt && DIGITS.test(opt.value) ? { value: Number(opt.value), opt } : undefined;
}

function hasIPv6(ctx: RuleContext, name: string): boolean {
  const blocks = ctx.interfaces.get(name)?.blocks ?? [];
  if (blocks.some((b) => b.family === 'inet6' && b.method !== 'manual')) return true;
  return ctx.optionsOf(name, 'address').some((o) => o.block.family === undefined && o.values.some((w) => familyOf(w) === 'inet6'));
}

export const mtu: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const key of MTU_KEYS) {
    for (const o of ctx.optionsWith(key)) {
      const n = DIGITS.test(o.value) ? Number(o.value) : NaN;
      if (!(n >= 68 && n <= 65535))
        out.push(at(ctx.pos(o.index, 1), 'error', 'bad-mtu', `${o.name}: ${o.rawKey} "${o.value}" is not a valid MTU: use a whole number from 68 to 65535 (1500 is the Ethernet default, 9000 for jumbo frames).`, o.name));
      else if (n < 1280 && hasIPv6(ctx, o.name))
        out.push(at(ctx.pos(o.index, 1), 'warning', 'bad-mtu', `${o.name}: ${o.rawKey} ${n} is below 1280, the IPv6 minimum: the kernel disables IPv6 on it. Raise it to 1280 or more.`, o.name));
    }
  }
  // Each interface's first mtu line counts (mtuOf).
  for (const o of ctx.firstOptions('mtu')) {
    const it = o.iface;
    const own = mtuOf(it);
    if (!own) continue;
    const name = it.name;
    const above = (parent: string, role: string) => {
      const pm = mtuOf(ctx.interfaces.get(parent));
      if (!pm || own.value <= pm.value) return;
      out.push(at(ctx.pos(own.opt.index, 1), 'error', 'mtu-above-parent',
        `${name}: MTU ${own.value} is above the MTU ${pm.value} of its ${role} ${parent} (line ${ctx.line(pm.opt.index)}): lower it to ${pm.value} or less, or raise ${parent}'s MTU.`, name));
    };
    const raw = it.option('vlan-raw-device')?.values[0] ?? splitDotted(name)?.[0];
    if (raw) above(raw, 'raw device');
    const bp = it.option('bridge-ports');
    if (bp) for (const port of portList(bp.values)) above(port, 'bridge port');
  }
  return out;
};
