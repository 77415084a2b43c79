import { describe, expect, it } from 'vitest';
import { describeModelIssues, interfaceModelSchema } from './model';

const problems = (v: unknown) => {
  const r = interfaceModelSchema.safeParse(v);
  return r.success ? [] : describeModelIssues(r.error);
};

describe('interface model shape', () => {
  it('fills autostart, hotplug, options and an option family with their defaults', () => {
    expect(interfaceModelSchema.parse({ name: 'vmbr0', type: 'bridge', bridge: { ports: [] }, options: [{ key: 'post-up', value: 'true' }] })).toEqual({
      name: 'vmbr0',
      type: 'bridge',
      autostart: false,
      hotplug: false,
      bridge: { ports: [] },
      options: [{ key: 'post-up', value: 'true', family: null }],
    });
  });

  it('names the path of each problem, unknown fields included', () => {
    expect(problems({ name: 'bond0', type: 'bond', bond: { slaves: ['eth1', 2], speed: 1 }, mtu: 1.5 }).sort()).toEqual([
      '"bond.slaves[1]" must be a list of strings',
      '"mtu" must be an integer',
      'unknown field "bond.speed"',
    ]);
    expect(problems({ type: 'eth' })).toEqual(['"name" is required']);
    expect(problems({ name: 'eth0', type: 'eth', inet: { method: 'static' }, options: [{ key: 'mtu', value: '1', family: 'ipx' }] })).toEqual([
      '"options[0].family" must be "inet", "inet6" or null',
    ]);
  });
});
