import { describe, expect, it } from 'vitest';
import { vlanAutofill } from './vlan-autofill';

describe('vlanAutofill', () => {
  it('takes raw device and tag from a dotted name and locks both', () => {
    expect(vlanAutofill('eth0.50', {})).toEqual({ style: 'dotted', rawDevice: 'eth0', id: 50, rawLocked: true, idLocked: true });
    expect(vlanAutofill('bond1.30', { rawDevice: 'eth9', id: 7 })).toMatchObject({ rawDevice: 'bond1', id: 30 });
  });

  it('takes the outer tag of a QinQ name', () => {
    expect(vlanAutofill('eth0.100.200', {})).toMatchObject({ rawDevice: 'eth0.100', id: 200, rawLocked: true });
  });

  it('takes the tag from vlanN and asks for the raw device', () => {
    expect(vlanAutofill('vlan50', { rawDevice: 'eth1', id: 9 })).toEqual({ style: 'vlanN', rawDevice: 'eth1', id: 50, rawLocked: false, idLocked: true });
    expect(vlanAutofill('vlan50', {})).toMatchObject({ rawDevice: '', id: 50 });
  });

  it('asks for both for any other name, keeping what was entered', () => {
    expect(vlanAutofill('storage', { rawDevice: 'eth0', id: 50 })).toEqual({ style: 'free', rawDevice: 'eth0', id: 50, rawLocked: false, idLocked: false });
    expect(vlanAutofill('', {})).toEqual({ style: 'free', rawDevice: '', id: undefined, rawLocked: false, idLocked: false });
  });

  it('treats a half-typed dotted name as free (nothing derived yet)', () => {
    expect(vlanAutofill('eth0.', { rawDevice: 'eth0', id: 5 })).toMatchObject({ style: 'free', rawDevice: 'eth0', id: 5 });
  });

  it('passes an out-of-range tag through for the schema to report', () => {
    expect(vlanAutofill('eth0.5000', {})).toMatchObject({ id: 5000, idLocked: true });
  });
});
