import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bondFormDefaults } from '../../../schema/bond';
import { bridgeFormDefaults } from '../../../schema/bridge';
import { ethFormDefaults } from '../../../schema/eth';
import { interfaceRequestSchema, type InterfaceRequest, type InterfaceRequestInput } from '../../../schema/requests';
import { routedSetupSchema } from '../../../schema/setups';
import { checkChange, checkFile, documentProblems, physicalNics } from './document-check';

// The demo host: eth0-eth3 manual, vmbr0 10.20.30.5/24 gw 10.20.30.1 on eth0.
const SAMPLE = readFileSync(new URL('../../../server/demo/interfaces.sample', import.meta.url), 'utf8');
const NICS = ['eth0', 'eth1', 'eth2', 'eth3'];

/** A request as the form sends it: the form's values parsed by the same schema. */
const request = (input: InterfaceRequestInput): InterfaceRequest => interfaceRequestSchema.parse(input);
const bridge = (form: Partial<typeof bridgeFormDefaults>) => request({ kind: 'bridge', form: { ...bridgeFormDefaults, name: 'vmbr1', ...form } });

describe('documentProblems', () => {
  it('puts a second default IPv4 gateway on the gateway field', () => {
    const plan = documentProblems(SAMPLE, bridge({ ipv4: { cidr: '10.0.1.2/24', gateway: '10.0.1.1' } }), NICS);
    expect(plan?.fieldErrors).toEqual([{ name: 'ipv4.gateway', message: expect.stringMatching(/^vmbr1: second default IPv4 gateway 10\.0\.1\.1: vmbr0 already sets one/) }]);
    expect(plan?.refusal).toBeNull();
  });

  it('puts a port that already has a master on the ports field', () => {
    const plan = documentProblems(SAMPLE, bridge({ ports: ['eth0'] }), NICS);
    // The new bridge goes in above vmbr0, so the engine reports vmbr0's port as the second one.
    expect(plan?.fieldErrors).toEqual([{ name: 'ports', message: expect.stringMatching(/bridge port eth0 is already a port of bridge vmbr[01]\b/) }]);
  });

  it('puts a bond slave that is a bridge port on the slaves field', () => {
    const plan = documentProblems(SAMPLE, request({ kind: 'bond', form: { ...bondFormDefaults, slaves: ['eth0', 'eth1'] } }), NICS);
    expect(plan?.fieldErrors.map((e) => e.name)).toEqual(['slaves']);
  });

  it('finds nothing in a fine change, created or edited', () => {
    expect(documentProblems(SAMPLE, bridge({ ports: ['eth1'], ipv4: { cidr: '10.0.1.2/24', gateway: '' } }), NICS)).toBeNull();
    // vmbr0 keeps its own gateway, changed: not a second one.
    const vmbr0 = bridge({ name: 'vmbr0', ports: ['eth0'], ipv4: { cidr: '10.20.30.6/24', gateway: '10.20.30.254' } });
    expect(documentProblems(SAMPLE, vmbr0, NICS, 'vmbr0')).toBeNull();
  });

  it('is not blocked by an error already in the file elsewhere', () => {
    const broken = `${SAMPLE}\nauto vmbr9\niface vmbr9 inet static\n\taddress 10.9.9.2/24\n\tgateway 10.9.9.1\n\tbridge-ports eth0\n`;
    const before = checkFile(broken, NICS).diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule);
    expect(before).toEqual(expect.arrayContaining(['duplicate-gateway', 'port-conflict']));
    const eth1 = request({ kind: 'eth', form: { ...ethFormDefaults, name: 'eth1', ipv4: { cidr: '10.1.1.2/24', gateway: '' } } });
    expect(documentProblems(broken, eth1, NICS, 'eth1')).toBeNull();
    // … while the same kind of error made anew still is refused.
    expect(documentProblems(broken, bridge({ ports: ['eth0'] }), NICS)?.fieldErrors.map((e) => e.name)).toEqual(['ports']);
  });

  it('puts an existing name on the Name field, as the server\'s 409 "exists"', () => {
    const plan = documentProblems(SAMPLE, bridge({ name: 'vmbr0' }), NICS);
    expect(plan).toEqual({ fieldErrors: [{ name: 'name', message: expect.stringContaining('"vmbr0" already exists') }], refusal: null });
  });

  it('reports an edit of an interface that is gone, for the alert', () => {
    const plan = documentProblems(SAMPLE, bridge({ name: 'vmbr7' }), NICS, 'vmbr7');
    expect(plan?.fieldErrors).toEqual([]);
    expect(plan?.refusal?.message).toMatch(/no interface "vmbr7"/);
  });

  it('places a problem the engine reports on the other interface, when it names this one and the value', () => {
    // eth0 comes before vmbr0 in the file: vmbr0's gateway becomes the second one.
    const eth0 = request({ kind: 'eth', form: { ...ethFormDefaults, name: 'eth0', ipv4: { cidr: '10.0.0.2/24', gateway: '10.0.0.1' } } });
    const plan = documentProblems(SAMPLE, eth0, NICS, 'eth0');
    expect(plan?.fieldErrors).toEqual([{ name: 'ipv4.gateway', message: expect.stringMatching(/^vmbr0: second default IPv4 gateway 10\.20\.30\.1: eth0 already sets one \(10\.0\.0\.1\)/) }]);
    expect(plan?.refusal).toBeNull();
  });
});

describe('checkChange with the setups', () => {
  const file = checkFile(SAMPLE, NICS);
  const routed = (gateway: string) =>
    routedSetupSchema.parse({ publicIface: 'eth1', publicCidr: '192.168.10.2/24', gateway, bridge: 'vmbr1', bridgeCidr: '10.10.10.1/24', publicComment: '', bridgeComment: '' });

  it('puts a second gateway on the setup\'s gateway field', () => {
    expect(checkChange(file, { kind: 'routed', form: routed('192.168.10.1') })?.fieldErrors.map((e) => e.name)).toEqual(['gateway']);
  });

  it('accepts the seed example (the setup replaces vmbr0 and its gateway)', () => {
    const seed = routedSetupSchema.parse({ publicIface: 'eth0', publicCidr: '192.168.10.2/24', gateway: '192.168.10.1', bridge: 'vmbr0', bridgeCidr: '10.10.10.1/24', publicComment: '', bridgeComment: '' });
    expect(checkChange(file, { kind: 'routed', form: seed })).toBeNull();
  });
});

describe('physicalNics', () => {
  it('keeps the hardware NICs', () => {
    expect(physicalNics([{ name: 'eth0', physical: true }, { name: 'vmbr0', physical: false }, { name: 'eth1', physical: true }])).toEqual(['eth0', 'eth1']);
  });
});
