/** Test fixtures: interface models and a GET /network answer of any size. */
import type { InterfaceModel } from '../../../../interfaces/types';
import type { NetworkResponse } from '../../../../schema/responses';

export const model = (name: string, extra: Partial<InterfaceModel> = {}): InterfaceModel => ({
  name,
  type: 'eth',
  autostart: false,
  hotplug: false,
  options: [],
  inet: { method: 'manual' },
  ...extra,
});

export const bridge = (name: string, ports: string[], cidr?: string, extra: Partial<InterfaceModel> = {}): InterfaceModel =>
  model(name, { type: 'bridge', autostart: true, inet: cidr ? { method: 'static', cidr } : { method: 'manual' }, bridge: { ports, stp: false, fd: 0 }, ...extra });

export function network(over: Partial<NetworkResponse> = {}): NetworkResponse {
  return { node: 'pve', digest: 'd1', pending: false, interfaces: [], nics: [], diagnostics: [], changes: {}, removed: [], ...over };
}

/** A host like the benchmark's: `n` bridges, each on a VLAN of bond0. */
export function bigNetwork(n: number): NetworkResponse {
  const interfaces: InterfaceModel[] = [model('lo', { type: 'loopback', autostart: true, inet: { method: 'loopback' } })];
  for (let i = 0; i < n; i++) interfaces.push(bridge(`vmbr${i}`, [`bond0.${(i % 4000) + 2}`], `10.${i >> 8}.${i & 255}.1/24`, { comments: i % 7 === 0 ? `tenant ${i}` : undefined }));
  return network({ interfaces, nics: [{ name: 'vmbr0', physical: false, state: 'up' }] });
}
