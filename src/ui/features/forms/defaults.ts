/**
 * The values a form opens with: the schema's defaults (plus the next free name) for a create
 * form, the model converted by to-model.ts for an edit form. Pure: unit-tested.
 */
import type { InterfaceModel } from '../../../interfaces/types';
import { bondFormDefaults, type BondFormInput } from '../../../schema/bond';
import { bridgeFormDefaults, type BridgeFormInput } from '../../../schema/bridge';
import { ethFormDefaults, type EthFormInput } from '../../../schema/eth';
import { nextFreeName } from '../../../schema/names';
import type { NetworkResponse } from '../../../schema/responses';
import { natSetupDefaults, routedSetupDefaults, type NatSetupInput, type RoutedSetupInput } from '../../../schema/setups';
import { modelToBondForm, modelToBridgeForm, modelToEthForm, modelToVlanForm } from '../../../schema/to-model';
import { vlanFormDefaults, type VlanFormInput } from '../../../schema/vlan';
import { unconfiguredNics } from './devices';
import { vlanAutofill } from './vlan-autofill';

type Network = Pick<NetworkResponse, 'interfaces' | 'nics'>;

const takenNames = (n: Network) => [...n.interfaces.map((m) => m.name), ...n.nics.map((x) => x.name)];
const fresh = <T>(v: T): T => structuredClone(v);

export function createBridgeValues(n: Network): BridgeFormInput {
  return { ...fresh(bridgeFormDefaults), name: nextFreeName('vmbr', takenNames(n)) ?? '' };
}

export function createBondValues(n: Network): BondFormInput {
  return { ...fresh(bondFormDefaults), name: nextFreeName('bond', takenNames(n)) ?? '' };
}

export function createVlanValues(): VlanFormInput {
  return fresh(vlanFormDefaults);
}

/** A stanza for a NIC that has none yet: the first such NIC. */
export function createEthValues(n: Network): EthFormInput {
  return { ...fresh(ethFormDefaults), name: unconfiguredNics(n)[0] ?? '' };
}

/** The schema's default public interface when the host has it, else the first hardware NIC. */
function publicDefault(n: Network, fallback: string): string {
  const nics = n.nics.filter((x) => x.physical).map((x) => x.name);
  return nics.length === 0 || nics.includes(fallback) ? fallback : nics[0];
}

export function createSetupValues(kind: 'routed' | 'nat', n: Network): RoutedSetupInput | NatSetupInput {
  const d = fresh(kind === 'routed' ? routedSetupDefaults : natSetupDefaults);
  return { ...d, publicIface: publicDefault(n, d.publicIface) };
}

export const editValues = {
  bridge: (m: InterfaceModel): BridgeFormInput => modelToBridgeForm(m),
  bond: (m: InterfaceModel): BondFormInput => modelToBondForm(m),
  /** A dotted name shows its raw device and tag (the converter derives them from the name anyway). */
  vlan: (m: InterfaceModel): VlanFormInput => {
    const v = modelToVlanForm(m);
    const fill = vlanAutofill(v.name, { rawDevice: v.rawDevice, id: v.id });
    return { ...v, rawDevice: fill.rawDevice, id: fill.id };
  },
  eth: (m: InterfaceModel): EthFormInput => modelToEthForm(m),
};
