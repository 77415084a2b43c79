/**
 * The table's columns, as Proxmox VE's Network panel has them, and how each cell reads as text.
 * Pure: the table renders these strings and the search box matches them.
 */
import type { IfaceType, InterfaceModel } from '../../../../interfaces/types';
import type { InterfaceRow } from './rows';

export const TYPE_LABELS: Record<IfaceType, string> = {
  loopback: 'Loopback',
  eth: 'Network Device',
  bond: 'Linux Bond',
  bridge: 'Linux Bridge',
  vlan: 'Linux VLAN',
  alias: 'Alias',
  OVSBridge: 'OVS Bridge',
  OVSBond: 'OVS Bond',
  OVSPort: 'OVS Port',
  OVSIntPort: 'OVS IntPort',
  unknown: 'Unknown',
};

export const typeLabel = (type: IfaceType | string): string => TYPE_LABELS[type as IfaceType] ?? type;

const yesNo = (b: boolean | undefined): string => (b ? 'Yes' : 'No');

/** Active, from the device's operstate: no device (e.g. not applied yet) reads No. */
export function activeLabel(state: string | undefined): string {
  if (state === undefined) return 'No';
  if (state === 'up') return 'Yes';
  if (state === 'unknown') return 'Unknown';
  return 'No';
}

export function portsOf(m: InterfaceModel): string {
  if (m.bridge) return m.bridge.ports.join(' ');
  if (m.bond) return m.bond.slaves.join(' ');
  if (m.ovs?.ports?.length) return m.ovs.ports.join(' ');
  if (m.ovs?.bonds?.length) return m.ovs.bonds.join(' ');
  return '';
}

const cidrs = (f: InterfaceModel['inet']): string => (f?.cidr ? [f.cidr, ...(f.extraCidrs ?? [])].join(' ') : '');

export type ColumnKey =
  | 'name'
  | 'type'
  | 'active'
  | 'autostart'
  | 'vlanAware'
  | 'ports'
  | 'bondMode'
  | 'hashPolicy'
  | 'cidr'
  | 'gateway'
  | 'cidr6'
  | 'gateway6'
  | 'comment'
  | 'mtu';

export interface Column {
  key: ColumnKey;
  label: string;
  /** Fixed width in px (the virtualized table uses table-layout: fixed so rows never jump). */
  width: number;
  text: (row: InterfaceRow) => string;
}

export const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', width: 170, text: (r) => r.model.name },
  { key: 'type', label: 'Type', width: 150, text: (r) => typeLabel(r.model.type) },
  { key: 'active', label: 'Active', width: 95, text: (r) => activeLabel(r.state) },
  { key: 'autostart', label: 'Autostart', width: 90, text: (r) => yesNo(r.model.autostart) },
  { key: 'vlanAware', label: 'VLAN aware', width: 115, text: (r) => (r.model.bridge ? yesNo(r.model.bridge.vlanAware) : '') },
  { key: 'ports', label: 'Ports/Slaves', width: 160, text: (r) => portsOf(r.model) },
  { key: 'bondMode', label: 'Bond Mode', width: 120, text: (r) => r.model.bond?.mode ?? '' },
  { key: 'hashPolicy', label: 'Hash Policy', width: 110, text: (r) => r.model.bond?.xmitHashPolicy ?? '' },
  { key: 'cidr', label: 'CIDR', width: 150, text: (r) => cidrs(r.model.inet) },
  { key: 'gateway', label: 'Gateway', width: 130, text: (r) => r.model.inet?.gateway ?? '' },
  { key: 'cidr6', label: 'CIDR (IPv6)', width: 200, text: (r) => cidrs(r.model.inet6) },
  { key: 'gateway6', label: 'Gateway (IPv6)', width: 170, text: (r) => r.model.inet6?.gateway ?? '' },
  { key: 'comment', label: 'Comment', width: 220, text: (r) => (r.model.comments ?? '').replace(/\n/g, ' ') },
  { key: 'mtu', label: 'MTU', width: 70, text: (r) => (r.model.mtu === undefined ? '' : String(r.model.mtu)) },
];

export const TABLE_WIDTH = COLUMNS.reduce((sum, c) => sum + c.width, 0);
