import { describe, expect, it } from 'vitest';
import { BOND_MODES } from '../interfaces/types';
import { BOND_MODE_INFO, bondFormDefaults, bondFormSchema, fieldsForMode, switchBondMode } from './bond';
import { issuesAt } from './test-helpers';

const lacp = { ...bondFormDefaults, mode: '802.3ad', slaves: ['eth1', 'eth2'], xmitHashPolicy: 'layer2+3', primary: undefined };
const ab = { ...bondFormDefaults, mode: 'active-backup' as const, slaves: ['eth1', 'eth2'], primary: 'eth1' };

describe('bond form', () => {
  it('accepts the seed bond (802.3ad, layer2+3, miimon 100) and active-backup with a primary', () => {
    expect(issuesAt(bondFormSchema, lacp)).toEqual([]);
    expect(issuesAt(bondFormSchema, ab)).toEqual([]);
    expect(bondFormSchema.parse({ name: 'bond0', mode: 'broadcast', slaves: ['eth1'] })).toMatchObject({ miimon: 100, autostart: true });
  });

  it('primary is rejected for 802.3ad, with a message on the field', () => {
    expect(issuesAt(bondFormSchema, { ...lacp, primary: 'eth1' }, ['primary'])).toEqual([
      'Primary slave does not apply to mode 802.3ad: it is only used by active-backup, balance-tlb, balance-alb. Clear it.',
    ]);
  });

  it('lacpRate only for 802.3ad, xmitHashPolicy not for active-backup', () => {
    expect(issuesAt(bondFormSchema, { ...lacp, lacpRate: 'fast' })).toEqual([]);
    expect(issuesAt(bondFormSchema, { ...ab, lacpRate: 'fast' }, ['lacpRate'])[0]).toMatch(/only used by 802.3ad/);
    expect(issuesAt(bondFormSchema, { ...ab, xmitHashPolicy: 'layer3+4' }, ['xmitHashPolicy'])[0]).toMatch(/does not apply to mode active-backup/);
    expect(issuesAt(bondFormSchema, { ...lacp, xmitHashPolicy: 'layer5' }, ['xmitHashPolicy'])[0]).toMatch(/Choose a transmit hash policy/);
  });

  it('unknown keys and modes are errors that say what to do', () => {
    expect(issuesAt(bondFormSchema, { ...lacp, lacp_rate: 'fast' })).toEqual(['Unknown field for a 802.3ad bond: lacp_rate. Remove it.']);
    expect(issuesAt(bondFormSchema, { ...lacp, mode: 'lacp' }, ['mode'])[0]).toMatch(/^Choose a bond mode: balance-rr, active-backup/);
  });

  it('slaves: at least one, unique, not the bond itself', () => {
    expect(issuesAt(bondFormSchema, { ...ab, slaves: [], primary: '' }, ['slaves'])).toEqual(['Add at least one slave.']);
    expect(issuesAt(bondFormSchema, { ...ab, slaves: ['eth1', 'eth1'] }, ['slaves', 1])[0]).toMatch(/listed twice/);
    expect(issuesAt(bondFormSchema, { ...ab, slaves: ['eth1', 'bond0'] }, ['slaves', 1])[0]).toMatch(/own slave/);
    expect(issuesAt(bondFormSchema, { ...ab, primary: 'eth9' }, ['primary'])[0]).toMatch(/must be one of the slaves/);
  });

  it('updelay/downdelay need miimon > 0 and a multiple of it', () => {
    expect(issuesAt(bondFormSchema, { ...ab, miimon: 0, updelay: 200 }, ['updelay'])[0]).toMatch(/only works with link monitoring: set miimon above 0/);
    expect(issuesAt(bondFormSchema, { ...ab, miimon: 0, downdelay: 200 }, ['downdelay'])[0]).toMatch(/set miimon above 0/);
    expect(issuesAt(bondFormSchema, { ...ab, miimon: 0, updelay: 0 })).toEqual([]);
    expect(issuesAt(bondFormSchema, { ...ab, miimon: 100, updelay: 250 }, ['updelay'])[0]).toMatch(/round it down to 200 ms/);
    expect(issuesAt(bondFormSchema, { ...ab, miimon: 100, updelay: 200, downdelay: 300 })).toEqual([]);
    expect(issuesAt(bondFormSchema, { ...ab, miimon: -1 }, ['miimon'])).not.toEqual([]);
  });
});

describe('bond mode table', () => {
  it('has the seven modes in number order, each with a one-line description', () => {
    expect(Object.keys(BOND_MODE_INFO)).toEqual([...BOND_MODES]);
    BOND_MODES.forEach((m, i) => {
      expect(BOND_MODE_INFO[m].number).toBe(i);
      expect(BOND_MODE_INFO[m].description).not.toMatch(/\n|802\.3ad\)\(LACP\):-alb/);
    });
    expect(BOND_MODE_INFO['balance-alb'].description).toBe(
      'Adaptive load balancing: balance-tlb plus receive load balancing for IPv4 traffic; needs no special switch support.',
    );
  });

  it('fieldsForMode shows exactly the fields each mode accepts', () => {
    expect(fieldsForMode('balance-rr')).toEqual([]);
    expect(fieldsForMode('active-backup')).toEqual(['primary']);
    expect(fieldsForMode('802.3ad')).toEqual(['xmitHashPolicy', 'lacpRate']);
    expect(fieldsForMode('balance-alb')).toEqual(['xmitHashPolicy', 'primary']);
    const sample = { xmitHashPolicy: 'layer2', primary: 'eth1', lacpRate: 'slow' } as const;
    for (const mode of BOND_MODES) {
      const v = { ...bondFormDefaults, mode, slaves: ['eth1', 'eth2'], primary: undefined } as Record<string, unknown>;
      for (const f of fieldsForMode(mode)) v[f] = sample[f];
      expect(issuesAt(bondFormSchema, v), mode).toEqual([]);
    }
  });

  it('offers exactly the fields each mode uses', () => {
    expect(Object.fromEntries(BOND_MODES.map((m) => [m, fieldsForMode(m)]))).toEqual({
      'balance-rr': [],
      'active-backup': ['primary'],
      'balance-xor': ['xmitHashPolicy'],
      broadcast: [],
      '802.3ad': ['xmitHashPolicy', 'lacpRate'],
      'balance-tlb': ['xmitHashPolicy', 'primary'],
      'balance-alb': ['xmitHashPolicy', 'primary'],
    });
  });

  it('switchBondMode drops fields the new mode does not have and adds the ones it does', () => {
    const v = switchBondMode({ ...ab }, '802.3ad');
    expect(v).not.toHaveProperty('primary');
    expect(v).toMatchObject({ mode: '802.3ad', xmitHashPolicy: '', lacpRate: '' });
    expect(issuesAt(bondFormSchema, v)).toEqual([]);
  });
});
