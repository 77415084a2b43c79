/**
 * Option keys: ifupdown2 treats `_` and `-` alike (`bridge_ports` = `bridge-ports`), and classic
 * ifenslave's `slaves` is the same setting as `bond-slaves`. One canonical token per setting.
 */

const ALIASES: Record<string, string> = {
  slaves: 'bond-slaves',
  'bond-slave': 'bond-slaves',
  'bond-ports': 'bond-slaves',
};

/** Canonical key: lower-case is NOT applied (ifupdown keys are case-sensitive). */
export function canonicalKey(key: string): string {
  const k = key.replace(/_/g, '-');
  return ALIASES[k] ?? k;
}

/** Keys that may appear several times in one stanza, each line adding a value. */
export const MULTI_VALUED = new Set([
  'address',
  'up',
  'down',
  'pre-up',
  'post-up',
  'pre-down',
  'post-down',
  'dns-nameservers',
  'dns-search',
]);

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
