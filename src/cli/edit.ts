/**
 * `netstage edit FILE [operations] [--in-place]`: apply minimal edits, print or write the result.
 *
 * Operations run in a fixed order, whatever their order on the command line:
 *   1. --remove NAME (each)   2. --add-json JSON (each)
 *   3. --iface NAME: --method, --set KEY=VALUE, --unset KEY, --autostart, --hotplug
 * With no operation the file is printed unchanged, byte for byte.
 */
import { addInterface, EditError, removeInterface, setAutostart, setHotplug, setMethod, setOption, unsetOption } from '../interfaces/edit';
import { newErrors } from '../interfaces/new-errors';
import { parse as parseText, print } from '../interfaces/parser';
import type { NetDocument } from '../interfaces/types';
import { parseInterfaceJson } from './add-json';
import { diagnose, parse, parseNics, UsageError, type Command } from './common';
import { clean, formatDiagnostics } from './format';
import { encode } from '../server/storage/text';
import { rewriteUserFile, UserFileError } from '../server/storage/user-files';
import { InputError, readInput, type Io } from './io';

type Target = Parameters<typeof setOption>[1];

const HELP = `Usage: netstage edit FILE [operations] [--in-place [--force]]

Apply minimal edits to FILE ("-" reads standard input) and print the result to
standard output; every line not edited keeps its exact bytes. With no operation
the file is printed unchanged.

Operations (applied in this order):
  --remove NAME           remove interface NAME: its stanzas, owned comments and
                          its names on auto/allow-* lines (repeatable)
  --add-json JSON         add an interface from its model, e.g.
                          '{"name":"eth1","type":"eth","autostart":true,"inet":{"method":"dhcp"}}'
                          or @FILE to read the JSON from a file (repeatable)
  --iface NAME            the interface the following options change:
    --family F            the stanza to change: inet, inet6 or none (family-less);
                          default: let the engine choose
    --method METHOD       change the method of the --family stanza (static,
                          manual, dhcp, …); needs --family inet or inet6
    --set KEY=VALUE       set an option (repeatable; the same KEY repeated gives
                          a multi-valued option, e.g. several "address" lines)
    --unset KEY           remove an option (repeatable)
    --autostart on|off    add NAME to / remove it from the "auto" lines
    --hotplug on|off      the same for "allow-hotplug" lines

Other options:
  --in-place              write the result back to FILE atomically instead of
                          printing it (permissions and owner are kept)
  --force                 with --in-place, write even if the edit adds errors
  --nics LIST             the host's physical NICs, comma-separated
  -h, --help              show this help

After editing, the result is validated: errors that were not in FILE before are
printed to standard error and the exit status is 1; with --in-place nothing is
written unless --force is given.

Exit status: 0 done, 1 the edit was refused or adds errors, 2 usage error or
unreadable/unwritable file.
`;

function parseOnOff(option: string, v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (/^(on|yes|true|1)$/i.test(v)) return true;
  if (/^(off|no|false|0)$/i.test(v)) return false;
  throw new UsageError(`--${option}: "${v}" is not on or off`);
}

