/** `bad-address`, `bad-netmask`, `bad-gateway`, `static-without-address`. */
import { familyOf, isIPv4, isIPv6, netmaskToPrefix, type AddressFamily } from '../address';
import type { Diagnostic, IfaceBlock } from '../types';
import { at, type Iface, type OptionRef, type Rule, type RuleContext } from './context';

const LABEL = { inet: 'IPv4', inet6: 'IPv6' } as const;
const PREFIX = /^\d{1,3}$/;
const DIGITS = /^\d+$/;
const stanzaFamily = (o: OptionRef) => (o.block.family === 'inet' || o.block.family === 'inet6' ? o.block.family : null);

/**
 * A valid IPv4 address with an optional valid prefix, written the usual way (no leading zeros):
 * most addresses of a file, recognised in one regex test instead of being parsed. A strict subset
 * of what ../address accepts, so it changes no verdict; anything else takes the full path.
 */
const PLAIN_IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/(?:3[0-2]|[12]?\d))?$/;

/** What is wrong with address `word` of an `address` line, if anything. */
function addressProblem(o: OptionRef, word: string): string | undefined {
  let fam: AddressFamily = 'inet';
  if (!PLAIN_IPV4.test(word)) {
    // ADDRESS or ADDRESS/PREFIX (a second `/` is an error); indexOf and slice: no array per address.
    const slash = word.indexOf('/');
    const addr = slash === -1 ? word : word.slice(0, slash);
    const prefix = slash === -1 ? undefined : word.slice(slash + 1);
    const f = isIPv4(addr) ? 'inet' : isIPv6(addr) ? 'inet6' : null; // familyOf(addr): addr has no `/`
    if (!f || (prefix !== undefined && prefix.includes('/')))
      return `address "${word}" is not a valid IPv4 or IPv6 address: write ADDRESS/PREFIX, e.g. 192.0.2.10/24 or 2001:db8::10/64.`;
    const max = f === 'inet' ? 32 : 128;
    if (prefix !== undefined && (!PREFIX.test(prefix) || Number(prefix) > max))
      return `prefix "/${prefix}" of address ${word} is out of range (${LABEL[f]} allows /0 to /${max}): fix the prefix length.`;
    fam = f;
  }
  const sf = stanzaFamily(o);
  if (sf && sf !== fam)
    return `${word} is an ${LABEL[fam]} address in an "${sf}" (${LABEL[sf]}) stanza: move it to an "iface ${o.name} ${fam} static" stanza.`;
  return undefined;
}

function checkNetmask(ctx: RuleContext, o: OptionRef, out: Diagnostic[]): void {
  const v = o.value;
  const sf = stanzaFamily(o) ?? (v.includes(':') || (DIGITS.test(v) && Number(v) > 32) ? 'inet6' : 'inet');
  if (netmaskToPrefix(v, sf) !== null) return;
  const p = ctx.pos(o.index, 1);
  const msg =
    sf === 'inet' && isIPv4(v)
      ? `netmask ${v} is not contiguous (its one bits must all come first): use e.g. 255.255.255.0, or put the prefix on the address (address 192.0.2.10/24) and drop the netmask line.`
      : `netmask "${v}" is not a valid ${LABEL[sf]} netmask: write ${sf === 'inet' ? 'a dotted mask such as 255.255.255.0 or a prefix length 0-32' : 'a prefix length 0-128'}, or put the prefix on the address and drop the netmask line.`;
  out.push(at(p, 'error', 'bad-netmask', `${o.name}: ${msg}`, o.name));
}

/** What is wrong with gateway `word` of a `gateway` line, if anything. */
function gatewayProblem(o: OptionRef, word: string): string | undefined {
  const slash = word.indexOf('/');
  const addr = slash === -1 ? word : word.slice(0, slash);
  const fam = isIPv4(addr) ? 'inet' : isIPv6(addr) ? 'inet6' : null;
  if (!fam) return `gateway "${word}" is not a valid IP address: write the router's address, e.g. 192.0.2.1.`;
  if (slash !== -1) return `gateway ${word} has a prefix: a gateway is a plain address, write "gateway ${addr}".`;
  const sf = stanzaFamily(o);
  if (sf && sf !== fam)
    return `gateway ${word} is an ${LABEL[fam]} address in an "${sf}" stanza: move it to an "iface ${o.name} ${fam} static" stanza.`;
  return undefined;
}

/** Has the interface an address of family `fam`, in a stanza of that family or a family-less one? */
function hasAddress(it: Iface, fam: 'inet' | 'inet6'): boolean {
  for (const o of it.optionsWith('address')) {
    if (o.block.family === fam || (o.block.family === undefined && o.values.some((w) => familyOf(w) === fam))) return true;
  }
  return false;
}

/** The interface's first stanza with method static and family `fam`. */
const firstStatic = (it: Iface, fam: string): IfaceBlock | undefined => it.blocks.find((b) => b.method === 'static' && b.family === fam);

export const addresses: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const report = (o: OptionRef, word: string, rule: string, problem: string | undefined) => {
    if (problem) out.push(at(ctx.posOf(o.index, word), 'error', rule, `${o.name}: ${problem}`, o.name));
  };
  for (const o of ctx.optionsWith('address')) for (const w of o.values) report(o, w, 'bad-address', addressProblem(o, w));
  for (const o of ctx.optionsWith('netmask')) checkNetmask(ctx, o, out);
  for (const o of ctx.optionsWith('gateway')) for (const w of o.values) report(o, w, 'bad-gateway', gatewayProblem(o, w));
  // A static stanza with no address at all for its family (ifupdown2 accepts it: a warning), the
  // first of an interface's static stanzas of that family. Found from the blocks: few are static.
  const blocks = ctx.doc.blocks;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind !== 'iface' || b.method !== 'static' || (b.family !== 'inet' && b.family !== 'inet6')) continue;
    const it = ctx.interfaces.get(b.name);
    if (!it || (it.stanzaCount > 1 && firstStatic(it, b.family) !== b)) continue;
    const fam = b.family;
    if (!hasAddress(it, fam))
      out.push(
        at(ctx.pos(b.header, 3), 'warning', 'static-without-address',
          `${it.name}: method static but no ${LABEL[fam]} address: add "address ${fam === 'inet' ? '192.0.2.10/24' : '2001:db8::10/64'}" (your address) or change the method to manual.`, it.name),
      );
  }
  return out;
};
