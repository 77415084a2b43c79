/**
 * Acceptance on the seed page's five example configurations and on the PVE corpus (both read in
 * place from ../shared; skipped with a message when absent).
 */
import { describe, expect, it } from 'vitest';
import { corpusFiles, haveCorpus, haveSeed, seedExamples, skipMessage } from '../../test/support/shared';
import { parse } from './parser';
import { validate } from './validate';
import type { Diagnostic } from './types';

const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe(haveSeed ? 'validate: seed examples' : skipMessage('seed page'), () => {
  const ex = haveSeed ? seedExamples() : [];

  it.skipIf(!haveSeed)('finds the five examples', () => {
    expect(ex).toHaveLength(5);
  });

  it.skipIf(!haveSeed)('the first three examples have no errors', () => {
    for (const text of ex.slice(0, 3)) expect(errors(validate(parse(text)))).toEqual([]);
  });

  it.skipIf(!haveSeed)('the fourth warns that bridge port eth0 is never declared, unless eth0 is a known NIC', () => {
    const text = ex[3];
    const ds = validate(parse(text));
    expect(errors(ds)).toEqual([]);
    const undeclared = ds.filter((d) => d.rule === 'undeclared-reference');
    expect(undeclared).toHaveLength(1);
    expect(undeclared[0]).toMatchObject({ severity: 'warning', iface: 'vmbr0', line: lineOf(text, 'bridge_ports eth0') });
    expect(undeclared[0].message).toContain('bridge port eth0 is not declared');
    expect(validate(parse(text), { nics: ['eth0'] }).filter((d) => d.rule === 'undeclared-reference')).toEqual([]);
  });

  it.skipIf(!haveSeed)('the fourth warns slaves-spelling on its `slaves` line', () => {
    const text = ex[3];
    const ds = validate(parse(text)).filter((d) => d.rule === 'slaves-spelling');
    expect(ds).toEqual([expect.objectContaining({ severity: 'warning', iface: 'bond0', line: lineOf(text, 'slaves eth1 eth2'), column: 1 })]);
    expect(ds[0].message).toContain('bond-slaves');
  });

  it.skipIf(!haveSeed)('the fifth reports `maunal` as an error on the exact line, suggesting manual', () => {
    const text = ex[4];
    const ds = errors(validate(parse(text)));
    const line = lineOf(text, 'iface bond0 inet maunal');
    expect(line).toBeGreaterThan(0);
    expect(ds).toEqual([expect.objectContaining({ rule: 'unknown-method', iface: 'bond0', line, column: 'iface bond0 inet '.length + 1 })]);
    expect(ds[0].message).toContain('did you mean manual?');
  });
});

/**
 * Errors the corpus is known to contain, all true positives (path → rule ids):
 * the pve-common create_network/update_network test outputs give both eth1 (192.168.0.1) and
 * vmbr0 (10.0.0.1) an IPv4 default gateway. ifupdown2 runs `ip route add default ...` for each and
 * the second fails with "File exists"; PVE's own API refuses such a change. The writer tests that
 * produced these files do not validate, so the files carry the conflict.
 */
const KNOWN_ERRORS: Record<string, string[]> = {
  'pve/t.create_network.1-eth1-static.expected': ['duplicate-gateway'],
  'pve/t.create_network.2-bond0.expected': ['duplicate-gateway'],
  'pve/t.create_network.3-vxlan.expected': ['duplicate-gateway'],
  'pve/t.create_network.4-bridges-vxlan3.expected': ['duplicate-gateway'],
  'pve/t.create_network.5-vlans-ovs.expected': ['duplicate-gateway'],
  'pve/t.update_network.1-eth1-ipv4.expected': ['duplicate-gateway'],
  'pve/t.update_network.2-eth1-ipv4-ipv6.expected': ['duplicate-gateway'],
};

describe(haveCorpus ? 'validate: PVE corpus' : skipMessage('corpus'), () => {
  const files = haveCorpus ? corpusFiles() : [];

  it.skipIf(!haveCorpus)('never throws and reports no internal error', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const [path, text] of files) {
      const ds = validate(parse(text));
      expect(ds.filter((d) => d.rule === 'internal-error'), path).toEqual([]);
    }
  });

  it.skipIf(!haveCorpus)('reports no errors except the documented ones', () => {
    for (const [path, text] of files) {
      const got = errors(validate(parse(text))).map((d) => d.rule);
      expect(got, path).toEqual(KNOWN_ERRORS[path.split('\\').join('/')] ?? []);
    }
  });
});
