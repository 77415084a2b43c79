import { describe, expect, it } from 'vitest';
import { bridgeFormDefaults, bridgeFormSchema } from '../../../schema/bridge';
import { diagnosticField, fieldOfErrorCode, firstErrorMessage, fixReason, mapServerFields, mentions, ownNames, planRefusal, valuePaths } from './form-errors';

const known = valuePaths(bridgeFormDefaults);

describe('valuePaths', () => {
  it('lists leaves and lists, not objects', () => {
    expect(known).toEqual(['name', 'autostart', 'ipv4.cidr', 'ipv4.gateway', 'ipv6.cidr', 'ipv6.gateway', 'mtu', 'comment', 'ports', 'vlanAware', 'vids', 'stp', 'fd']);
  });
});

describe('mapServerFields', () => {
  it('strips the leading form. and matches the field', () => {
    expect(mapServerFields([{ path: 'form.ipv4.cidr', message: 'Bad address.' }], known)).toEqual({
      matched: [{ name: 'ipv4.cidr', message: 'Bad address.' }],
      unmatched: [],
    });
  });

  it('puts a list item error on its list, first message per field', () => {
    const r = mapServerFields(
      [
        { path: 'form.ports.1', message: 'eth1 is listed twice.' },
        { path: 'form.ports.2', message: 'later' },
      ],
      known,
    );
    expect(r.matched).toEqual([{ name: 'ports', message: 'eth1 is listed twice.' }]);
  });

  it('takes setup paths, which have no form. prefix', () => {
    expect(mapServerFields([{ path: 'publicCidr', message: 'x' }], ['publicCidr']).matched).toEqual([{ name: 'publicCidr', message: 'x' }]);
  });

  it('keeps what names no field for the alert', () => {
    const r = mapServerFields(
      [
        { path: 'form', message: 'Unknown field for a bridge: foo.' },
        { path: 'params.iface', message: 'Too long.' },
        { path: 'form.ipv4', message: 'Whole object.' },
      ],
      known,
    );
    expect(r.matched).toEqual([]);
    expect(r.unmatched.map((u) => u.path)).toEqual(['form', 'params.iface', 'form.ipv4']);
  });

  it('accepts a missing list', () => {
    expect(mapServerFields(undefined, known)).toEqual({ matched: [], unmatched: [] });
  });
});

describe('fieldOfErrorCode', () => {
  it('puts "exists" on the name', () => {
    expect(fieldOfErrorCode('exists')).toBe('name');
    expect(fieldOfErrorCode('locked')).toBeUndefined();
  });
});

describe('firstErrorMessage', () => {
  it('reads a field error, a list item error and a nested one, never the DOM ref', () => {
    expect(firstErrorMessage({ type: 'custom', message: 'Top.' })).toBe('Top.');
    expect(firstErrorMessage([undefined, { type: 'custom', message: 'Item 1.', ref: { message: 'not me' } }])).toBe('Item 1.');
    expect(firstErrorMessage({ ref: { message: 'not me' }, gateway: { message: 'Nested.' } })).toBe('Nested.');
    expect(firstErrorMessage(undefined)).toBeUndefined();
  });
});

describe('fixReason', () => {
  it('names the first problem by its field label', () => {
    const r = bridgeFormSchema.safeParse({ ...bridgeFormDefaults, name: 'vmbr1', ipv4: { cidr: '10.0.0.1', gateway: '' } });
    expect(r.success).toBe(false);
    expect(fixReason(r.error!.issues)).toBe('Fix: IPv4/CIDR: Add the prefix length, e.g. 192.168.10.2/24.');
  });

  it('names a list by its label and a pathless problem plainly', () => {
    expect(fixReason([{ path: ['ports', 0], message: 'A bridge cannot be its own port.' }])).toBe('Fix: Bridge ports: A bridge cannot be its own port.');
    expect(fixReason([{ path: [], message: 'Choose a bond mode.' }])).toBe('Fix: Choose a bond mode.');
    expect(fixReason([])).toBeNull();
  });
});

const diag = (rule: string, iface: string, message: string) => ({ line: 9, column: 1, severity: 'error' as const, rule, message, iface });

