/**
 * The panel's per-render work on a large host, in-process (run by `npm run bench` after the engine
 * benchmark): building the table's rows for 5,000 bridges, filtering them per keystroke once their
 * search texts are made, and grouping a 2,000-bridge diff into the changes pane's per-interface
 * groups. Each row is printed next to a baseline of comparable size measured in the same run, so
 * the ratios hold on a slower or busier machine. A benchmark, not a test: it never fails the build.
 * Env: BENCH_RUNS (default 15).
 */
import { addInterface, parse, print, unifiedDiff, type InterfaceModel } from '../src/interfaces/index';
import { hunkOwners } from '../src/server/network/hunk-owners';
import { summarizeDiff } from '../src/ui/features/changes/lib/group-hunks';
import { filterRows } from '../src/ui/features/interfaces/lib/filter';
import { buildRows, type InterfaceRow } from '../src/ui/features/interfaces/lib/rows';
import { bigNetwork } from '../src/ui/features/interfaces/lib/test-data';

const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 15));
const WARMUP = 3;
const gc = (globalThis as { gc?: () => void }).gc;

function median(run: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gc?.();
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function row(name: string, ms: number, baselineName: string, baselineMs: number) {
  const ratio = (ms / baselineMs).toFixed(1);
  console.log(`${name.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms  ${ratio.padStart(6)}× ${baselineName} (${baselineMs.toFixed(2)} ms)`);
}

// Table rows and filtering: 5,000 bridges as GET /network answers them.
const net = bigNetwork(5000);
const copyModels = () => net.interfaces.map((m) => ({ ...m }));
const rows = buildRows(net);
const texts = new WeakMap<InterfaceRow, string>();
filterRows(rows, { type: 'all', query: 'warm' }, texts);
const byName = () => rows.filter((r) => r.model.name.includes('tenant 4998'));

// The changes pane: 2,000 bridges added to the demo file, the diff and owners as the server makes them.
const bridge = (i: number): InterfaceModel => ({
  name: `vmbr${i}`,
  type: 'bridge',
  autostart: true,
  hotplug: false,
  options: [],
  inet: { method: 'static', cidr: `10.${i >> 8}.${i & 255}.1/24` },
  bridge: { ports: [], stp: false, fd: 0 },
});
const live = 'auto lo\niface lo inet loopback\n';
let doc = parse(live);
for (let i = 1; i <= 2000; i++) doc = addInterface(doc, bridge(i));
const staged = print(doc);
const diff = unifiedDiff(live, staged, { oldName: 'interfaces', newName: 'interfaces.new' });
const owners = hunkOwners(diff, parse(live), parse(staged), Array.from({ length: 2000 }, (_, i) => `vmbr${i + 1}`));
const splitDiff = () => diff.split('\n');

console.log(`netstage panel bench — node ${process.version}, median of ${RUNS} runs after ${WARMUP} warm-ups\n`);
row('buildRows, 5,000 bridges', median(() => buildRows(net)), 'copying the 5,001 models', median(copyModels));
row('filterRows, one keystroke (texts cached)', median(() => filterRows(rows, { type: 'all', query: 'tenant 4998' }, texts)), 'a name-only filter', median(byName));
row(`summarizeDiff, 2,000 bridges (${diff.length >> 10} KiB diff)`, median(() => summarizeDiff(diff, owners)), "the diff's split('\\n')", median(splitDiff));
