/**
 * Filtering the table: by type (the segmented control) and by a search box matching any cell, the
 * pending status and the diagnostics. Pure: tested in filter.test.ts.
 */
import { COLUMNS } from './columns';
import type { InterfaceRow } from './rows';

export const TYPE_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'bridge', label: 'Bridges' },
  { value: 'bond', label: 'Bonds' },
  { value: 'vlan', label: 'VLANs' },
  { value: 'eth', label: 'NICs' },
  { value: 'other', label: 'Other' },
  { value: 'pending', label: 'Pending' },
] as const;

export type TypeFilter = (typeof TYPE_FILTERS)[number]['value'];

export interface RowFilter {
  type: TypeFilter;
  query: string;
}

const MAIN_TYPES = new Set(['bridge', 'bond', 'vlan', 'eth']);

export function matchesType(row: InterfaceRow, type: TypeFilter): boolean {
  switch (type) {
    case 'all':
      return true;
    case 'pending':
      return row.status !== undefined;
    case 'other':
      return !MAIN_TYPES.has(row.model.type);
    default:
      return row.model.type === type;
  }
}

/** Everything the search box can match in a row, lower case. */
export function searchText(row: InterfaceRow): string {
  const parts = COLUMNS.map((c) => c.text(row));
  if (row.status) parts.push(row.status);
  if (row.model.vlan?.rawDevice) parts.push(row.model.vlan.rawDevice);
  for (const d of row.diagnostics) parts.push(d.message);
  return parts.join('\n').toLowerCase();
}

/**
 * The rows the filter keeps, in order. Words of the query must all match (in any cell);
 * `texts` caches searchText per row for big tables.
 */
export function filterRows(rows: readonly InterfaceRow[], filter: RowFilter, texts?: WeakMap<InterfaceRow, string>): InterfaceRow[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  const textOf = (row: InterfaceRow): string => {
    if (!texts) return searchText(row);
    let t = texts.get(row);
    if (t === undefined) {
      t = searchText(row);
      texts.set(row, t);
    }
    return t;
  };
  return rows.filter((row) => {
    if (!matchesType(row, filter.type)) return false;
    if (!words.length) return true;
    const text = textOf(row);
    return words.every((w) => text.includes(w));
  });
}
