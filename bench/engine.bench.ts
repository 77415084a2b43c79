/**
 * Engine benchmark on a generated ~43k-line Proxmox host file (bench/generate.ts).
 *
 *   npm run bench                     (prebench builds the CLI bundle, then
 *                                      node --expose-gc --import tsx bench/engine.bench.ts)
 *
 * In-process: median of RUNS timed runs after WARMUP untimed ones, a full GC before each timed run
 * when --expose-gc is on (so one run's garbage is not charged to the next). Rows: the
 * `text.split('\n')` baseline, parse, parse with its Line objects (a parsed document makes them
 * when `doc.lines` is first read: validating and printing need none), toModel, validate, print,
 * parse+validate+print, and one edit on a bridge in the middle of the file followed by a unified
 * diff (the generic `createTwoFilesPatch` over the whole text, and the engine's `unifiedDiff`: the
 * same patch with jsdiff run on the changed region only).
 *
 * Whole processes (when ifupdown2 is unpacked: `bash scripts/ifupdown2.sh .tools/ifupdown2`, or
 * NETSTAGE_IFUPDOWN2=DIR-or-ifquery): the shipped entry, `node bin/netstage.js check FILE` (which
 * runs the prebuilt bundle dist/cli/netstage.mjs when it is fresh, see bin/cli-bundle.js), against
 * `/usr/bin/python3 …/ifquery -a -i FILE`, median of a few runs each; for scale also `node -e 0`
 * (the startup floor) and `netstage check` on a two-line file (netstage's own startup).
 *
 * validate and the edit functions are loaded if their modules exist (they are written in parallel);
 * rows that need a missing one say so. A benchmark, not a test: it never fails the build.
 * Env: BENCH_RUNS (default 15), BENCH_PROC_RUNS (default 5), BENCH_KEEP=1 keeps the temp file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { parse, print, toModel, unifiedDiff } from '../src/interfaces/index';
import type { Diagnostic, IfaceBlock, InterfaceModel, NetDocument } from '../src/interfaces/types';
import { generateHostFile } from './generate';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 15));
const WARMUP = 3;
const PROC_RUNS = Math.max(3, Number(process.env.BENCH_PROC_RUNS ?? 5));
const EDIT_IFACE = 'vmbr2047';
const gc = (globalThis as { gc?: () => void }).gc;
/** The two diffs compared, with `netstage diff`'s 3 lines of context. */
const diffAll = (a: string, b: string) => createTwoFilesPatch('interfaces', 'interfaces', a, b, undefined, undefined, { context: 3 });
const diffRegion = (a: string, b: string) => unifiedDiff(a, b, { oldName: 'interfaces', newName: 'interfaces', context: 3 });

// ---------------------------------------------------------------------------------------------
// Timing

interface Result {
  name: string;
  median: number;
  min: number;
  target?: number;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Time `run` (given what `setup` returns, untimed) RUNS times after WARMUP runs. */
function measure<S>(name: string, run: (s: S) => unknown, setup: () => S = () => undefined as S, target?: number): Result {
  for (let i = 0; i < WARMUP; i++) run(setup());
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = setup();
    gc?.();
    const t0 = performance.now();
    run(s);
    times.push(performance.now() - t0);
  }
  return { name, median: median(times), min: Math.min(...times), target };
}

// ---------------------------------------------------------------------------------------------
// Modules written in parallel: loaded when present.

type ValidateFn = (doc: NetDocument, opts?: { nics?: readonly string[] }) => readonly Diagnostic[];
type EditResult = NetDocument | string | { doc?: NetDocument; text?: string };
type SetOptionFn = (doc: NetDocument, target: { iface: string; family?: string }, key: string, value: string | null) => EditResult;
type ApplyModelFn = (doc: NetDocument, model: InterfaceModel) => EditResult;

