import { describe, expect, it } from 'vitest';
import { bridgeFormDefaults, bridgeFormSchema } from './bridge';
import { emptyToUndefined } from './common';
import { ethFormDefaults, ethFormSchema } from './eth';
import { issuesAt } from './test-helpers';
import { resolveVlan, vlanFormDefaults, vlanFormSchema } from './vlan';

const bridge = { ...bridgeFormDefaults, ports: ['eth0'] };

describe('common fields', () => {
  it('a gateway without an address of its family is an error on the gateway', () => {
    const v = { ...ethFormDefaults, ipv4: { cidr: '', gateway: '192.168.10.1' } };
    expect(issuesAt(ethFormSchema, v, ['ipv4', 'gateway'])[0]).toMatch(/^A gateway needs an IPv4 address on this interface/);
    const v6 = { ...ethFormDefaults, ipv6: { gateway: 'fe80::1' } };
    expect(issuesAt(ethFormSchema, v6, ['ipv6', 'gateway'])[0]).toMatch(/needs an IPv6 address/);
  });

  it('a gateway must be of the same family', () => {
    const v = { ...ethFormDefaults, ipv4: { cidr: '192.168.10.2/24', gateway: 'fe80::1' } };
    expect(issuesAt(ethFormSchema, v, ['ipv4', 'gateway'])).toEqual(['This is an IPv6 address: enter it in the IPv6 section.']);
  });

  it("a gateway must not be the interface's own address", () => {
    const v = { ...ethFormDefaults, ipv4: { cidr: '192.168.10.2/24', gateway: '192.168.10.2' } };
    expect(issuesAt(ethFormSchema, v, ['ipv4', 'gateway'])[0]).toMatch(/another host/);
  });

  it('IPv6 needs an MTU of at least 1280', () => {
    const v = { ...ethFormDefaults, mtu: 1000, ipv6: { cidr: '2001:db8::2/64', gateway: '' } };
    expect(issuesAt(ethFormSchema, v, ['mtu'])[0]).toMatch(/at least 1280/);
    expect(issuesAt(ethFormSchema, { ...v, mtu: 1500 })).toEqual([]);
  });

  it('unknown keys are errors that name them', () => {
    expect(issuesAt(ethFormSchema, { ...ethFormDefaults, colour: 'red' })).toEqual(['Unknown field for a network card: colour. Remove it.']);
  });

  it('the eth form accepts alias names; empty optional fields are fine', () => {
    expect(issuesAt(ethFormSchema, ethFormDefaults)).toEqual([]);
    expect(issuesAt(ethFormSchema, { ...ethFormDefaults, name: 'eth0:1' })).toEqual([]);
    expect(issuesAt(ethFormSchema, { name: 'eth0' })).toEqual([]);
  });

  it('number inputs map empty to undefined and garbage to NaN', () => {
    expect(emptyToUndefined('')).toBeUndefined();
    expect(emptyToUndefined('1500')).toBe(1500);
    expect(emptyToUndefined('x')).toBeNaN();
  });
});

describe('bridge form', () => {
  it('the defaults plus a port are valid, and parse fills defaults', () => {
    expect(issuesAt(bridgeFormSchema, bridge)).toEqual([]);
    expect(bridgeFormSchema.parse({ name: 'vmbr1' })).toMatchObject({ ports: [], stp: false, fd: 0, vlanAware: false, autostart: true });
  });

  it('with STP on, the forward delay must be 2-30; with STP off, 0 is fine', () => {
    expect(issuesAt(bridgeFormSchema, { ...bridge, stp: false, fd: 0 })).toEqual([]);
    expect(issuesAt(bridgeFormSchema, { ...bridge, stp: true, fd: 0 }, ['fd'])).toEqual([
      'With STP on, Linux needs a forward delay of 2 to 30 seconds: raise it, or turn STP off to use 0.',
    ]);
    expect(issuesAt(bridgeFormSchema, { ...bridge, stp: true, fd: 2 })).toEqual([]);
    expect(issuesAt(bridgeFormSchema, { ...bridge, stp: true, fd: 31 }, ['fd'])[0]).toMatch(/0 to 30 seconds/);
    expect(issuesAt(bridgeFormSchema, { ...bridge, fd: -1 }, ['fd'])).not.toEqual([]);
  });

  it('VLAN IDs need a VLAN-aware bridge', () => {
    expect(issuesAt(bridgeFormSchema, { ...bridge, vids: '2-4094' }, ['vids'])[0]).toMatch(/turn on "VLAN aware"/);
    expect(issuesAt(bridgeFormSchema, { ...bridge, vlanAware: true, vids: '2-4094' })).toEqual([]);
    expect(issuesAt(bridgeFormSchema, { ...bridge, vlanAware: true, vids: '5000' }, ['vids'])[0]).toMatch(/out of range/);
  });

  it('a bridge cannot be its own port; ports are unique', () => {
    expect(issuesAt(bridgeFormSchema, { ...bridge, ports: ['eth0', 'vmbr0'] }, ['ports', 1])[0]).toMatch(/own port/);
    expect(issuesAt(bridgeFormSchema, { ...bridge, ports: ['eth0', 'eth0'] }, ['ports', 1])[0]).toMatch(/listed twice/);
  });
});

