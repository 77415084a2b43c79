/**
 * The shape of an InterfaceModel sent as data (`netstage edit --add-json`, later the API's request
 * bodies): types and required fields only, with `autostart`/`hotplug` defaulting to false, `options`
 * to [] and an option's `family` to null. What the strings may contain is model-check.ts's job
 * (modelTextProblems); whether the values make a sound configuration is the engine's (validate).
 */
import { z } from 'zod';
import { IFACE_TYPES, type InterfaceModel } from '../interfaces/types';

const required = (want: string) => (iss: { input: unknown }) => (iss.input === undefined ? 'is required' : `must be ${want}`);
const reqString = z.string({ error: required('a string') });
const optString = z.string({ error: 'must be a string' }).optional();
const optInt = z.number({ error: 'must be an integer' }).int({ error: 'must be an integer' }).optional();
const optBool = z.boolean({ error: 'must be true or false' }).optional();
const nameList = z.array(z.string({ error: 'must be a list of strings' }), {
  error: (iss) => (iss.input === undefined ? 'is required (a list of names, [] for none)' : 'must be a list of strings'),
});
const object = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape, { error: 'must be an object' });

const family = object({ method: reqString, cidr: optString, extraCidrs: nameList.optional(), gateway: optString });

const OPTION_SHAPE = 'an object {"key": string, "value": string, "family": "inet"|"inet6"|null}';
const rawOption = z.object(
  {
    key: z.string({ error: `must be ${OPTION_SHAPE}` }),
    value: z.string({ error: `must be ${OPTION_SHAPE}` }),
    family: z.enum(['inet', 'inet6'], { error: 'must be "inet", "inet6" or null' }).nullable().default(null),
  },
  { error: `must be ${OPTION_SHAPE}` },
);

const TYPES = IFACE_TYPES.join(', ');

export const interfaceModelSchema = z.strictObject(
  {
    name: reqString.regex(/^\S+$/, { error: 'must be a non-empty name without spaces' }),
    type: z.enum(IFACE_TYPES, { error: (iss) => (iss.input === undefined ? `is required (one of ${TYPES})` : `must be one of ${TYPES}`) }),
    autostart: z.boolean({ error: 'must be true or false' }).default(false),
    hotplug: z.boolean({ error: 'must be true or false' }).default(false),
    inet: family.optional(),
    inet6: family.optional(),
    mtu: optInt,
    comments: optString,
    bridge: object({ ports: nameList, stp: optBool, fd: optInt, vlanAware: optBool, vids: optString }).optional(),
    bond: object({
      slaves: nameList,
      mode: optString,
      miimon: optInt,
      xmitHashPolicy: optString,
      lacpRate: optString,
      primary: optString,
      updelay: optInt,
      downdelay: optInt,
    }).optional(),
    vlan: object({ rawDevice: optString, id: optInt, protocol: optString }).optional(),
    ovs: object({ type: reqString, bridge: optString, ports: nameList.optional(), bonds: nameList.optional(), options: optString }).optional(),
    options: z.array(rawOption, { error: `must be a list of ${OPTION_SHAPE}` }).default([]),
  },
  { error: 'expected an object like {"name":"eth1","type":"eth","inet":{"method":"dhcp"}}' },
);

/** The parsed model. `bond.mode` stays any string here: the engine's validate reports unknown modes. */
export function toInterfaceModel(data: z.output<typeof interfaceModelSchema>): InterfaceModel {
  return data as InterfaceModel;
}

/** One line per problem: `"bridge.ports" is required`, `unknown field "autoStart" (known: …)`. */
export function describeModelIssues(error: z.ZodError): string[] {
  return error.issues.map((iss) => {
    const path = iss.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
    if (iss.code === 'unrecognized_keys') {
      const known = iss.path.length === 0 ? ` (known: ${Object.keys(interfaceModelSchema.shape).join(', ')})` : '';
      return iss.keys.map((k) => `unknown field "${path ? `${path}.` : ''}${k}"${known}`).join('; ');
    }
    return path ? `"${path}" ${iss.message}` : iss.message;
  });
}
