/** `bad-vlan-id`: VLAN ids 1-4094 from `vlan-id`, a dotted `raw.N` name or a `vlanN` name. */
import type { Diagnostic } from '../types';
import { at, splitDotted, type Rule } from './context';

const DIGITS = /^\d+$/;
const VLAN_N = /^vlan(\d+)$/;
const valid = (s: string) => DIGITS.test(s) && Number(s) >= 1 && Number(s) <= 4094;

export const vlan: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const o of ctx.optionsWith('vlan-id')) {
    if (valid(o.value)) continue;
    out.push(at(ctx.pos(o.index, 1), 'error', 'bad-vlan-id', `${o.name}: vlan-id "${o.value}" is not a VLAN id: use a whole number from 1 to 4094.`, o.name));
  }
  const list = ctx.list;
  for (let k = 0; k < list.length; k++) { // indexed: for-of costs more until compiled (see context.ts)
    const it = list[k];
    const name = it.name;
    const dotted = splitDotted(name);
    const id = dotted?.[1] ?? (name.startsWith('vlan') ? VLAN_N.exec(name)?.[1] : undefined);
    if (id === undefined || valid(id) || it.option('vlan-id')) continue;
    // A `vlanN` name implies an id only when the model types the interface as a VLAN (asked last:
    // the model is built on first use, and only a bad id gets here).
    if (!dotted && ctx.byName.get(name)?.type !== 'vlan') continue;
    const fix = dotted ? `rename it ${dotted[0]}.N with N from 1 to 4094` : 'rename it vlanN with N from 1 to 4094, or set "vlan-id"';
    out.push(at(ctx.pos(it.header, 1), 'error', 'bad-vlan-id', `${name}: the name implies VLAN id ${id}, outside 1-4094: ${fix}.`, name));
  }
  return out;
};
