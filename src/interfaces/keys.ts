/**
 * Option keys: ifupdown2 treats `_` and `-` alike (`bridge_ports` = `bridge-ports`), and classic
 * ifenslave's `slaves` is the same setting as `bond-slaves`. One canonical token per setting.
 */

/** A Map: a plain object would also answer `constructor`, `toString`, … */
const ALIASES = new Map([
  ['slaves', 'bond-slaves'],
  ['bond-slave', 'bond-slaves'],
  ['bond-ports', 'bond-slaves'],
]);

/** Canonical key: lower-case is NOT applied (ifupdown keys are case-sensitive). */
export function canonicalKey(key: string): string {
  // This runs for every option line: most keys have no `_`, skip the replace for them.
  const k = key.indexOf('_') === -1 ? key : key.replaceAll('_', '-');
  return ALIASES.get(k) ?? k;
}

/**
 * Every spelling of a canonical key: each `-` may be written `_`, and the aliases with theirs
 * (`spellings('bond-slaves')` includes `bond_slaves`, `slaves`, `bond_ports`, …). Lets a hot loop
 * map the words it reads with one lookup instead of canonicalising each of them.
 */
export function spellings(canonical: string): string[] {
  const out: string[] = [];
  const sources = [canonical, ...[...ALIASES].filter(([, c]) => c === canonical).map(([a]) => a)];
  for (const src of sources) {
    const [first, ...rest] = src.split('-');
    let variants = [first];
    for (const part of rest) variants = variants.flatMap((v) => [`${v}-${part}`, `${v}_${part}`]);
    out.push(...variants);
  }
  return out;
}

/** Settings the typed model reads; everything else stays a raw option. */
export const MODEL_KEYS = new Set([
  'address',
  'netmask',
  'gateway',
  'mtu',
  'bridge-ports',
  'bridge-stp',
  'bridge-fd',
  'bridge-vlan-aware',
  'bridge-vids',
  'bond-slaves',
  'bond-mode',
  'bond-miimon',
  'bond-xmit-hash-policy',
  'bond-lacp-rate',
  'bond-primary',
  'bond-updelay',
  'bond-downdelay',
  'vlan-raw-device',
  'vlan-id',
  'vlan-protocol',
  'ovs-type',
  'ovs-bridge',
  'ovs-ports',
  'ovs-bonds',
  'ovs-options',
]);

/** Keys the model keeps per family (they go to the stanza of that family). */
export const FAMILY_KEYS = new Set(['address', 'netmask', 'gateway']);
