/**
 * What the VLAN form fills in from the name, through the schema's resolveVlan (the one copy of
 * the naming rules): `eth0.50` sets raw device and tag (both then read-only), `vlan50` sets the
 * tag and asks for the raw device, any other name asks for both.
 */
import { resolveVlan, type VlanNameStyle } from '../../../schema/vlan';

export interface VlanFill {
  style: VlanNameStyle;
  rawDevice: string;
  id: number | undefined;
  /** The name decides the field: show it read-only. */
  rawLocked: boolean;
  idLocked: boolean;
}

export function vlanAutofill(name: string, current: { rawDevice?: string; id?: number }): VlanFill {
  const r = resolveVlan({ name });
  const rawLocked = r.style === 'dotted';
  const idLocked = r.style !== 'free';
  return {
    style: r.style,
    rawDevice: rawLocked ? (r.rawDevice ?? '') : (current.rawDevice ?? ''),
    id: idLocked ? r.id : current.id,
    rawLocked,
    idLocked,
  };
}
