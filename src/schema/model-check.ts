/**
 * Server-side re-check of a model before it is written: every string that ends up in the file
 * passes the safe-text rule (names also the name rule). Use it on models built from forms, and
 * on anything a client sends as a model.
 */
import type { InterfaceModel } from '../interfaces/types';
import { interfaceNameProblems } from './names';
import { unsafeTextProblems } from './safe-text';

export interface ModelProblem {
  /** Dotted path into the model, e.g. `options.0.value`, `bridge.ports.1`. */
  path: string;
  message: string;
}

const OPTION_KEY_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Every problem with the strings of `m`; empty when it is safe to write. */
export function modelTextProblems(m: InterfaceModel): ModelProblem[] {
  const out: ModelProblem[] = [];
  const text = (path: string, s: string | undefined) => {
    if (s !== undefined) for (const message of unsafeTextProblems(s)) out.push({ path, message });
  };
  const name = (path: string, s: string | undefined, alias = false) => {
    if (s === undefined) return;
    const unsafe = unsafeTextProblems(s);
    for (const message of unsafe.length ? unsafe : interfaceNameProblems(s, { alias })) out.push({ path, message });
  };
  name('name', m.name, true);
  for (const f of ['inet', 'inet6'] as const) {
    const fm = m[f];
    if (!fm) continue;
    text(`${f}.method`, fm.method);
    text(`${f}.cidr`, fm.cidr);
    text(`${f}.gateway`, fm.gateway);
    fm.extraCidrs?.forEach((c, i) => text(`${f}.extraCidrs.${i}`, c));
  }
  (m.comments ?? '').split('\n').forEach((line, i) => text(`comments.${i}`, line));
  m.bridge?.ports.forEach((p, i) => name(`bridge.ports.${i}`, p));
  text('bridge.vids', m.bridge?.vids);
  m.bond?.slaves.forEach((s, i) => name(`bond.slaves.${i}`, s));
  name('bond.primary', m.bond?.primary);
  text('bond.xmitHashPolicy', m.bond?.xmitHashPolicy);
  text('bond.lacpRate', m.bond?.lacpRate);
  name('vlan.rawDevice', m.vlan?.rawDevice);
  text('vlan.protocol', m.vlan?.protocol);
  if (m.ovs) {
    text('ovs.type', m.ovs.type);
    name('ovs.bridge', m.ovs.bridge);
    m.ovs.ports?.forEach((p, i) => name(`ovs.ports.${i}`, p));
    m.ovs.bonds?.forEach((p, i) => name(`ovs.bonds.${i}`, p));
    text('ovs.options', m.ovs.options);
  }
  m.options.forEach((o, i) => {
    if (!OPTION_KEY_RE.test(o.key))
      out.push({ path: `options.${i}.key`, message: "Option names use only letters, digits, '-', '_' and '.' (e.g. post-up)." });
    text(`options.${i}.value`, o.value);
  });
  return out;
}
