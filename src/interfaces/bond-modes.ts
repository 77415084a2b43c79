/** Bond modes: canonical names, and the numbers 0-6 the kernel also accepts. */
import { BOND_MODES, type BondMode } from './types';

/** `802.3ad`, `4` → `802.3ad`; unknown → undefined. */
export function bondModeName(value: string): BondMode | undefined {
  if (/^[0-6]$/.test(value)) return BOND_MODES[Number(value)];
  return (BOND_MODES as readonly string[]).includes(value) ? (value as BondMode) : undefined;
}

/** Options that only mean something in some modes (the kernel ignores them elsewhere). */
export const MODE_SPECIFIC: Record<'bond-xmit-hash-policy' | 'bond-primary' | 'bond-lacp-rate', readonly BondMode[]> = {
  'bond-xmit-hash-policy': ['balance-xor', '802.3ad', 'balance-tlb', 'balance-alb'],
  'bond-primary': ['active-backup', 'balance-tlb', 'balance-alb'],
  'bond-lacp-rate': ['802.3ad'],
};

export const XMIT_HASH_POLICIES = ['layer2', 'layer2+3', 'layer3+4', 'encap2+3', 'encap3+4', 'vlan+srcmac'] as const;
