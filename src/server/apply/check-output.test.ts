import { describe, expect, it } from 'vitest';
import { parse } from '../../interfaces/parser';
import { makoMarkers, parseCheckOutput } from './check-output';

const FILE = `auto lo
iface lo inet loopback

auto vmbr0
iface vmbr0 inet static
	address 10.10.10.1/24
	bridge-ports none
	mtu 9000

auto bond0
iface bond0 inet maunal
	bond-slaves eth1
`;
const doc = parse(FILE);

describe("parseCheckOutput: ifupdown2's syntax check messages", () => {
  it('ties parse errors to their line and addon messages to the interface line', () => {
    const out = parseCheckOutput(
      [
        "error: /etc/network/interfaces.new: line11: iface bond0: unsupported address method 'maunal'",
        'warning: vmbr0: bridge inherits mtu from its ports. There is no need to assign mtu on a bridge',
      ].join('\n'),
      1,
      doc,
    );
    expect(out.ok).toBe(false);
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ line: 11, severity: 'error', rule: 'ifupdown2', iface: 'bond0', message: expect.stringContaining("unsupported address method 'maunal'") }),
      expect.objectContaining({ line: 5, severity: 'warning', iface: 'vmbr0' }),
    ]);
  });

  it('passes with advice only, though ifupdown2 exits 1 on any warning', () => {
    const out = parseCheckOutput('warning: vmbr0: bridge inherits mtu from its ports. There is no need to assign mtu on a bridge\n', 1, doc);
    expect(out.ok).toBe(true);
  });

  it('drops the bridge-ports none false positive (printed twice) and "no auto interfaces"', () => {
    const fp = 'warning: vmbr0: bridge-ports: invalid value "none": valid attribute values: [\'<interface-list>\']';
    const out = parseCheckOutput(`${fp}\n${fp}\nerror: main exception: no ifaces found matching given allow lists\n`, 1, doc);
    expect(out.ok).toBe(true);
    expect(out.diagnostics.map((d) => [d.severity, d.rule])).toEqual([
      ['info', 'ifupdown2-false-positive'],
      ['info', 'ifupdown2-false-positive'],
    ]);
  });

  it('counts "invalid value" warnings as errors: ifupdown2 would ignore the setting', () => {
    const out = parseCheckOutput('warning: vmbr0: address: invalid value "300.1.1.1/24": valid attribute values: [\'<ipv4/prefixlen>\']\n', 1, doc);
    expect(out.ok).toBe(false);
  });

  it('fails on a non-zero exit without any message it understands, quoting the output', () => {
    const out = parseCheckOutput('Traceback (most recent call last):\n  ImportError: no module\n', 1, doc);
    expect(out.ok).toBe(false);
    expect(out.diagnostics[0].message).toContain('ImportError');
    expect(parseCheckOutput('', 0, doc)).toEqual({ ok: true, diagnostics: [] });
  });
});

describe('makoMarkers', () => {
  it("finds every line with '%' or '${', with its column", () => {
    const ds = makoMarkers('auto lo\n\tpost-up echo ${HOME}\n% for i in range(3):\n\tmtu 1500\n');
    expect(ds.map((d) => [d.line, d.column])).toEqual([
      [2, 15],
      [3, 1],
    ]);
    expect(makoMarkers('auto lo\niface lo inet loopback\n$HOME\n')).toEqual([]);
  });
});
