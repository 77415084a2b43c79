/**
 * `port-conflict`: a device enslaved to two masters (bridges, bonds, OVS bridges/bonds).
 * `port-is-slave`: a bridge port that is also a bond slave (use the bond as the port).
 */
import type { Diagnostic } from '../types';
import { at, type OptionRef, type Rule } from './context';

type Kind = 'bridge' | 'bond' | 'ovs-bridge' | 'ovs-bond';
interface Member {
  port: string;
  master: string;
  kind: Kind;
  index: number;
}
/** The port-list keys, in the order each master's lists are read, and the master each makes. */
const KIND: Readonly<Record<string, Kind>> = { 'bridge-ports': 'bridge', 'bond-slaves': 'bond', 'ovs-ports': 'ovs-bridge', 'ovs-bonds': 'ovs-bond' };
const SOURCES = Object.keys(KIND);
const ROLE: Record<Kind, string> = { bridge: 'a port of bridge', bond: 'a slave of bond', 'ovs-bridge': 'a port of OVS bridge', 'ovs-bond': 'a slave of OVS bond' };
const ITEM: Record<Kind, string> = { bridge: 'bridge port', bond: 'bond slave', 'ovs-bridge': 'OVS port', 'ovs-bond': 'OVS bond slave' };

const PATTERN = /[[*?]/;
const isPortName = (w: string) => w !== 'none' && !PATTERN.test(w);

/** Does a (short) list hold some word twice? */
function hasDuplicates(words: readonly string[]): boolean {
  if (words.length > 8) return new Set(words).size < words.length;
  for (let k = 1; k < words.length; k++) if (words.lastIndexOf(words[k], k - 1) !== -1) return true;
  return false;
}

/**
 * The member names of a port list, each once (`none`, and glob/regex lists, give nothing). Usually
 * the list itself: the common case allocates nothing.
 */
export function portList(values: readonly string[]): readonly string[] {
  if (values.includes('glob') || values.includes('regex')) return [];
  const names = values.every(isPortName) ? values : values.filter(isPortName);
  return hasDuplicates(names) ? [...new Set(names)] : names;
}

const member = (port: string, o: OptionRef): Member => ({ port, master: o.name, kind: KIND[o.key], index: o.index });

export const ports: Rule = (ctx) => {
  // Port → the option line listing it, or, once a second master lists it, every master's member
  // (a port with one master, the common case, costs no object). A master's first line of each list
  // key counts; one listing a port in two lists counts by the one read first (SOURCES order).
  const groups = new Map<string, OptionRef | Member[]>();
  for (const key of SOURCES) {
    for (const o of ctx.firstOptions(key)) {
      for (const port of portList(o.values)) {
        const seen = groups.get(port);
        if (seen === undefined) groups.set(port, o);
        else if (!Array.isArray(seen)) {
          if (seen.name !== o.name) groups.set(port, [member(port, seen), member(port, o)]);
        } else if (!seen.some((m) => m.master === o.name)) seen.push(member(port, o));
      }
    }
  }
  const out: Diagnostic[] = [];
  const line = (m: Member) => ctx.line(m.index);
  // forEach, not for-of: no iterator step per port (8k in a large file) before V8 compiles this.
  groups.forEach((list) => {
    if (!Array.isArray(list)) return;
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
  });
  return out;
};