describe('VLAN form', () => {
  it('resolves the three naming styles', () => {
    expect(resolveVlan({ name: 'eth0.50' })).toEqual({ name: 'eth0.50', rawDevice: 'eth0', id: 50, style: 'dotted', problems: [] });
    expect(resolveVlan({ name: 'eth0.100.200' })).toMatchObject({ rawDevice: 'eth0.100', id: 200 });
    expect(resolveVlan({ name: 'vlan50', rawDevice: 'bond0' })).toEqual({ name: 'vlan50', rawDevice: 'bond0', id: 50, style: 'vlanN', problems: [] });
    expect(resolveVlan({ name: 'storage', rawDevice: 'vmbr0', id: 10 })).toEqual({ name: 'storage', rawDevice: 'vmbr0', id: 10, style: 'free', problems: [] });
  });

  it('fills in what the form can, and says what is missing', () => {
    const r = resolveVlan({ name: 'vlan50', rawDevice: '' });
    expect(r.id).toBe(50);
    expect(r.problems.map((p) => p.field)).toEqual(['rawDevice']);
    expect(resolveVlan({ name: 'storage' }).problems.map((p) => p.field)).toEqual(['rawDevice', 'id']);
  });

  it('fields must agree with the name', () => {
    const v = { ...vlanFormDefaults, name: 'eth0.50', rawDevice: 'eth1', id: 51 };
    expect(issuesAt(vlanFormSchema, v, ['rawDevice'])).toEqual(['The name eth0.50 already sets the raw device to eth0: enter eth0 or clear this field.']);
    expect(issuesAt(vlanFormSchema, v, ['id'])).toEqual(['The name eth0.50 already sets the VLAN ID to 50: enter 50 or clear this field.']);
    expect(issuesAt(vlanFormSchema, { ...v, rawDevice: 'eth0', id: 50 })).toEqual([]);
    expect(issuesAt(vlanFormSchema, { ...vlanFormDefaults, name: 'vlan50', rawDevice: 'eth0', id: 60 }, ['id'])[0]).toMatch(/already sets the VLAN ID to 50/);
  });

  it('rejects out-of-range tags in the name or the field', () => {
    expect(issuesAt(vlanFormSchema, { ...vlanFormDefaults, name: 'eth0.5000' }, ['name'])[0]).toMatch(/out of range/);
    expect(issuesAt(vlanFormSchema, { ...vlanFormDefaults, name: 'storage', rawDevice: 'eth0', id: 5000 }, ['id'])).toEqual([
      'VLAN ID must be a whole number from 1 to 4094.',
    ]);
  });

  it('a VLAN cannot be its own raw device; protocol is 802.1q or 802.1ad', () => {
    expect(issuesAt(vlanFormSchema, { ...vlanFormDefaults, name: 'storage', rawDevice: 'storage', id: 5 }, ['rawDevice'])[0]).toMatch(/own raw device/);
    expect(issuesAt(vlanFormSchema, { ...vlanFormDefaults, name: 'eth0.5', protocol: '802.1ad' })).toEqual([]);
    expect(issuesAt(vlanFormSchema, { ...vlanFormDefaults, name: 'eth0.5', protocol: 'qinq' }, ['protocol'])[0]).toMatch(/802.1q or 802.1ad/);
  });
});
