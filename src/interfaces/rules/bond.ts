/**
 * Bonds: `unknown-bond-mode`, `bad-hash-policy`, `bad-bond-value`, `bond-option-mode`,
 * `slaves-spelling`, `bond-without-slaves`.
 */
import { bondModeName, MODE_SPECIFIC, XMIT_HASH_POLICIES } from '../bond-modes';
import { BOND_MODES, type BondMode, type Diagnostic } from '../types';
import { at, type Rule } from './context';
import { closest } from './suggest';

const MODE_ALIASES: Record<string, BondMode> = { lacp: '802.3ad', 'active_backup': 'active-backup', failover: 'active-backup', 'round-robin': 'balance-rr' };
const INT_KEYS = ['bond-miimon', 'bond-updelay', 'bond-downdelay'];
const DELAY_KEYS = ['bond-updelay', 'bond-downdelay'];
const LACP_RATES = ['slow', 'fast', '0', '1'];
const MODE_SPECIFIC_KEYS = Object.entries(MODE_SPECIFIC);
const DIGITS = /^\d+$/;
const HASH_NUMBER = /^[0-5]$/;

export const bond: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const it of ctx.bonds) { // every finding is about a bond-* line
    const name = it.name;
    const d = (i: number, word: number, sev: Diagnostic['severity'], rule: string, msg: string) =>
      out.push(at(ctx.pos(i, word), sev, rule, `${name}: ${msg}`, name));
    const modeOpt = it.option('bond-mode');
    const slavesOpt = it.option('bond-slaves');
    let mode: BondMode | undefined = 'balance-rr'; // the kernel's default
    if (modeOpt) {
      mode = bondModeName(modeOpt.value);
      if (!mode) {
        const guess = MODE_ALIASES[modeOpt.value.toLowerCase()] ?? closest(modeOpt.value, BOND_MODES);
        const fix = guess ? `did you mean ${guess}? Write "${modeOpt.rawKey} ${guess}".` : `use one of ${BOND_MODES.join(', ')} (or their numbers 0-6).`;
        d(modeOpt.index, 1, 'error', 'unknown-bond-mode', `bond-mode "${modeOpt.value}" is not a bonding mode: ${fix}`);
      }
    }
    const hash = it.option('bond-xmit-hash-policy');
    if (hash && !(XMIT_HASH_POLICIES as readonly string[]).includes(hash.value) && !HASH_NUMBER.test(hash.value)) {
      const guess = closest(hash.value, XMIT_HASH_POLICIES);
      d(hash.index, 1, 'error', 'bad-hash-policy',
        `"${hash.value}" is not a transmit hash policy: ${guess ? `did you mean ${guess}?` : `use one of ${XMIT_HASH_POLICIES.join(', ')}.`}`);
    }
    const lacp = it.option('bond-lacp-rate');
    if (lacp && !LACP_RATES.includes(lacp.value))
      d(lacp.index, 1, 'error', 'bad-bond-value', `bond-lacp-rate "${lacp.value}" is not valid: use slow (or 0) or fast (or 1).`);
    for (const k of INT_KEYS) {
      const o = it.option(k);
      if (o && !DIGITS.test(o.value)) d(o.index, 1, 'error', 'bad-bond-value', `${k} "${o.value}" is not a number of milliseconds: write a whole number, e.g. "${o.rawKey} 100".`);
    }
    if (mode) {
      for (const [key, modes] of MODE_SPECIFIC_KEYS) {
        const o = it.option(key);
        if (!o || modes.includes(mode)) continue;
        const why = modeOpt ? `bond mode ${mode}` : 'the default bond mode balance-rr (no bond-mode line)';
        d(o.index, 0, 'warning', 'bond-option-mode', `${o.rawKey} has no effect in ${why}: it only applies to ${modes.join(', ')}. Remove it or change the mode.`);
      }
    }
    const miimon = it.option('bond-miimon');
    for (const k of DELAY_KEYS) {
      const o = it.option(k);
      if (!o || o.value === '0' || (miimon && miimon.value !== '0')) continue;
      d(o.index, 0, 'warning', 'bond-option-mode', `${o.rawKey} only works with MII link monitoring, and ${miimon ? 'bond-miimon is 0' : 'there is no bond-miimon'}: add "bond-miimon 100" or remove ${o.rawKey}.`);
    }
    for (const o of it.optionsWith('bond-slaves')) {
      if (o.rawKey !== 'slaves') continue;
      d(o.index, 0, 'warning', 'slaves-spelling',
        "Debian's ifupdown2 ignores `slaves`: the bond comes up without slaves. Rename it `bond-slaves` (classic ifupdown and Proxmox accept both).");
    }
    const isBond = slavesOpt || modeOpt; // exactly when the model has a `bond` section
    const ovs = it.option('ovs-type') !== undefined;
    if (isBond && !ovs && (!slavesOpt || slavesOpt.values.every((w) => w === 'none')))
      d(slavesOpt?.index ?? it.header, 1, 'warning', 'bond-without-slaves',
        `the bond has no slaves: add "bond-slaves NIC1 NIC2" with the interfaces to aggregate.`);
  }
  return out;
};
