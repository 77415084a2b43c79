/**
 * `port-conflict`: a device enslaved to two masters (bridges, bonds, OVS bridges/bonds).
 * `port-is-slave`: a bridge port that is also a bond slave (use the bond as the port).
 */
import type { Diagnostic } from '../types';
import { at, type Rule } from './context';

type Kind = 'bridge' | 'bond' | 'ovs-bridge' | 'ovs-bond';
interface Member {
  port: string;
  master: string;
  kind: Kind;
  index: number;
}
const SOURCES: [string, Kind][] = [
  ['bridge-ports', 'bridge'],
  ['bond-slaves', 'bond'],
  ['ovs-ports', 'ovs-bridge'],
  ['ovs-bonds', 'ovs-bond'],
];
const ROLE: Record<Kind, string> = { bridge: 'a port of bridge', bond: 'a slave of bond', 'ovs-bridge': 'a port of OVS bridge', 'ovs-bond': 'a slave of OVS bond' };
const ITEM: Record<Kind, string> = { bridge: 'bridge port', bond: 'bond slave', 'ovs-bridge': 'OVS port', 'ovs-bond': 'OVS bond slave' };

/** The member names of a port list (`none`, and glob/regex lists, give nothing). */
export function portList(values: readonly string[]): string[] {
  if (values.some((w) => w === 'glob' || w === 'regex')) return [];
  return values.filter((w) => w !== 'none' && !/[[*?]/.test(w));
}

export const ports: Rule = (ctx) => {
  const groups = new Map<string, Member[]>();
  for (const name of ctx.stanzas.keys()) {
    for (const [key, kind] of SOURCES) {
      const o = ctx.optionsOf(name, key)[0];
      if (!o) continue;
      for (const port of new Set(portList(o.values))) {
        const list = groups.get(port) ?? [];
        if (!list.some((m) => m.master === name)) list.push({ port, master: name, kind, index: o.index });
        groups.set(port, list);
      }
    }
  }
  const out: Diagnostic[] = [];
  const line = (m: Member) => ctx.pos(m.index).line;
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.index - b.index);
    const bond = list.find((m) => m.kind === 'bond');
    const slaveMsg = (br: Member, b: Member) =>
      at(ctx.posOf(br.index, br.port), 'error', 'port-is-slave',
        `${br.master}: bridge port ${br.port} is also a slave of bond ${b.master} (line ${line(b)}): a bond slave cannot be a bridge port. Use the bond instead: replace ${br.port} with ${b.master} in bridge-ports.`, br.master);
    for (let j = 1; j < list.length; j++) {
      const m = list[j];
      if (bond && m.kind === 'bridge') out.push(slaveMsg(m, bond));
      else if (m === bond && list[0].kind === 'bridge') out.push(slaveMsg(list[0], m));
      else
        out.push(
          at(ctx.posOf(m.index, m.port), 'error', 'port-conflict',
            `${m.master}: ${ITEM[m.kind]} ${m.port} is already ${ROLE[list[0].kind]} ${list[0].master} (line ${line(list[0])}): a device can have only one master. Remove ${m.port} from one of them.`, m.master),
        );
    }
  }
  return out;
};
