import { describe, expect, it } from 'vitest';
import { bridgeNameHint, ifaceNameSchema, ifaceOrAliasNameSchema, interfaceNameProblems, nameListSchema, nextFreeName } from './names';
import { issuesAt } from './test-helpers';

describe('interface names', () => {
  it.each(['vmbr0', 'eth0.50', 'bond0', 'bond1.30', 'enp3s0f1', 'eth0.100.200', 'lo', 'vmbr4094', 'a', 'br_lan-2', 'x'.repeat(15)])(
    'accepts %s',
    (name) => expect(issuesAt(ifaceNameSchema, name)).toEqual([]),
  );

  it.each([
    ['../x', "Must not start with '.'"],
    ['eth0;reboot', 'Use only letters'],
    ['-e', "Must not start with '-'"],
    ['x'.repeat(16), 'at most 15 bytes (Linux IFNAMSIZ); this one is 16'],
    ['eth 0', 'Must not contain spaces'],
    ['$(reboot)', 'Use only letters'],
    ['"eth0"', 'Use only letters'],
    ["eth0'", 'Use only letters'],
    ['a/b', 'Use only letters'],
    ['.', "Must not start with '.'"],
    ['..', "Must not start with '.'"],
    ['eth0.', "Every '.' must be followed"],
    ['eth0..5', "Every '.' must be followed"],
    ['eth+', 'Use only letters'],
    ['veth@eth0', 'Use only letters'],
    ['äth0', 'Use only letters'],
    ['all', 'reserved by Linux'],
    ['default', 'reserved by Linux'],
    ['', 'Enter an interface name.'],
  ])('rejects %j with a message saying why', (name, why) => {
    const msgs = issuesAt(ifaceNameSchema, name);
    expect(msgs.join(' | ')).toContain(why);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(interfaceNameProblems('ä'.repeat(8)).join(' ')).toContain('this one is 16');
  });

  it("allows ':' only in the alias form, and only where aliases are allowed", () => {
    expect(issuesAt(ifaceOrAliasNameSchema, 'eth0:1')).toEqual([]);
    expect(issuesAt(ifaceOrAliasNameSchema, 'vmbr0:backup')).toEqual([]);
    expect(issuesAt(ifaceNameSchema, 'eth0:1')[0]).toContain("':' is only used in alias names");
    expect(issuesAt(ifaceOrAliasNameSchema, 'eth0:')[0]).toContain('needs a label');
    expect(issuesAt(ifaceOrAliasNameSchema, ':1')[0]).toContain('needs the interface before');
    expect(issuesAt(ifaceOrAliasNameSchema, 'eth0:1:2')[0]).toContain('needs a label');
  });

  it('name lists reject duplicates on the duplicate entry and enforce a minimum', () => {
    const slaves = nameListSchema('slaves', 1);
    expect(issuesAt(slaves, ['eth1', 'eth1'], [1])).toEqual(['eth1 is listed twice. Remove the duplicate.']);
    expect(issuesAt(slaves, [])).toEqual(['Add at least one slave.']);
    expect(issuesAt(slaves, ['eth1', '-x'], [1])[0]).toContain("Must not start with '-'");
  });

  it('vmbrN is a suggestion, not a rule', () => {
    expect(bridgeNameHint('vmbr0')).toBeUndefined();
    expect(bridgeNameHint('vmbr4094')).toBeUndefined();
    expect(bridgeNameHint('vmbr4095')).toMatch(/vmbr0 to vmbr4094/);
    expect(bridgeNameHint('br-lan')).toMatch(/vmbr0 to vmbr4094/);
    expect(issuesAt(ifaceNameSchema, 'br-lan')).toEqual([]);
    expect(nextFreeName('vmbr', ['vmbr0', 'vmbr1', 'vmbr3'])).toBe('vmbr2');
  });
});
