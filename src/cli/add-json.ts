/**
 * The `--add-json` argument of `netstage edit`: JSON (or `@FILE`) → InterfaceModel.
 *
 * A minimal shape check, so a typo gives a clear message instead of a crash or a strange file:
 * the engine (addInterface/validate) judges the values themselves. `autostart`, `hotplug` and
 * `options` may be left out (false, false, []).
 */
import { readFileSync } from 'node:fs';
import { IFACE_TYPES, type InterfaceModel } from '../interfaces/types';
import { UsageError } from './common';

type Json = Record<string, unknown>;

const MODEL_FIELDS = new Set(['name', 'type', 'autostart', 'hotplug', 'inet', 'inet6', 'mtu', 'comments', 'bridge', 'bond', 'vlan', 'ovs', 'options']);

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseInterfaceJson(arg: string): InterfaceModel {
  let text = arg;
  if (arg.startsWith('@')) {
    try {
      text = readFileSync(arg.slice(1), 'utf8');
    } catch (err) {
      throw new UsageError(`--add-json: cannot read ${arg.slice(1)}: ${(err as Error).message}`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--add-json: not valid JSON: ${(err as Error).message}`);
  }
  const problems: string[] = [];
  const m = checkModel(value, problems);
  if (!m || problems.length) throw new UsageError(`--add-json: not an interface: ${problems.join('; ')}`);
  return m;
}

function checkModel(v: unknown, problems: string[]): InterfaceModel | undefined {
  if (!isObject(v)) {
    problems.push('expected an object like {"name":"eth1","type":"eth","inet":{"method":"dhcp"}}');
    return undefined;
  }
  const m = { autostart: false, hotplug: false, options: [], ...v } as Json;
  const bad = (path: string, want: string) => problems.push(`"${path}" must be ${want}`);
  const str = (o: Json, k: string, path: string, required = false) => {
    if (o[k] === undefined) {
      if (required) problems.push(`"${path}" is required`);
    } else if (typeof o[k] !== 'string') bad(path, 'a string');
  };
  const num = (o: Json, k: string, path: string) => {
    if (o[k] !== undefined && !(typeof o[k] === 'number' && Number.isInteger(o[k]))) bad(path, 'an integer');
  };
  const bool = (o: Json, k: string, path: string) => {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') bad(path, 'true or false');
  };
  const strings = (o: Json, k: string, path: string, required = false) => {
    if (o[k] === undefined) {
      if (required) problems.push(`"${path}" is required (a list of names, [] for none)`);
    } else if (!Array.isArray(o[k]) || !(o[k] as unknown[]).every((x) => typeof x === 'string')) bad(path, 'a list of strings');
  };
  const sub = (k: string, check: (o: Json) => void) => {
    if (m[k] === undefined) return;
    if (!isObject(m[k])) bad(k, 'an object');
    else check(m[k] as Json);
  };

  for (const k of Object.keys(m)) if (!MODEL_FIELDS.has(k)) problems.push(`unknown field "${k}" (known: ${[...MODEL_FIELDS].join(', ')})`);
  str(m, 'name', 'name', true);
  if (typeof m.name === 'string' && !/^\S+$/.test(m.name)) bad('name', 'a non-empty name without spaces');
  if (m.type === undefined) problems.push(`"type" is required (one of ${IFACE_TYPES.join(', ')})`);
  else if (!(IFACE_TYPES as readonly unknown[]).includes(m.type)) bad('type', `one of ${IFACE_TYPES.join(', ')}`);
  bool(m, 'autostart', 'autostart');
  bool(m, 'hotplug', 'hotplug');
  num(m, 'mtu', 'mtu');
  str(m, 'comments', 'comments');
  for (const fam of ['inet', 'inet6']) {
    sub(fam, (f) => {
      str(f, 'method', `${fam}.method`, true);
      str(f, 'cidr', `${fam}.cidr`);
      strings(f, 'extraCidrs', `${fam}.extraCidrs`);
      str(f, 'gateway', `${fam}.gateway`);
    });
  }
  sub('bridge', (b) => {
    strings(b, 'ports', 'bridge.ports', true);
    bool(b, 'stp', 'bridge.stp');
    num(b, 'fd', 'bridge.fd');
    bool(b, 'vlanAware', 'bridge.vlanAware');
    str(b, 'vids', 'bridge.vids');
  });
  sub('bond', (b) => {
    strings(b, 'slaves', 'bond.slaves', true);
    for (const k of ['mode', 'xmitHashPolicy', 'lacpRate', 'primary']) str(b, k, `bond.${k}`);
    for (const k of ['miimon', 'updelay', 'downdelay']) num(b, k, `bond.${k}`);
  });
  sub('vlan', (x) => {
    str(x, 'rawDevice', 'vlan.rawDevice');
    num(x, 'id', 'vlan.id');
    str(x, 'protocol', 'vlan.protocol');
  });
  sub('ovs', (o) => {
    str(o, 'type', 'ovs.type', true);
    str(o, 'bridge', 'ovs.bridge');
    strings(o, 'ports', 'ovs.ports');
    strings(o, 'bonds', 'ovs.bonds');
    str(o, 'options', 'ovs.options');
  });
  if (!Array.isArray(m.options)) bad('options', 'a list of {"key","value","family"}');
  else
    (m.options as unknown[]).forEach((o, i) => {
      if (!isObject(o) || typeof o.key !== 'string' || typeof o.value !== 'string') {
        bad(`options[${i}]`, 'an object {"key": string, "value": string, "family": "inet"|"inet6"|null}');
      } else {
        if (o.family === undefined) o.family = null;
        if (o.family !== null && o.family !== 'inet' && o.family !== 'inet6') bad(`options[${i}].family`, '"inet", "inet6" or null');
      }
    });
  return m as unknown as InterfaceModel;
}