describe('diagnosticField', () => {
  const values = { ...bridgeFormDefaults, name: 'vmbr1', ipv4: { cidr: '10.0.1.2/24', gateway: '10.0.1.1' }, ipv6: { cidr: '2001:db8::2/64', gateway: '2001:db8::1' } };

  it('puts a second default gateway on the gateway field the message names', () => {
    expect(diagnosticField(diag('duplicate-gateway', 'vmbr1', 'vmbr1: second default IPv4 gateway 10.0.1.1: vmbr0 already sets one.'), values, ['vmbr1'])).toBe('ipv4.gateway');
    expect(diagnosticField(diag('duplicate-gateway', 'vmbr1', 'vmbr1: second default IPv6 gateway 2001:db8::1: …'), values, ['vmbr1'])).toBe('ipv6.gateway');
    expect(diagnosticField(diag('duplicate-gateway', 'eth0', 'eth0: second default IPv4 gateway 203.0.113.1'), { publicIface: 'eth0', gateway: '203.0.113.1', bridge: 'vmbr0' }, ['eth0', 'vmbr0'])).toBe('gateway');
  });

  it('puts port conflicts on the ports or slaves, an MTU above its parent on the MTU', () => {
    expect(diagnosticField(diag('port-conflict', 'vmbr1', 'vmbr1: bridge port eth0 is already a port of vmbr0.'), values, ['vmbr1'])).toBe('ports');
    expect(diagnosticField(diag('port-is-slave', 'bond1', 'x'), { name: 'bond1', slaves: ['eth1'] }, ['bond1'])).toBe('slaves');
    expect(diagnosticField(diag('mtu-above-parent', 'vmbr1', 'x'), values, ['vmbr1'])).toBe('mtu');
  });

  it('places a diagnostic reported on the other party when it names this interface and the value', () => {
    const withPort = { ...values, ports: ['eth0'] };
    expect(diagnosticField(diag('port-conflict', 'vmbr0', 'vmbr0: bridge port eth0 is already a port of bridge vmbr1 (line 19).'), withPort, ['vmbr1'])).toBe('ports');
    expect(diagnosticField(diag('duplicate-gateway', 'vmbr0', 'vmbr0: second default IPv4 gateway 10.20.30.1: vmbr1 already sets one (10.0.1.1) on line 20.'), values, ['vmbr1'])).toBe('ipv4.gateway');
    // Named, but the form's values are not what the message is about.
    expect(diagnosticField(diag('duplicate-gateway', 'vmbr0', 'vmbr0: second default IPv4 gateway 10.20.30.1: vmbr1 already sets one (10.0.1.10).'), values, ['vmbr1'])).toBeUndefined();
    // Not named at all (vmbr1.50 is another interface).
    expect(diagnosticField(diag('port-conflict', 'vmbr0', 'vmbr0: bridge port eth0 is already a port of bridge vmbr1.50.'), withPort, ['vmbr1'])).toBeUndefined();
  });

  it('leaves diagnostics about other interfaces and other rules to the alert', () => {
    expect(diagnosticField(diag('port-conflict', 'vmbr0', 'vmbr0: bridge port eth0 is already a port of vmbr1.'), values, ['vmbr1'])).toBeUndefined();
    expect(diagnosticField(diag('undeclared-reference', 'vmbr1', 'x'), values, ['vmbr1'])).toBeUndefined();
  });
});

describe('mentions', () => {
  it('finds whole names and addresses, punctuation around them allowed', () => {
    expect(mentions('vmbr1: bridge port eth0 is already a port of bridge vmbr0 (line 3).', 'vmbr1')).toBe(true);
    expect(mentions('… of bridge vmbr0.', 'vmbr0')).toBe(true);
    expect(mentions("above the MTU 1500 of its raw device eth0 (line 4): or raise eth0's MTU.", 'eth0')).toBe(true);
    expect(mentions('vmbr1: second default IPv6 gateway 2001:db8::1: vmbr0 already sets one', '2001:db8::1')).toBe(true);
    expect(mentions('already sets one (10.0.1.1) on line 2', '10.0.1.1')).toBe(true);
  });

  it('does not find a name inside a longer one', () => {
    expect(mentions('eth0.50: MTU 9000', 'eth0')).toBe(false);
    expect(mentions('gateway 10.0.1.10', '10.0.1.1')).toBe(false);
    expect(mentions('gateway 2001:db8::10', '2001:db8::1')).toBe(false);
    expect(mentions('vmbr10: x', 'vmbr1')).toBe(false);
    expect(mentions('my-eth0: x', 'eth0')).toBe(false);
    expect(mentions('anything', '')).toBe(false);
  });
});

describe('ownNames', () => {
  it('names the interfaces a form is about', () => {
    expect(ownNames({ name: 'vmbr1', ports: [] })).toEqual(['vmbr1']);
    expect(ownNames({ publicIface: 'eth0', bridge: 'vmbr0', publicCidr: '' })).toEqual(['eth0', 'vmbr0']);
  });
});

describe('planRefusal', () => {
  const values = { ...bridgeFormDefaults, name: 'vmbr1', ipv4: { cidr: '10.0.1.2/24', gateway: '10.0.1.1' } };
  const plan = (body: Parameters<typeof planRefusal>[0], message = 'Refused.') => planRefusal(body, message, values, ['vmbr1']);

  it('puts field errors on the fields, with no alert', () => {
    expect(plan({ code: 'invalid-input', message: 'x', fields: [{ path: 'form.name', message: 'Bad name.' }, { path: 'form.fd', message: 'Bad delay.' }] })).toEqual({
      fieldErrors: [
        { name: 'name', message: 'Bad name.' },
        { name: 'fd', message: 'Bad delay.' },
      ],
      refusal: null,
    });
  });

  it('puts an "exists" conflict on the name', () => {
    const msg = 'An interface named "eth1" already exists.';
    expect(plan({ code: 'exists', message: msg }, msg)).toEqual({ fieldErrors: [{ name: 'name', message: msg }], refusal: null });
  });

  it('puts a diagnostic about this interface on its field, the others in the alert', () => {
    const gw = diag('duplicate-gateway', 'vmbr1', 'vmbr1: second default IPv4 gateway 10.0.1.1: vmbr0 already sets one (10.20.30.1) on line 22.');
    const other = diag('port-conflict', 'vmbr0', 'vmbr0: bridge port eth0 is already a port of vmbr1.');
    expect(plan({ code: 'invalid-config', message: 'x', diagnostics: [gw] })).toEqual({ fieldErrors: [{ name: 'ipv4.gateway', message: gw.message }], refusal: null });
    expect(plan({ code: 'invalid-config', message: 'x', diagnostics: [gw, other] }).refusal).toEqual({ message: 'Refused.', diagnostics: [other], unmatched: [] });
  });

  it('keeps unmatched fields and plain refusals for the alert', () => {
    expect(plan({ code: 'invalid-input', message: 'x', fields: [{ path: 'form', message: 'Unknown field.' }] }).refusal?.unmatched).toEqual([{ path: 'form', message: 'Unknown field.' }]);
    expect(plan(undefined, 'The server cannot be reached.')).toEqual({ fieldErrors: [], refusal: { message: 'The server cannot be reached.', diagnostics: [], unmatched: [] } });
  });
});
