import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../interfaces/types';
import { buildRows, canEdit, canRemove, pendingCount } from './rows';
import { bigNetwork, bridge, model, network } from './test-data';

const diag = (line: number, severity: Diagnostic['severity'], iface?: string): Diagnostic => ({ line, column: 1, severity, rule: 'r', message: `m${line}`, iface });

describe('buildRows', () => {
  it('keeps file order and appends removed interfaces as removed rows', () => {
    const rows = buildRows(
      network({
        pending: true,
        interfaces: [model('lo', { type: 'loopback' }), bridge('vmbr0', ['eth0']), bridge('vmbr9', [])],
        changes: { vmbr0: 'changed', vmbr9: 'added', eth3: 'removed' },
        removed: [model('eth3')],
      }),
    );
    expect(rows.map((r) => [r.model.name, r.status])).toEqual([
      ['lo', undefined],
      ['vmbr0', 'changed'],
      ['vmbr9', 'added'],
      ['eth3', 'removed'],
    ]);
  });

  it('puts diagnostics on their interface, worst first; others stay off the rows', () => {
    const rows = buildRows(network({ interfaces: [model('eth0'), model('eth1')], diagnostics: [diag(3, 'warning', 'eth0'), diag(9, 'error', 'eth0'), diag(1, 'error')] }));
    expect(rows[0].diagnostics.map((d) => d.line)).toEqual([9, 3]);
    expect(rows[1].diagnostics).toEqual([]);
  });

  it('takes the link state from the device of the same name', () => {
    const rows = buildRows(network({ interfaces: [model('eth0'), model('eth1')], nics: [{ name: 'eth0', physical: true, state: 'up' }] }));
    expect(rows.map((r) => r.state)).toEqual(['up', undefined]);
  });

  it('copes with an answer from an older server (no changes, removed, diagnostics)', () => {
    const old = { node: 'n', digest: 'd', pending: true, interfaces: [model('eth0')], nics: [] };
    expect(buildRows(old).map((r) => r.status)).toEqual([undefined]);
    expect(pendingCount(old)).toBe(0);
  });

  it('builds a row for each of 5,000 interfaces, in the order of the file (bench/panel.bench.ts times it)', () => {
    const net = bigNetwork(5000);
    const rows = buildRows(net);
    expect(rows).toHaveLength(net.interfaces.length);
    expect(rows.map((r) => r.model.name)).toEqual(net.interfaces.map((m) => m.name));
  });
});

describe('actions', () => {
  it('edits the types the forms know, never a removed row', () => {
    const [lo, br, ovs, gone] = buildRows(
      network({ interfaces: [model('lo', { type: 'loopback' }), bridge('vmbr0', []), model('ovs0', { type: 'OVSBridge' })], removed: [model('eth3')], changes: { eth3: 'removed' } }),
    );
    expect([lo, br, ovs, gone].map((r) => r.model.name)).toEqual(['lo', 'vmbr0', 'ovs0', 'eth3']);
    expect(canEdit(lo)).toBe(false);
    expect(canEdit(br)).toBe(true);
    expect(canEdit(ovs)).toBe(false); // OVS: no form
    expect(canEdit(gone)).toBe(false); // removed
    expect(canRemove(gone)).toBe(false);
    expect(canRemove(br)).toBe(true);
    expect(canEdit(undefined)).toBe(false);
  });

  it('counts the interfaces with pending changes', () => {
    expect(pendingCount(network({ changes: { a: 'added', b: 'removed' } }))).toBe(2);
  });
});
