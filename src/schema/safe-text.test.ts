import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { bondFormDefaults, bondFormSchema } from './bond';
import { bridgeFormDefaults, bridgeFormSchema } from './bridge';
import { ethFormDefaults, ethFormSchema } from './eth';
import { modelTextProblems } from './model-check';
import { commandSchema, isSafeText, SAFE_TEXT_MESSAGES as M, unsafeTextProblems } from './safe-text';
import { natSetupSchema, routedSetupSchema } from './setups';
import { issuesAt, type Path, withAt } from './test-helpers';
import { vlanFormDefaults, vlanFormSchema } from './vlan';
import type { InterfaceModel } from '../interfaces/types';

const INJECTIONS: [string, string][] = [
  ['a\nb', M.lf],
  ['a\rb', M.cr],
  ['a\u0000', M.nul],
  ['a\u2028', M.lineSeparator],
  ['a\u2029', M.paragraphSeparator],
  ['cmd \\', M.trailingBackslash],
  ['50%', M.percent],
  ['${x}', M.makoExpression],
  ['<% x %>', M.makoBlock],
];

const bridge = { ...bridgeFormDefaults, ports: ['eth0'], vlanAware: true, vids: '2-4094', ipv4: { cidr: '192.168.10.2/24', gateway: '192.168.10.1' }, ipv6: { cidr: '2001:db8::2/64', gateway: '2001:db8::1' }, comment: 'uplink' };
const bond = { ...bondFormDefaults, slaves: ['eth1', 'eth2'], primary: 'eth1' };
const vlan = { ...vlanFormDefaults, name: 'vlan50', rawDevice: 'eth0' };
const setup = { publicIface: 'eth0', publicCidr: '192.168.10.2/24', gateway: '192.168.10.1', bridge: 'vmbr0', bridgeCidr: '10.10.10.1/24', publicComment: 'real IP address', bridgeComment: 'private' };

/** Every kind of free-text field, with a valid value to inject into. */
const FIELDS: [string, z.ZodType, unknown, Path][] = [
  ['interface name', bridgeFormSchema, bridge, ['name']],
  ['alias-capable name', ethFormSchema, ethFormDefaults, ['name']],
  ['bridge port', bridgeFormSchema, bridge, ['ports', 0]],
  ['VLAN ID list', bridgeFormSchema, bridge, ['vids']],
  ['IPv4 CIDR', bridgeFormSchema, bridge, ['ipv4', 'cidr']],
  ['IPv4 gateway', bridgeFormSchema, bridge, ['ipv4', 'gateway']],
  ['IPv6 CIDR', bridgeFormSchema, bridge, ['ipv6', 'cidr']],
  ['IPv6 gateway', bridgeFormSchema, bridge, ['ipv6', 'gateway']],
  ['comment', bridgeFormSchema, bridge, ['comment']],
  ['bond slave', bondFormSchema, bond, ['slaves', 0]],
  ['bond primary', bondFormSchema, bond, ['primary']],
  ['VLAN raw device', vlanFormSchema, vlan, ['rawDevice']],
  ['setup public interface', routedSetupSchema, setup, ['publicIface']],
  ['setup bridge', natSetupSchema, setup, ['bridge']],
  ['setup CIDR', natSetupSchema, setup, ['bridgeCidr']],
  ['setup comment', routedSetupSchema, setup, ['bridgeComment']],
];

describe('safe text', () => {
  it('the valid base values parse', () => {
    for (const [label, schema, value] of FIELDS) expect(issuesAt(schema, value), label).toEqual([]);
  });

  describe.each(INJECTIONS)('%j', (bad, message) => {
    it.each(FIELDS.map((f) => [f[0], f] as const))('is rejected in the %s field', (_label, [, schema, value, path]) => {
      expect(issuesAt(schema, withAt(value, path, bad), path)).toContain(message);
    });

    it('is rejected in a post-up command', () => {
      expect(issuesAt(commandSchema, `echo ${bad}`)).toContain(message);
    });

    it('is found in a model before writing (option values, comments, ports)', () => {
      const m: InterfaceModel = {
        name: 'vmbr0',
        type: 'bridge',
        autostart: true,
        hotplug: false,
        comments: `ok\nnote ${bad}`,
        bridge: { ports: ['eth0'] },
        options: [{ key: 'post-up', value: `echo ${bad}`, family: 'inet' }],
      };
      const problems = modelTextProblems(m);
      expect(problems).toContainEqual({ path: 'options.0.value', message });
      // In the model, '\n' separates comment lines (each written as its own '#' line).
      if (bad !== 'a\nb') expect(problems).toContainEqual({ path: 'comments.1', message });
      const port = modelTextProblems({ ...m, comments: undefined, options: [], bridge: { ports: [bad] } });
      expect(port).toContainEqual({ path: 'bridge.ports.0', message });
    });
  });

  it('messages say what is wrong and how to fix it', () => {
    expect(M.percent).toMatch(/^Must not contain '%': ifupdown2 would treat the file as a Mako template/);
    for (const m of Object.values(M)) expect(m).toMatch(/remove|keep|use|shorten/i);
  });

  it('rejects tab, other C0/C1 controls, DEL, bidi overrides and a backslash before trailing spaces', () => {
    expect(unsafeTextProblems('a\tb')).toEqual([M.tab]);
    expect(unsafeTextProblems('a\u001bb')[0]).toMatch(/U\+001B/);
    expect(unsafeTextProblems('a\u007f')[0]).toMatch(/U\+007F/);
    expect(unsafeTextProblems('a\u0085')[0]).toMatch(/line break/);
    expect(unsafeTextProblems('a\u202eb')[0]).toMatch(/U\+202E/);
    expect(unsafeTextProblems('cmd \\  ')).toEqual([M.trailingBackslash]);
    expect(issuesAt(commandSchema, '\n')).toEqual([M.lf]);
  });

  it('accepts ordinary commands and text', () => {
    for (const s of [
      'echo 1 > /proc/sys/net/ipv4/ip_forward',
      "iptables -t nat -A POSTROUTING -s '10.10.10.0/24' -o eth0 -j MASQUERADE",
      'ip route add 10.0.0.0/8 via $GW dev $IFACE',
      'a \\ b',
      'Büro-Uplink — 10 GbE',
    ])
      expect(isSafeText(s), s).toBe(true);
    expect(issuesAt(commandSchema, '')).toEqual(['Enter a command, or remove this line.']);
  });
});
