/** `duplicate-stanza`: two stanzas with the same name and family (ifupdown2 merges them, classic ifupdown refuses). */
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';

export const stanzas: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const list = ctx.list;
  for (let k = 0; k < list.length; k++) { // indexed: for-of costs more until compiled (see context.ts)
    const it = list[k];
    if (it.stanzaCount === 1) continue;
    const name = it.name;
    const first = new Map<string, number>();
    for (const b of it.blocks) {
      const fam = b.family ?? '';
      const prev = first.get(fam);
      if (prev === undefined) {
        first.set(fam, b.header);
        continue;
      }
      const what = fam ? `iface ${name} ${fam}` : `iface ${name}`;
      out.push(at(ctx.pos(b.header, 1), 'warning', 'duplicate-stanza',
        `${name}: a second "${what}" stanza (the first is on line ${ctx.line(prev)}): ifupdown2 merges them but classic ifupdown refuses the file. Move these options into the first stanza and remove this one.`, name));
    }
  }
  return out;
};
