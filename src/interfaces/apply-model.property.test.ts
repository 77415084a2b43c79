/**
 * Properties of applyModel on generated files (spellings, netmask lines, comments, CRLF, tabs,
 * family-less stanzas, missing final newline):
 * 1. applying the model a file already has changes nothing;
 * 2. after applying a changed model, the file reads back as that model, and the other
 *    interfaces are untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyModel } from './edit';
import { canonicalKey } from './keys';
import { toModel } from './model';
import { parse, print } from './parser';
import type { BondMode, Family, FamilyModel, InterfaceModel, RawOption } from './types';

// ---------------------------------------------------------------------------------------------
// Generated files

interface FamilySpec {
  method: 'static' | 'manual' | 'dhcp';
  addr: string;
  prefix: number;
  form: 'cidr' | 'dotted' | 'numeric';
  gateway?: string;
}

interface IfaceSpec {
  name: string;
  kind: 'eth' | 'bridge' | 'bond';
  start: 'none' | 'auto' | 'allow-auto' | 'shared';
  hotplug: boolean;
  comments: string[];
  bodyComment: boolean;
  inet: FamilySpec | null;
  inet6: FamilySpec | null;
  typeless: boolean;
  underscore: boolean;
  bondModeNumber: boolean;
  mtu: number | null;
  postUp: string[];
}

interface FileSpec {
  eol: '\n' | '\r\n';
  indent: string;
  gap: string;
  finalNewline: boolean;
  ifaces: IfaceSpec[];
}

const v4 = fc.record({
  method: fc.constantFrom('static' as const, 'manual' as const),
  addr: fc.integer({ min: 2, max: 250 }).map((n) => `10.0.${n}.2`),
  prefix: fc.constantFrom(16, 24),
  form: fc.constantFrom('cidr' as const, 'dotted' as const, 'numeric' as const),
  gateway: fc.option(fc.constant('10.0.0.1'), { nil: undefined }),
});
const v6 = fc.record({
  method: fc.constant('static' as const),
  addr: fc.integer({ min: 2, max: 250 }).map((n) => `fd00::${n.toString(16)}`),
  prefix: fc.constantFrom(64, 112),
  form: fc.constantFrom('cidr' as const, 'numeric' as const),
  gateway: fc.option(fc.constant('fd00::1'), { nil: undefined }),
});
const COMMENTS = ['uplink', ' indented text', 'managed by hand', ''];
const HOOKS = ['ip route add 10.9.0.0/16 via 10.0.0.1', 'echo 1 > /proc/sys/net/ipv4/ip_forward', 'true'];

const ifaceSpec = (name: string, kind: IfaceSpec['kind']) =>
  fc.record({
    name: fc.constant(name),
    kind: fc.constant(kind),
    start: fc.constantFrom('none' as const, 'auto' as const, 'allow-auto' as const, 'shared' as const),
    hotplug: fc.boolean(),
    comments: fc.subarray(COMMENTS),
    bodyComment: fc.boolean(),
    inet: fc.option(v4, { nil: null }),
    inet6: fc.option(v6, { nil: null }),
    typeless: fc.boolean(),
    underscore: fc.boolean(),
    bondModeNumber: fc.boolean(),
    mtu: fc.option(fc.constantFrom(1500, 9000), { nil: null }),
    postUp: fc.subarray(HOOKS),
  });

const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  indent: fc.constantFrom('\t', '    ', '  '),
  gap: fc.constantFrom('\n', '\n\n'),
  finalNewline: fc.boolean(),
  ifaces: fc
    .tuple(ifaceSpec('eth0', 'eth'), ifaceSpec('eth1', 'eth'), ifaceSpec('bond0', 'bond'), ifaceSpec('vmbr0', 'bridge'))
    .chain((all) => fc.shuffledSubarray(all, { minLength: 1 })),
});

function prefixToMask(p: number): string {
  return [0, 1, 2, 3].map((i) => (0xff << (8 - Math.max(0, Math.min(8, p - i * 8)))) & 0xff).join('.');
}

function familyLines(f: FamilySpec, k: (key: string) => string): string[] {
  if (f.method !== 'static') return [];
  const out = f.form === 'cidr' ? [`address ${f.addr}/${f.prefix}`] : [`address ${f.addr}`, `netmask ${f.form === 'dotted' ? prefixToMask(f.prefix) : f.prefix}`];
  if (f.gateway) out.push(`${k('gateway')} ${f.gateway}`);
  return out;
}

function kindLines(s: IfaceSpec, k: (key: string) => string): string[] {
  if (s.kind === 'bridge') return [`${k('bridge-ports')} eth1`, `${k('bridge-stp')} off`, `${k('bridge-fd')} 0`];
  if (s.kind === 'bond') return [`${s.underscore ? 'slaves' : 'bond-slaves'} eth0`, `${k('bond-miimon')} 100`, `${k('bond-mode')} ${s.bondModeNumber ? '1' : 'active-backup'}`];
  return [];
}

function renderSpec(spec: FileSpec): string {
  const shared = spec.ifaces.filter((s) => s.start === 'shared').map((s) => s.name);
  const blocks: string[][] = shared.length ? [[`auto ${shared.join(' ')}`]] : [];
  for (const s of spec.ifaces) {
    const k = (key: string) => (s.underscore ? key.replace(/-/g, '_') : key);
    const head: string[] = [];
    if (s.start === 'auto' || s.start === 'allow-auto') head.push(`${s.start} ${s.name}`);
    if (s.hotplug) head.push(`allow-hotplug ${s.name}`);
    head.push(...s.comments.map((c) => `#${c}`));
    const common = [...kindLines(s, k), ...(s.mtu ? [`mtu ${s.mtu}`] : []), ...s.postUp.map((h) => `post-up ${h}`)];
    const body = (lines: string[]) => lines.map((l) => spec.indent + l);
    const note = s.bodyComment ? [`${spec.indent}# note for ${s.name}`] : [];
    if (s.typeless && (s.inet?.method === 'static' || s.inet6)) {
      const fams = [s.inet, s.inet6].filter((f): f is FamilySpec => !!f).map((f) => ({ ...f, method: 'static' as const, form: 'cidr' as const }));
      blocks.push([...head, `iface ${s.name}`, ...note, ...body([...fams.flatMap((f) => familyLines(f, k)), ...common])]);
      continue;
    }
    const inet = s.inet ?? (s.inet6 ? null : { method: 'manual' as const, addr: '', prefix: 0, form: 'cidr' as const });
    const stanzas: string[][] = [];
    if (inet) stanzas.push([`iface ${s.name} inet ${inet.method}`, ...body(familyLines(inet, k))]);
    if (s.inet6) stanzas.push([`iface ${s.name} inet6 ${s.inet6.method}`, ...body(familyLines(s.inet6, k))]);
    stanzas[0].push(...note, ...body(common));
    blocks.push([...head, ...stanzas[0]], ...stanzas.slice(1));
  }
  const text = blocks.map((b) => b.join(spec.eol) + spec.eol).join(spec.gap === '\n' ? spec.eol : spec.eol + spec.eol);
  return spec.finalNewline ? text : text.slice(0, text.length - spec.eol.length);
}

// ---------------------------------------------------------------------------------------------
// Model changes

interface Change {
  cidr?: string;
  extra?: string[];
  gateway?: string | null;
  method?: FamilyModel['method'];
  inet6?: 'add' | 'remove' | 'change';
  dropInet?: boolean;
  mtu?: number | null;
  stp?: boolean;
  ports?: string[];
  bondMode?: BondMode;
  miimon?: number;
  comments?: string | null;
  autostart?: boolean;
  hotplug?: boolean;
  postUp?: string[];
  hwaddress?: boolean;
}

const changeArb: fc.Arbitrary<Change> = fc.record(
  {
    cidr: fc.integer({ min: 2, max: 250 }).chain((n) => fc.constantFrom(`10.1.${n}.3/24`, `10.1.${n}.3/16`, `10.0.${n}.2/24`)),
    extra: fc.subarray(['10.2.0.1/24', '10.3.0.1/24']),
    gateway: fc.constantFrom(null, '10.0.0.254'),
    method: fc.constantFrom('static', 'manual', 'dhcp'),
    inet6: fc.constantFrom('add' as const, 'remove' as const, 'change' as const),
    dropInet: fc.boolean(),
    mtu: fc.constantFrom(null, 1400, 9000),
    stp: fc.boolean(),
    ports: fc.subarray(['eth0', 'eth1', 'eth2']),
    bondMode: fc.constantFrom('active-backup' as const, '802.3ad' as const, 'balance-rr' as const),
    miimon: fc.constantFrom(100, 200),
    comments: fc.constantFrom(null, 'new comment', 'uplink\nsecond line', ' spaced'),
    autostart: fc.boolean(),
    hotplug: fc.boolean(),
    postUp: fc.subarray(HOOKS.concat(['echo changed'])),
    hwaddress: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** The model `m` with change `c` applied, as a form would return it. */