async function optional<T>(rel: string): Promise<{ mod?: T; why?: string }> {
  const path = join(REPO, rel);
  if (!existsSync(path)) return { why: `${rel} not written yet` };
  try {
    return { mod: (await import(pathToFileURL(path).href)) as T };
  } catch (e) {
    return { why: `${rel} failed to load: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

/** Whatever an edit function returns → the new text. */
function textOf(r: EditResult): string {
  if (typeof r === 'string') return r;
  if ('lines' in r && Array.isArray(r.lines)) return print(r as NetDocument);
  if ('text' in r && typeof r.text === 'string') return r.text;
  if ('doc' in r && r.doc) return print(r.doc);
  throw new Error('edit returned neither a document nor a text');
}

// ---------------------------------------------------------------------------------------------
// Whole processes

function findIfquery(): string | undefined {
  const env = process.env.NETSTAGE_IFUPDOWN2;
  const candidates = env ? [env, join(env, 'bin/ifquery')] : [join(REPO, '.tools/ifupdown2/bin/ifquery')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

interface ProcResult {
  label: string;
  median: number;
  min: number;
  status: number | null;
  note: string;
  /** The command crashed (uncaught exception, signal, exit status ≥ 2): its time means nothing. */
  crashed: boolean;
}

function timeProcess(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ProcResult {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = performance.now() - t0;
    if (r.error) throw r.error;
    return { ms, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  };
  const first = once(); // warm-up (OS caches)
  const times: number[] = [];
  for (let i = 0; i < PROC_RUNS; i++) times.push(once().ms);
  const crashed = first.status === null || first.status > 1 || /Uncaught|node:internal|^\w*Error\b/m.test(first.stderr);
  const lines = (first.stdout + first.stderr).split('\n').filter(Boolean);
  const shown = crashed ? first.stderr.split('\n').find((l) => /Error/.test(l)) ?? lines[0] ?? '' : lines[0] ?? '';
  const note = crashed ? `CRASHED: ${shown.trim().slice(0, 140)}` : lines.length ? `${lines.length} output lines, first: ${shown.slice(0, 80)}` : 'no output';
  return { label, median: median(times), min: Math.min(...times), status: first.status, note, crashed };
}

/** Why bin/netstage.js would not run the prebuilt bundle (missing or stale), or undefined. */
async function bundleStaleness(): Promise<string | undefined> {
  const spec = pathToFileURL(join(REPO, 'bin/cli-bundle.js')).href; // plain JS: keep the type checker out of it
  try {
    return ((await import(spec)) as { bundleStaleness(): string | undefined }).bundleStaleness();
  } catch (err) {
    return `bin/cli-bundle.js failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
  }
}

// ---------------------------------------------------------------------------------------------

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

function table(rows: Result[], base: number): void {
  const w = Math.max(...rows.map((r) => r.name.length), 4);
  console.log(`${'name'.padEnd(w)}  ${'median ms'.padStart(9)}  ${'min ms'.padStart(8)}  ${'× split'.padStart(8)}  target`);
  for (const r of rows) {
    const verdict = r.target === undefined ? '' : `≤ ${r.target} ms ${Number.isNaN(r.median) ? 'n/a' : r.median <= r.target ? 'PASS' : 'MISS'}`;
    const ratio = Number.isFinite(r.median) ? (r.median / base).toFixed(1) : '-';
    const med = Number.isFinite(r.median) ? fmt(r.median) : 'n/a';
    const min = Number.isFinite(r.min) ? fmt(r.min) : 'n/a';
    console.log(`${r.name.padEnd(w)}  ${med.padStart(9)}  ${min.padStart(8)}  ${ratio.padStart(8)}  ${verdict}${r.note ? `  (${r.note})` : ''}`);
  }
}

const skipped = (name: string, why: string, target?: number): Result => ({ name, median: NaN, min: NaN, target, note: `skipped: ${why}` });

async function main(): Promise<void> {
  const text = generateHostFile();
  const lineCount = text.split('\n').length - 1;
  const doc0 = parse(text);
  const ifaces = doc0.blocks.filter((b): b is IfaceBlock => b.kind === 'iface').length;
  console.log(`netstage engine bench — node ${process.version}, ${RUNS} runs after ${WARMUP} warm-ups${gc ? ', GC before each run' : ' (run with --expose-gc for steadier numbers)'}`);
  console.log(`file: ${lineCount} lines, ${(text.length / 1024).toFixed(0)} KiB, ${ifaces} iface stanzas, ${toModel(doc0).length} interfaces\n`);

  const v = await optional<{ validate: ValidateFn }>('src/interfaces/validate.ts');
  const e = await optional<{ setOption?: SetOptionFn; applyModel?: ApplyModelFn }>('src/interfaces/edit.ts');
  const validate = v.mod?.validate;
  if (validate) {
    const diags = validate(doc0);
    const count = (sev: string) => diags.filter((d) => d.severity === sev).length;
    console.log(`validate on the generated file: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos`);
    for (const d of diags.filter((x) => x.severity === 'error').slice(0, 5)) console.log(`  line ${d.line}: ${d.rule}: ${d.message}`);
  }

  const rows: Result[] = [];
  const split = measure("text.split('\\n') (baseline)", () => text.split('\n'));
  rows.push(split);
  rows.push(measure('parse', () => parse(text)));
  rows.push(measure('parse + doc.lines', () => parse(text).lines));
  rows.push(measure('toModel', () => toModel(doc0)));
  rows.push(validate ? measure('validate', () => validate(doc0)) : skipped('validate', v.why!));
  rows.push(measure('print', () => print(doc0)));
  rows.push(
    validate
      ? measure('parse+validate+print', () => {
          const d = parse(text);
          validate(d);
          return print(d);
        }, undefined, 25)
      : { ...measure('parse+print (no validate yet)', () => print(parse(text))), target: 25, note: v.why },
  );

  // One edit on a bridge in the middle, then the diff of old vs new text. `setup` (untimed) makes
  // the edit's input, `run` the edit (doc0 → new text).
  interface Edit {
    name: string;
    setup: () => unknown;
    run: (input: unknown) => string;
  }
  const edits: Edit[] = [];
  const { setOption, applyModel } = e.mod ?? {};
  if (setOption)
    edits.push({ name: 'setOption', setup: () => undefined, run: () => textOf(setOption(doc0, { iface: EDIT_IFACE, family: 'inet' }, 'mtu', '9000')) });
  if (applyModel)
    edits.push({
      name: 'applyModel',
      // What a form sends back: the bridge's model with one field changed.
      setup: () => {
        const m = toModel(doc0).find((x) => x.name === EDIT_IFACE)!;
        m.mtu = 9000;
        return m;
      },
      run: (m) => textOf(applyModel(doc0, m as InterfaceModel)),
    });
  if (!edits.length) {
    console.log(`edit: ${e.why ?? 'src/interfaces/edit.ts exports neither setOption nor applyModel'}; timing a hand-made line splice instead`);
    edits.push({
      name: 'line splice',
      setup: () => undefined,
      run: () => {
        const b = doc0.blocks.find((x): x is IfaceBlock => x.kind === 'iface' && x.name === EDIT_IFACE)!;
        const lines = [...doc0.lines];
        const ind = doc0.indent;
        lines.splice(b.options[b.options.length - 1] + 1, 0, { raw: `${ind}mtu 9000${doc0.eol}`, physCount: 1, indent: ind, text: 'mtu 9000', words: ['mtu', '9000'], kind: 'option' });
        return print({ ...doc0, lines });
      },
    });
  }
  const diffRows: Result[] = [];
  for (const ed of edits) {
    let after: string;
    try {
      after = ed.run(ed.setup());
    } catch (err) {
      diffRows.push(skipped(ed.name, `threw ${err instanceof Error ? err.message : String(err)}`, 50));
      continue;
    }
    if (after === text) {
      diffRows.push(skipped(ed.name, 'the edit changed nothing', 50));
      continue;
    }
    const generic = diffAll(text, after);
    const same = generic === diffRegion(text, after);
    const changed = generic.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l)).length;
    diffRows.push({ ...measure(`${ed.name} (edit only)`, ed.run, ed.setup), note: `${changed} lines changed` });
    diffRows.push(measure('  createTwoFilesPatch (diff only)', () => diffAll(text, after)));
    diffRows.push({ ...measure('  unifiedDiff (diff only)', () => diffRegion(text, after)), note: same ? 'same output as createTwoFilesPatch' : 'OUTPUT DIFFERS from createTwoFilesPatch' });
    diffRows.push(measure(`${ed.name} + createTwoFilesPatch`, (m) => diffAll(text, ed.run(m)), ed.setup, 50));
    diffRows.push(measure(`${ed.name} + unifiedDiff`, (m) => diffRegion(text, ed.run(m)), ed.setup, 50));
  }
  console.log('');
  table([...rows, ...diffRows], split.median);

  // Whole processes.
  console.log('');
  const ifquery = findIfquery();
  const cli = join(REPO, 'bin/netstage.js');
  if (!ifquery) {
    console.log('ifupdown2 not found: whole-process comparison skipped. Get it (nothing is installed system-wide) with:');
    console.log('  bash scripts/ifupdown2.sh .tools/ifupdown2        (or set NETSTAGE_IFUPDOWN2=DIR)');
  }
  if (!existsSync(cli)) console.log('bin/netstage.js not found: whole-process comparison skipped');
  if (!ifquery || !existsSync(cli)) return;

  const dir = mkdtempSync(join(tmpdir(), 'netstage-bench-'));
  try {
    const file = join(dir, 'interfaces');
    writeFileSync(file, text);
    // ifupdown2's scratch folder; Proxmox's ifupdown2 allows several vlan-aware bridges, Debian's
    // default config does not: a first run writes the scratch config, then switch it on.
    const scratch = join(dir, 'scratch');
    const env = { ...process.env, IFUPDOWN2_SCRATCH: scratch };
    const tiny = join(dir, 'tiny');
    writeFileSync(tiny, 'auto lo\niface lo inet loopback\n');
    spawnSync('/usr/bin/python3', [ifquery, '-a', '-i', tiny], { env });
    const conf = join(scratch, 'ifupdown2.conf');
    if (existsSync(conf)) {
      writeFileSync(conf, readFileSync(conf, 'utf8').replace(/^multiple_vlan_aware_bridge_support=.*$/m, 'multiple_vlan_aware_bridge_support=1'));
    }
    console.log(`whole processes on the same file (median of ${PROC_RUNS} runs after a warm-up):`);
    const floor = timeProcess('node -e 0 (node startup floor)', process.execPath, ['-e', '0']);
    // What ships: bin/netstage.js runs the bundle when it is fresh, the sources through tsx if not.
    const stale = await bundleStaleness();
    const entry = stale ? `through tsx: ${stale}; npm run build:cli` : 'prebuilt bundle';
    if (stale) console.log(`  NOTE: bin/netstage.js will run the sources through tsx (${stale}): run \`npm run build:cli\` first`);
    const startup = timeProcess(`node bin/netstage.js check TINY (${stale ? 'tsx' : 'bundle'})`, process.execPath, [cli, 'check', tiny]);
    const ours = timeProcess(`node bin/netstage.js check FILE (${stale ? 'tsx' : 'bundle'})`, process.execPath, [cli, 'check', file]);
    const theirs = timeProcess('python3 ifquery -a -i FILE', '/usr/bin/python3', [ifquery, '-a', '-i', file], env);
    const syntax = timeProcess('python3 ifup -a -s -i FILE (syntax check)', '/usr/bin/python3', [join(dirname(ifquery), 'ifup'), '-a', '-s', '-i', file], env);
    const all = [floor, startup, ours, theirs, syntax];
    const w = Math.max(...all.map((r) => r.label.length));
    for (const r of all)
      console.log(`  ${r.label.padEnd(w)}  median ${fmt(r.median).padStart(7)} ms  min ${fmt(r.min).padStart(7)} ms  exit ${r.status}  (${r.note})`);
    const ratio = theirs.median / ours.median;
    if (ours.crashed) console.log(`  netstage check crashed: no comparison (the ${ratio.toFixed(1)}× above is meaningless)`);
    else
      console.log(`  netstage check (${entry}) is ${ratio.toFixed(1)}× faster than ifquery (target ≥ 10×: ${ratio >= 10 ? 'PASS' : 'MISS'}); ` +
        `${(syntax.median / ours.median).toFixed(1)}× faster than ifup -s`);
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
