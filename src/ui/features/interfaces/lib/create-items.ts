/** The Create ▾ menu, as Proxmox VE's (plus the seed's routed and NAT setups). */
export type CreateChoice = 'bridge' | 'bond' | 'vlan' | 'routed' | 'nat';

export const CREATE_ITEMS: readonly { choice: CreateChoice; label: string }[] = [
  { choice: 'bridge', label: 'Linux Bridge' },
  { choice: 'bond', label: 'Linux Bond' },
  { choice: 'vlan', label: 'Linux VLAN' },
  { choice: 'routed', label: 'Routed setup' },
  { choice: 'nat', label: 'NAT setup' },
];
