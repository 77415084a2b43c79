/** Unit tests of the CLI's formatting and argument helpers (no process spawned). */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, InterfaceModel } from '../interfaces/types';
import { parseInterfaceJson } from './add-json';
import { newErrors } from '../interfaces/new-errors';
import { clean, formatDiagnostic, formatTable, interfaceRow, summary } from './format';
import { decode, encode } from '../server/storage/text';

const d = (over: Partial<Diagnostic>): Diagnostic => ({ line: 1, column: 1, severity: 'error', rule: 'r', message: 'm', ...over });

describe('format', () => {
  it('formats diagnostics compiler-style', () => {
    expect(formatDiagnostic('F', d({ line: 5, column: 3, rule: 'unknown-method', message: 'bad' }))).toBe('F:5:3: error: bad [unknown-method]');
    expect(formatDiagnostic('F', d({ line: 0, column: 0, severity: 'warning' }))).toBe('F: warning: m [r]');
  });

  it('neutralises control characters', () => {
    expect(clean('a\x1b[31mb\tc')).toBe('a\\x1b[31mb\tc');
    expect(clean('a\tb\r\n', true)).toBe('a b\\x0d\\x0a');
    expect(formatDiagnostic('F', d({ message: 'x\x07' }))).toBe('F:1:1: error: x\\x07 [r]');
  });

  it('summarises the counts by severity', () => {
    expect(summary([d({ line: 3 }), d({ line: 1 }), d({ severity: 'warning' })])).toBe('2 errors, 1 warning');
  });

  it('aligns table columns and shows empty cells as -', () => {
    expect(formatTable(['A', 'Bee', 'C'], [['xx', '', 'z'], ['y', 'w', '']])).toBe('A   Bee  C\nxx  -    z\ny   w    -\n');
  });

  it('builds a row from a model', () => {
    const m: InterfaceModel = {
      name: 'bond0',
      type: 'bond',
      autostart: true,
      hotplug: true,
      inet: { method: 'static', cidr: '10.0.0.1/24', extraCidrs: ['10.0.1.1/24'], gateway: '10.0.0.254' },
      inet6: { method: 'dhcp' },
      mtu: 9000,
      comments: '\nfirst line\nsecond',
      bond: { slaves: ['eth0', 'eth1'], mode: '802.3ad', xmitHashPolicy: 'layer3+4' },
      options: [],
    };
    expect(interfaceRow(m)).toEqual(['bond0', 'bond', 'auto,hotplug', 'eth0,eth1', '802.3ad', 'layer3+4', '10.0.0.1/24,10.0.1.1/24', '10.0.0.254', '(dhcp)', '', '9000', 'first line']);
  });
});

describe('newErrors', () => {
  it('ignores errors already present, even when their line moved', () => {
    const before = [d({ line: 5, rule: 'a', message: 'same (see line 3)' }), d({ line: 9, severity: 'warning', rule: 'w' })];
    const after = [d({ line: 2, rule: 'a', message: 'same (see line 1)' }), d({ line: 3, rule: 'b' }), d({ line: 4, severity: 'warning', rule: 'w2' })];
    expect(newErrors(before, after)).toEqual([after[1]]);
    expect(newErrors([d({})], [d({}), d({ line: 7 })])).toEqual([d({ line: 7 })]);
  });
});

describe('--add-json', () => {
  it('fills defaults', () => {
    expect(parseInterfaceJson('{"name":"eth1","type":"eth","inet":{"method":"dhcp"}}')).toEqual({
      name: 'eth1',
      type: 'eth',
      autostart: false,
      hotplug: false,
      options: [],
      inet: { method: 'dhcp' },
    });
  });

  it('explains what is wrong', () => {
    expect(() => parseInterfaceJson('[]')).toThrow(/expected an object/);
    expect(() => parseInterfaceJson('{"name":"a b","type":"nic"}')).toThrow(/"name" must be.*"type" must be one of/);
    expect(() => parseInterfaceJson('{"name":"br0","type":"bridge","bridge":{}}')).toThrow(/"bridge.ports" is required/);
    expect(() => parseInterfaceJson('{"name":"x","type":"eth","autoStart":true}')).toThrow(/unknown field "autoStart"/);
    expect(() => parseInterfaceJson('{"name":"x","type":"eth","options":[{"key":"mtu"}]}')).toThrow(/options\[0\]/);
  });
});

describe('io encoding', () => {
  it('round-trips any bytes', () => {
    for (const bytes of [Buffer.from('\ufeffcafé\r\n', 'utf8'), Buffer.from([0x63, 0xe9, 0xff, 0x00, 0x80, 0x0a])]) {
      const { text, encoding } = decode(bytes);
      expect(encode(text, encoding).equals(bytes)).toBe(true);
    }
    expect(decode(Buffer.from([0xe9])).encoding).toBe('latin1');
  });
});
