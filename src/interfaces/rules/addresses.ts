/** `bad-address`, `bad-netmask`, `bad-gateway`, `static-without-address`. */
import { familyOf, isIPv4, isIPv6, netmaskToPrefix } from '../address';
import type { Diagnostic } from '../types';
import { at, type OptionRef, type Rule, type RuleContext } from './context';

const LABEL = { inet: 'IPv4', inet6: 'IPv6' } as const;
const stanzaFamily = (o: OptionRef) => (o.block.family === 'inet' || o.block.family === 'inet6' ? o.block.family : null);

function checkAddress(ctx: RuleContext, o: OptionRef, word: string, out: Diagnostic[]): void {
  const p = ctx.posOf(o.index, word);
  const err = (msg: string) => out.push(at(p, 'error', 'bad-address', `${o.name}: ${msg}`, o.name));
  const [addr, prefix, ...rest] = word.split('/');
  const fam = familyOf(addr);
  if (!fam || rest.length) return void err(`address "${word}" is not a valid IPv4 or IPv6 address: write ADDRESS/PREFIX, e.g. 192.0.2.10/24 or 2001:db8::10/64.`);
  const max = fam === 'inet' ? 32 : 128;
  if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max))
    return void err(`prefix "/${prefix}" of address ${word} is out of range (${LABEL[fam]} allows /0 to /${max}): fix the prefix length.`);
  const sf = stanzaFamily(o);
  if (sf && sf !== fam)
    err(`${word} is an ${LABEL[fam]} address in an "${sf}" (${LABEL[sf]}) stanza: move it to an "iface ${o.name} ${fam} static" stanza.`);
}

function checkNetmask(ctx: RuleContext, o: OptionRef, out: Diagnostic[]): void {
  const v = o.value;
  const sf = stanzaFamily(o) ?? (v.includes(':') || (/^\d+$/.test(v) && Number(v) > 32) ? 'inet6' : 'inet');
  if (netmaskToPrefix(v, sf) !== null) return;
  const p = ctx.pos(o.index, 1);
  const msg =
    sf === 'inet' && isIPv4(v)
      ? `netmask ${v} is not contiguous (its one bits must all come first): use e.g. 255.255.255.0, or put the prefix on the address (address 192.0.2.10/24) and drop the netmask line.`
      : `netmask "${v}" is not a valid ${LABEL[sf]} netmask: write ${sf === 'inet' ? 'a dotted mask such as 255.255.255.0 or a prefix length 0-32' : 'a prefix length 0-128'}, or put the prefix on the address and drop the netmask line.`;
  out.push(at(p, 'error', 'bad-netmask', `${o.name}: ${msg}`, o.name));
}

function checkGateway(ctx: RuleContext, o: OptionRef, word: string, out: Diagnostic[]): void {
  const err = (msg: string) => out.push(at(ctx.posOf(o.index, word), 'error', 'bad-gateway', `${o.name}: ${msg}`, o.name));
  const [addr, prefix] = word.split('/');
  const fam = isIPv4(addr) ? 'inet' : isIPv6(addr) ? 'inet6' : null;
  if (!fam) return void err(`gateway "${word}" is not a valid IP address: write the router's address, e.g. 192.0.2.1.`);
  if (prefix !== undefined) return void err(`gateway ${word} has a prefix: a gateway is a plain address, write "gateway ${addr}".`);
  const sf = stanzaFamily(o);
  if (sf && sf !== fam)
    err(`gateway ${word} is an ${LABEL[fam]} address in an "${sf}" stanza: move it to an "iface ${o.name} ${fam} static" stanza.`);
}

export const addresses: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const o of ctx.options) {
    if (o.key === 'address') for (const w of o.values) checkAddress(ctx, o, w, out);
    else if (o.key === 'netmask') checkNetmask(ctx, o, out);
    else if (o.key === 'gateway') for (const w of o.values) checkGateway(ctx, o, w, out);
  }
  // A static stanza with no address at all for its family (ifupdown2 accepts it: a warning).
  for (const [name, blocks] of ctx.stanzas) {
    const seen = new Set<string>();
    for (const b of blocks) {
      if (b.method !== 'static' || (b.family !== 'inet' && b.family !== 'inet6') || seen.has(b.family)) continue;
      seen.add(b.family);
      const fam = b.family;
      const has = ctx
        .optionsOf(name, 'address')
        .some((o) => o.block.family === fam || (o.block.family === undefined && o.values.some((w) => familyOf(w) === fam)));
      if (!has)
        out.push(
          at(ctx.pos(b.header, 3), 'warning', 'static-without-address',
            `${name}: method static but no ${LABEL[fam]} address: add "address ${fam === 'inet' ? '192.0.2.10/24' : '2001:db8::10/64'}" (your address) or change the method to manual.`, name),
        );
    }
  }
  return out;
};