function changed(m: InterfaceModel, c: Change, firstFamily: Family | null): InterfaceModel {
  const out: InterfaceModel = structuredClone(m);
  if (out.inet) {
    if (c.cidr !== undefined) out.inet.cidr = c.cidr;
    if (c.extra !== undefined && out.inet.cidr) out.inet.extraCidrs = c.extra.length ? c.extra : undefined;
    if (c.gateway !== undefined) out.inet.gateway = c.gateway ?? undefined;
    if (c.method !== undefined) out.inet.method = c.method;
  }
  if (c.inet6 === 'add' && !out.inet6) out.inet6 = { method: 'static', cidr: 'fd01::5/64', gateway: 'fd01::1' };
  if (c.inet6 === 'change' && out.inet6) out.inet6 = { ...out.inet6, cidr: 'fd02::7/112' };
  const remove = (f: Family, other: Family) => {
    out[f] = undefined;
    // Lines of a removed family stanza move to the remaining stanza (or it turns family-less).
    const to = out[other] ? (firstFamily === null ? null : other) : null;
    out.options = out.options.map((o) => (o.family === f ? { ...o, family: to } : o));
  };
  if (c.inet6 === 'remove' && out.inet6) remove('inet6', 'inet');
  if (c.dropInet && out.inet) remove('inet', 'inet6');
  if (c.mtu !== undefined) out.mtu = c.mtu ?? undefined;
  if (out.bridge && c.stp !== undefined) out.bridge.stp = c.stp;
  if (out.bridge && c.ports !== undefined) out.bridge.ports = c.ports;
  if (out.bond && c.bondMode !== undefined) out.bond.mode = c.bondMode;
  if (out.bond && c.miimon !== undefined) out.bond.miimon = c.miimon;
  if (c.comments !== undefined) out.comments = c.comments ?? undefined;
  if (c.autostart !== undefined) out.autostart = c.autostart;
  if (c.hotplug !== undefined) out.hotplug = c.hotplug;
  // New raw options land in the interface's first stanza.
  const home = firstFamily === null ? null : out[firstFamily] ? firstFamily : out.inet ? 'inet' : out.inet6 ? 'inet6' : null;
  if (c.postUp !== undefined) {
    const fam = out.options.find((o) => o.key === 'post-up')?.family ?? home;
    out.options = out.options.filter((o) => o.key !== 'post-up').concat(c.postUp.map((value) => ({ key: 'post-up', value, family: fam })));
  }
  if (c.hwaddress) out.options.push({ key: 'hwaddress', value: '52:54:00:aa:bb:cc', family: home });
  return out;
}

