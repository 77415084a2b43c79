/** `bad-vlan-id`: VLAN ids 1-4094 from `vlan-id`, a dotted `raw.N` name or a `vlanN` name. */
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';

const valid = (s: string) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 4094;

export const vlan: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const o of ctx.options) {
    if (o.key !== 'vlan-id' || valid(o.value)) continue;
    out.push(at(ctx.pos(o.index, 1), 'error', 'bad-vlan-id', `${o.name}: vlan-id "${o.value}" is not a VLAN id: use a whole number from 1 to 4094.`, o.name));
  }
  for (const [name, blocks] of ctx.stanzas) {
    const m = ctx.byName.get(name);
    const dotted = /^(.+)\.(\d+)$/.exec(name);
    const vlanN = m?.type === 'vlan' ? /^vlan(\d+)$/.exec(name) : null;
    const id = dotted?.[2] ?? vlanN?.[1];
    if (id === undefined || valid(id) || ctx.optionsOf(name, 'vlan-id').length) continue;
    const fix = dotted ? `rename it ${dotted[1]}.N with N from 1 to 4094` : 'rename it vlanN with N from 1 to 4094, or set "vlan-id"';
    out.push(at(ctx.pos(blocks[0].header, 1), 'error', 'bad-vlan-id', `${name}: the name implies VLAN id ${id}, outside 1-4094: ${fix}.`, name));
  }
  return out;
};
