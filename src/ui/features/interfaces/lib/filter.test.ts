import { describe, expect, it } from 'vitest';
import { filterRows, matchesType, searchText, type RowFilter } from './filter';
import { buildRows, type InterfaceRow } from './rows';
import { bigNetwork, bridge, model, network } from './test-data';

const rows = buildRows(
  network({
    pending: true,
    interfaces: [
      model('lo', { type: 'loopback', inet: { method: 'loopback' } }),
      model('eth0'),
      bridge('vmbr0', ['eth0'], '10.20.30.5/24', { comments: 'Uplink for the guests' }),
      model('bond0', { type: 'bond', bond: { slaves: ['eth1', 'eth2'], mode: '802.3ad', xmitHashPolicy: 'layer3+4' } }),
      model('vmbr0.10', { type: 'vlan', vlan: { rawDevice: 'vmbr0', id: 10 }, inet6: { method: 'static', cidr: 'fd00::1/64' } }),
    ],
    changes: { 'vmbr0.10': 'added', eth3: 'removed' },
    removed: [model('eth3')],
    diagnostics: [{ line: 4, column: 1, severity: 'warning', rule: 'x', message: 'Port eth9 does not exist', iface: 'bond0' }],
  }),
);
const names = (list: InterfaceRow[]) => list.map((r) => r.model.name);
const f = (over: Partial<RowFilter>): RowFilter => ({ type: 'all', query: '', ...over });

describe('filterRows', () => {
  it('keeps everything without a filter', () => {
    expect(names(filterRows(rows, f({})))).toEqual(['lo', 'eth0', 'vmbr0', 'bond0', 'vmbr0.10', 'eth3']);
  });

  it('filters by type, "other" being what has no form of its own, "pending" the changed rows', () => {
    expect(names(filterRows(rows, f({ type: 'bridge' })))).toEqual(['vmbr0']);
    expect(names(filterRows(rows, f({ type: 'eth' })))).toEqual(['eth0', 'eth3']);
    expect(names(filterRows(rows, f({ type: 'vlan' })))).toEqual(['vmbr0.10']);
    expect(names(filterRows(rows, f({ type: 'other' })))).toEqual(['lo']);
    expect(names(filterRows(rows, f({ type: 'pending' })))).toEqual(['vmbr0.10', 'eth3']);
  });

  it('searches every cell, case-insensitively, all words', () => {
    expect(names(filterRows(rows, f({ query: 'UPLINK' })))).toEqual(['vmbr0']);
    expect(names(filterRows(rows, f({ query: '10.20.30' })))).toEqual(['vmbr0']);
    expect(names(filterRows(rows, f({ query: 'eth1' })))).toEqual(['bond0']);
    expect(names(filterRows(rows, f({ query: 'layer3+4' })))).toEqual(['bond0']);
    expect(names(filterRows(rows, f({ query: 'fd00::' })))).toEqual(['vmbr0.10']);
    expect(names(filterRows(rows, f({ query: 'linux bond' })))).toEqual(['bond0']);
    expect(names(filterRows(rows, f({ query: 'eth9' })))).toEqual(['bond0']); // its diagnostic
    expect(names(filterRows(rows, f({ query: 'removed' })))).toEqual(['eth3']);
    expect(names(filterRows(rows, f({ query: 'vmbr0 added' })))).toEqual(['vmbr0.10']);
    expect(names(filterRows(rows, f({ query: '  ' })))).toHaveLength(6);
  });

  it('combines type and search', () => {
    expect(names(filterRows(rows, f({ type: 'vlan', query: 'vmbr0' })))).toEqual(['vmbr0.10']);
    expect(names(filterRows(rows, f({ type: 'bond', query: 'vmbr0' })))).toEqual([]);
  });

  it('caches the search text per row', () => {
    const texts = new WeakMap<InterfaceRow, string>();
    filterRows(rows, f({ query: 'x' }), texts);
    expect(texts.get(rows[2])).toBe(searchText(rows[2]));
  });

  it('matchesType', () => {
    expect(matchesType(rows[0], 'all')).toBe(true);
    expect(matchesType(rows[0], 'bond')).toBe(false);
  });

  it('filters 5,000 rows per keystroke from texts made once (bench/panel.bench.ts times it)', () => {
    const big = buildRows(bigNetwork(5000));
    let made = 0;
    const texts = new (class extends WeakMap<InterfaceRow, string> {
      override set(row: InterfaceRow, text: string) {
        made++;
        return super.set(row, text);
      }
    })();
    filterRows(big, f({ query: 'warm' }), texts);
    expect(made).toBe(big.length);
    const hit = filterRows(big, f({ query: 'tenant 4998' }), texts);
    expect(names(hit)).toEqual(['vmbr4998']);
    expect(names(filterRows(big, f({ query: 'tenant 4999' }), texts))).toEqual([]); // 4999 has no comment
    expect(made, 'later keystrokes reuse the search texts').toBe(big.length);
  });
});