/** Compare what the writer supports: no type; raw options grouped per family and key. */
function comparable(m: InterfaceModel) {
  const fam = (f?: FamilyModel) => f && { ...f, extraCidrs: f.extraCidrs?.length ? f.extraCidrs : undefined };
  const options: Record<string, string[]> = {};
  for (const o of m.options as RawOption[]) (options[`${o.family} ${canonicalKey(o.key)}`] ??= []).push(o.value);
  return JSON.parse(JSON.stringify({ ...m, type: undefined, inet: fam(m.inet), inet6: fam(m.inet6), options }));
}

function firstFamilyOf(text: string, name: string): Family | null {
  const words = text.split(/\r?\n/).find((l) => l.startsWith(`iface ${name}`))!.split(/\s+/);
  return words[2] === 'inet' || words[2] === 'inet6' ? words[2] : null;
}

/** More runs for a soak: FC_RUNS=20000 npx vitest run apply-model.property */
const RUNS = Number(process.env.FC_RUNS ?? 400);
const TIMEOUT = 10_000 + RUNS * 10;

describe('applyModel properties', () => {
  it('applying the model a file already has changes no byte', () => {
    fc.assert(
      fc.property(fileSpec, (spec) => {
        const text = renderSpec(spec);
        const doc = parse(text);
        for (const m of toModel(doc)) expect(print(applyModel(doc, m))).toBe(text);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('after applying a changed model the file reads back as that model; other interfaces are untouched', () => {
    fc.assert(
      fc.property(fileSpec, fc.nat(), changeArb, (spec, pick, c) => {
        const text = renderSpec(spec);
        const doc = parse(text);
        const before = toModel(doc);
        const m = before[pick % before.length];
        const want = changed(m, c, firstFamilyOf(text, m.name));
        const after = toModel(applyModel(doc, want));
        expect(comparable(after.find((x) => x.name === m.name)!)).toEqual(comparable(want));
        expect(after.filter((x) => x.name !== m.name)).toEqual(before.filter((x) => x.name !== m.name));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
