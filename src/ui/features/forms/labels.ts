/**
 * The visible (and accessible) label of every form field, keyed by its path in the form values.
 * The inputs take their label from here and so does the "Fix: …" line under a form, so a field
 * is named the same everywhere. e2e specs find inputs by these exact labels.
 */
export const FIELD_LABELS = {
  // common
  name: 'Name',
  'ipv4.cidr': 'IPv4/CIDR',
  'ipv4.gateway': 'Gateway (IPv4)',
  'ipv6.cidr': 'IPv6/CIDR',
  'ipv6.gateway': 'Gateway (IPv6)',
  autostart: 'Autostart',
  mtu: 'MTU',
  comment: 'Comment',
  // bridge
  ports: 'Bridge ports',
  vlanAware: 'VLAN aware',
  vids: 'VLAN IDs',
  stp: 'STP',
  fd: 'Forward delay',
  // bond
  slaves: 'Slaves',
  mode: 'Mode',
  xmitHashPolicy: 'Hash policy',
  primary: 'Bond primary',
  miimon: 'MII monitoring (ms)',
  lacpRate: 'LACP rate',
  updelay: 'Up delay (ms)',
  downdelay: 'Down delay (ms)',
  // vlan
  rawDevice: 'VLAN raw device',
  id: 'VLAN tag',
  protocol: 'VLAN protocol',
  // routed / NAT setups
  publicIface: 'Public interface',
  publicCidr: 'Public IPv4/CIDR',
  gateway: 'Gateway (IPv4)',
  bridge: 'Bridge',
  bridgeCidr: 'Bridge IPv4/CIDR',
  publicComment: 'Comment (public interface)',
  bridgeComment: 'Comment (bridge)',
} as const;

export type FieldPath = keyof typeof FIELD_LABELS;

/** The label of a value path; list items (`ports.1`) are named by their list. */
export function labelOf(path: string): string {
  const key = path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .join('.');
  return (FIELD_LABELS as Record<string, string>)[key] ?? key;
}

export const KIND_TITLES = {
  bridge: 'Linux Bridge',
  bond: 'Linux Bond',
  vlan: 'Linux VLAN',
  eth: 'Network Device',
  routed: 'Routed setup',
  nat: 'NAT setup',
} as const;

/** "Create: Linux Bridge", "Edit: Linux Bridge vmbr0", "Create: NAT setup". */
export function formTitle(target: { kind: keyof typeof KIND_TITLES; mode: 'create' } | { kind: keyof typeof KIND_TITLES; mode: 'edit'; name: string }): string {
  const what = KIND_TITLES[target.kind];
  return target.mode === 'edit' ? `Edit: ${what} ${target.name}` : `Create: ${what}`;
}
