/**
 * The table's rows from GET /network: the staged interfaces in file order, then the live models of
 * the ones the staged file removes; each with its pending status, its diagnostics and the link
 * state of its device. Pure: tested in rows.test.ts.
 */
import type { Diagnostic, InterfaceModel } from '../../../../interfaces/types';
import type { NetworkResponse, Nic, PendingStatus } from '../../../../schema/responses';

export interface InterfaceRow {
  model: InterfaceModel;
  /** How the staged file differs from the live one for this interface; undefined: unchanged. */
  status?: PendingStatus;
  /** Problems reported for this interface (worst first). */
  diagnostics: Diagnostic[];
  /** Link state of the kernel device of the same name (sys/class/net operstate), if there is one. */
  state?: string;
}

export type RowsInput = Pick<NetworkResponse, 'interfaces' | 'nics'> & Partial<Pick<NetworkResponse, 'changes' | 'removed' | 'diagnostics'>>;

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function worstFirst(a: Diagnostic, b: Diagnostic): number {
  return (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) || a.line - b.line;
}

export function buildRows(net: RowsInput): InterfaceRow[] {
  const changes = net.changes ?? {};
  const states = new Map<string, Nic>();
  for (const nic of net.nics ?? []) states.set(nic.name, nic);
  const byIface = new Map<string, Diagnostic[]>();
  for (const d of net.diagnostics ?? []) {
    if (!d.iface) continue;
    const list = byIface.get(d.iface);
    if (list) list.push(d);
    else byIface.set(d.iface, [d]);
  }
  const row = (model: InterfaceModel, status: PendingStatus | undefined): InterfaceRow => ({
    model,
    status,
    diagnostics: (byIface.get(model.name) ?? []).sort(worstFirst),
    state: states.get(model.name)?.state,
  });
  const rows = (net.interfaces ?? []).map((m) => row(m, changes[m.name]));
  const present = new Set(rows.map((r) => r.model.name));
  for (const m of net.removed ?? []) if (!present.has(m.name)) rows.push({ ...row(m, 'removed'), diagnostics: [] });
  return rows;
}

/** Names with pending changes (added, changed or removed). */
export function pendingCount(net: Partial<NetworkResponse>): number {
  return Object.keys(net.changes ?? {}).length;
}

/** Interface types the forms edit (the authoritative check is the forms' formKindFor, in the lazy chunk). */
const EDITABLE_TYPES = new Set(['bridge', 'bond', 'vlan', 'eth']);

export function canEdit(row: InterfaceRow | undefined): boolean {
  return !!row && row.status !== 'removed' && EDITABLE_TYPES.has(row.model.type);
}

export function canRemove(row: InterfaceRow | undefined): boolean {
  return !!row && row.status !== 'removed';
}
