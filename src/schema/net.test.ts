import { describe, expect, it } from 'vitest';
import {
  ipv4AddressSchema,
  ipv4CidrSchema,
  ipv4NetworkCidr,
  ipv4NetworksOverlap,
  ipv6AddressSchema,
  ipv6CidrSchema,
  mtuSchema,
  optionalIpv4CidrSchema,
  parseIPv6,
  parseVidList,
  vidListSchema,
  vlanIdSchema,
} from './net';
import { issuesAt } from './test-helpers';

describe('IPv4', () => {
  it.each(['10.0.0.1/24', '192.168.10.2/24', '0.0.0.0/0', '255.255.255.255/32', '10.10.10.1/8'])('accepts CIDR %s', (c) =>
    expect(issuesAt(ipv4CidrSchema, c)).toEqual([]),
  );

  it.each([
    ['10.0.0.300/24', 'Not a valid IPv4 address'],
    ['010.0.0.1/24', 'without leading zeros'],
    ['10.0.0.1/33', 'prefix length after / must be a number from 0 to 32'],
    ['10.0.0.1/024', 'from 0 to 32'],
    ['10.0.0.1', 'Add the prefix length'],
    ['10.0.0.1/255.255.255.0', 'not a netmask'],
    ['10.0.1/24', 'Not a valid IPv4'],
    ['2001:db8::1/64', 'enter it in the IPv6 section'],
    [' 10.0.0.1/24', 'Not a valid IPv4'],
    ['', 'Enter an address.'],
  ])('rejects CIDR %j', (c, why) => expect(issuesAt(ipv4CidrSchema, c).join(' ')).toContain(why));

  it('gateway addresses take no prefix; optional fields accept empty', () => {
    expect(issuesAt(ipv4AddressSchema, '192.168.10.1')).toEqual([]);
    expect(issuesAt(ipv4AddressSchema, '192.168.10.1/24')[0]).toContain('without a /prefix');
    expect(issuesAt(optionalIpv4CidrSchema, '')).toEqual([]);
    expect(issuesAt(optionalIpv4CidrSchema, undefined)).toEqual([]);
  });

  it('computes networks and overlaps', () => {
    expect(ipv4NetworkCidr('10.10.10.1/24')).toBe('10.10.10.0/24');
    expect(ipv4NetworkCidr('192.168.10.200/25')).toBe('192.168.10.128/25');
    expect(ipv4NetworkCidr('1.2.3.4/0')).toBe('0.0.0.0/0');
    expect(ipv4NetworksOverlap('10.0.0.1/8', '10.10.10.1/24')).toBe(true);
    expect(ipv4NetworksOverlap('192.168.10.2/24', '10.10.10.1/24')).toBe(false);
    expect(ipv4NetworksOverlap('10.10.10.1/25', '10.10.10.129/25')).toBe(false);
  });
});

describe('IPv6', () => {
  it.each([
    '2001:db8::1',
    '::',
    '::1',
    '1::',
    'fe80::1',
    '2001:0db8:0000:0000:0000:ff00:0042:8329',
    '1:2:3:4:5:6:7::',
    '::ffff:192.0.2.128',
    '::192.0.2.128',
    '64:ff9b::192.0.2.33',
    '1:2:3:4:5:6:192.0.2.1',
    'FC05::2',
  ])('accepts %s', (a) => expect(issuesAt(ipv6AddressSchema, a)).toEqual([]));

  it.each(['1:2:3:4:5:6:7:8::', ':::', '1::2::3', '12345::', 'g::1', ':1::', '1:2:3:4:5:6:7', '::ffff:1.2.3', '::1.2.3.4:5', 'fe80::1%eth0', '1.2.3.4'])(
    'rejects %s',
    (a) => expect(issuesAt(ipv6AddressSchema, a)).not.toEqual([]),
  );

  it('expands to eight groups', () => {
    expect(parseIPv6('::ffff:192.0.2.128')).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0280]);
    expect(parseIPv6('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  });

  it('CIDRs take a prefix 0-128 and say which family is which', () => {
    expect(issuesAt(ipv6CidrSchema, '2001:db8::2/64')).toEqual([]);
    expect(issuesAt(ipv6CidrSchema, '2001:db8::2/129')[0]).toContain('0 to 128');
    expect(issuesAt(ipv6CidrSchema, '10.0.0.1/24')[0]).toContain('IPv4 section');
  });
});

describe('numbers', () => {
  it('VLAN ID is 1-4094', () => {
    expect(issuesAt(vlanIdSchema, 5000)).toEqual(['VLAN ID must be a whole number from 1 to 4094.']);
    expect(issuesAt(vlanIdSchema, 0)).not.toEqual([]);
    expect(issuesAt(vlanIdSchema, 1.5)).not.toEqual([]);
    expect(issuesAt(vlanIdSchema, 4094)).toEqual([]);
  });

  it('MTU is 68-65535', () => {
    expect(issuesAt(mtuSchema, 67)[0]).toContain('68 is the IPv4 minimum');
    expect(issuesAt(mtuSchema, 65536)).not.toEqual([]);
    expect(issuesAt(mtuSchema, 9000)).toEqual([]);
    expect(issuesAt(mtuSchema, Number.NaN)[0]).toContain('Enter a number');
  });
});

describe('bridge-vids lists', () => {
  it.each(['2-4094', '2 3 10-20', '1', '4094', '  10   20  '])('accepts %j', (s) => expect(issuesAt(vidListSchema, s)).toEqual([]));

  it.each([
    ['5000', 'out of range'],
    ['0-10', 'out of range'],
    ['20-10', 'must go up'],
    ['10-10', 'must go up'],
    ['10,20', 'not a VLAN ID or range'],
    ['010', 'not a VLAN ID or range'],
    ['2-4094 100', 'overlaps 2-4094'],
    ['7 7', 'overlaps 7'],
  ])('rejects %j', (s, why) => expect(issuesAt(vidListSchema, s).join(' ')).toContain(why));

  it('parses to ranges', () => expect(parseVidList('2 3 10-20')).toEqual({ ranges: [[2, 2], [3, 3], [10, 20]] }));
});