export const edit: Command = {
  name: 'edit',
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parse(args, {
      iface: { type: 'string' },
      family: { type: 'string' },
      set: { type: 'string', multiple: true },
      unset: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
      'add-json': { type: 'string', multiple: true },
      autostart: { type: 'string' },
      hotplug: { type: 'string' },
      method: { type: 'string' },
      'in-place': { type: 'boolean' },
      force: { type: 'boolean' },
      nics: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'edit takes one FILE' : 'no FILE given');
    const file = positionals[0];
    const inPlace = values['in-place'] ?? false;
    if (inPlace && file === '-') throw new UsageError('--in-place needs a file, not standard input');
    if (values.force && !inPlace) throw new UsageError('--force only makes sense with --in-place');
    const nics = parseNics(values.nics);

    // --set KEY=VALUE…: collect per key, in order; a repeated key becomes a list.
    const sets = new Map<string, string[]>();
    for (const s of values.set ?? []) {
      const eq = s.indexOf('=');
      const key = eq < 0 ? s : s.slice(0, eq);
      if (eq <= 0 || !/^\S+$/.test(key)) throw new UsageError(`--set "${s}": expected KEY=VALUE`);
      const value = s.slice(eq + 1);
      if (value.trim() === '') throw new UsageError(`--set ${key}: empty value (use --unset ${key} to remove it)`);
      if (/[\r\n]/.test(value)) throw new UsageError(`--set ${key}: the value must be a single line`);
      sets.set(key, [...(sets.get(key) ?? []), value]);
    }
    const unsets = values.unset ?? [];
    for (const k of unsets) {
      if (!/^\S+$/.test(k)) throw new UsageError(`--unset "${k}": expected a KEY`);
      if (sets.has(k)) throw new UsageError(`--set and --unset both name "${k}"`);
    }
    let family: Target['family'];
    if (values.family !== undefined) {
      if (values.family === 'inet' || values.family === 'inet6') family = values.family;
      else if (values.family === 'none') family = null;
      else throw new UsageError(`--family: "${values.family}" is not inet, inet6 or none`);
    }
    const autostart = parseOnOff('autostart', values.autostart);
    const hotplug = parseOnOff('hotplug', values.hotplug);
    const method = values.method;
    if (method !== undefined && family !== 'inet' && family !== 'inet6') throw new UsageError('--method needs --family inet or inet6');
    const ifaceOps = sets.size > 0 || unsets.length > 0 || autostart !== undefined || hotplug !== undefined || method !== undefined;
    if (values.iface === undefined) {
      if (ifaceOps) throw new UsageError('--method, --set, --unset, --autostart and --hotplug need --iface NAME');
      if (values.family !== undefined) throw new UsageError('--family needs --iface NAME');
    } else if (!ifaceOps) {
      throw new UsageError(`--iface ${values.iface}: nothing to change (add --set, --unset, --method, --autostart or --hotplug)`);
    }
    const models = (values['add-json'] ?? []).map(parseInterfaceJson);
    const removes = values.remove ?? [];

    const input = await readInput(file, io);
    const original = parseText(input.text);
    let doc: NetDocument = original;
    try {
      for (const name of removes) doc = removeInterface(doc, name);
      for (const m of models) doc = addInterface(doc, m);
      if (values.iface !== undefined) {
        const target: Target = family === undefined ? { iface: values.iface } : { iface: values.iface, family };
        if (method !== undefined && (family === 'inet' || family === 'inet6')) doc = setMethod(doc, values.iface, family, method);
        for (const [key, vals] of sets) doc = setOption(doc, target, key, vals.length === 1 ? vals[0] : vals);
        for (const key of unsets) doc = unsetOption(doc, target, key);
        if (autostart !== undefined) doc = setAutostart(doc, values.iface, autostart);
        if (hotplug !== undefined) doc = setHotplug(doc, values.iface, hotplug);
      }
    } catch (err) {
      if (!(err instanceof EditError)) throw err;
      io.stderr(`netstage edit: ${clean(err.message, true)}\n`);
      return 1;
    }

    const text = print(doc);
    if (input.encoding === 'latin1' && /[^\u0000-\u00ff]/.test(text)) {
      throw new InputError(`${file} is not UTF-8 and the new text has characters its encoding cannot hold`);
    }
    const bytes = encode(text, input.encoding);
    const changed = !bytes.equals(input.bytes);
    const added = changed ? newErrors(diagnose(original, nics), diagnose(parseText(text), nics)) : [];
    if (added.length) {
      const n = added.length;
      const what = `the edit adds ${n} error${n === 1 ? '' : 's'} (line numbers of the edited text)`;
      io.stderr(`netstage edit: ${what}:\n${formatDiagnostics(input.label, added)}`);
    }
    if (!inPlace) {
      io.stdout(bytes);
      return added.length ? 1 : 0;
    }
    if (added.length && !values.force) {
      io.stderr(`netstage edit: ${clean(file, true)} not written (use --force to write it anyway)\n`);
      return 1;
    }
    if (changed)
      await rewriteUserFile(file, bytes, { expect: input.bytes }).catch((err: unknown) => {
        throw err instanceof UserFileError ? new InputError(err.message) : err;
      });
    return added.length ? 1 : 0;
  },
};
