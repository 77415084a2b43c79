/**
 * Debian's ifupdown2, unpacked (never installed) by scripts/ifupdown2.sh into .tools/ifupdown2
 * (or $NETSTAGE_IFUPDOWN2), run with /usr/bin/python3 on a scratch folder per test that holds its
 * config, state, lock and run files, so the host's /etc/network, /run/network and
 * /var/lib/ifupdown2 are never read or written. Links only ever come up inside network namespaces
 * the tests make. Tests skip with a message when ifupdown2 or `ip netns` is not available.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runProgram, type ProgramResult } from '../../src/server/system';
import { REPO } from '../support/server-process';

export const IFUPDOWN2_DIR = resolve(process.env.NETSTAGE_IFUPDOWN2 ?? join(REPO, '.tools/ifupdown2'));
export const PYTHON = '/usr/bin/python3';
export const haveIfupdown2 = existsSync(join(IFUPDOWN2_DIR, 'bin/ifup')) && existsSync(PYTHON);
export const IFUPDOWN2_MISSING = `ifupdown2 is not unpacked in ${IFUPDOWN2_DIR} (or ${PYTHON} is missing): skipped. Run \`bash scripts/ifupdown2.sh ${IFUPDOWN2_DIR}\` or set NETSTAGE_IFUPDOWN2.`;
if (!haveIfupdown2) console.warn(IFUPDOWN2_MISSING);

/** argv of one of ifupdown2's commands (ifup, ifdown, ifquery, ifreload). */
export const tool = (op: 'ifup' | 'ifdown' | 'ifquery' | 'ifreload') => [PYTHON, join(IFUPDOWN2_DIR, 'bin', op)];

/**
 * A scratch folder with its own ifupdown2.conf: state in it, Mako and if-*.d scripts off, and
 * `interfaces` (ifreload has no -i) as the file ifupdown2 reads by default.
 */
export async function makeScratch(interfaces = '/nonexistent/interfaces', settings: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'netstage-ifupdown2-'));
  const shipped = await readFile(join(IFUPDOWN2_DIR, 'etc/network/ifupdown2/ifupdown2.conf'), 'utf8');
  const ours = [`state_dir=${dir}/state/`, 'template_enable=0', 'addon_scripts_support=0', `default_interfaces_configfile=${interfaces}`, ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)];
  const set = new Set(ours.map((l) => l.split('=')[0]));
  const kept = shipped.split('\n').filter((l) => !set.has(l.split('=')[0].trim()));
  await writeFile(join(dir, 'ifupdown2.conf'), `${[...kept, ...ours].join('\n')}\n`);
  return dir;
}

export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Run an ifupdown2 command on `scratch`, inside network namespace `netns` when given. */
export function ifupdown2(op: Parameters<typeof tool>[0], args: string[], scratch: string, netns?: string): Promise<ProgramResult> {
  const argv = [...(netns ? ['ip', 'netns', 'exec', netns] : []), ...tool(op), ...args];
  return runProgram(argv, { env: { ...process.env, IFUPDOWN2_SCRATCH: scratch }, timeoutMs: 60_000 });
}

// ---- network namespaces -------------------------------------------------------------------

const ip = (args: string[]) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Why namespaces cannot be used here, or undefined when they can. */
export const netnsProblem: string | undefined = (() => {
  const probe = `netstage-probe-${process.pid}`;
  try {
    ip(['netns', 'add', probe]);
    ip(['netns', 'del', probe]);
    return undefined;
  } catch (err) {
    return `\`ip netns add\` is not permitted here (${(err as Error).message.split('\n')[0]}): namespace bring-up tests skipped`;
  }
})();
if (haveIfupdown2 && netnsProblem) console.warn(netnsProblem);

/** A namespace with veth pairs standing for NICs: `nic` in it, its peer `${nic}p` up, so the NIC gets carrier when up. */
export function makeNetns(name: string, nics: string[]): void {
  ip(['netns', 'add', name]);
  for (const nic of nics) {
    ip(['-n', name, 'link', 'add', nic, 'type', 'veth', 'peer', 'name', `${nic}p`]);
    ip(['-n', name, 'link', 'set', `${nic}p`, 'up']);
  }
}

export function deleteNetns(name: string): void {
  try {
    ip(['netns', 'del', name]);
  } catch {
    /* already gone */
  }
}

export interface LinkInfo {
  ifname: string;
  flags: string[];
  operstate: string;
  master?: string;
  linkinfo?: { info_kind?: string };
}

/** `ip -j -d link` inside the namespace. */
export function links(ns: string): LinkInfo[] {
  return JSON.parse(ip(['-n', ns, '-j', '-d', 'link', 'show'])) as LinkInfo[];
}

/** IPv4/IPv6 addresses of `dev` (as CIDRs) inside the namespace. */
export function addresses(ns: string, dev: string): string[] {
  const out = JSON.parse(ip(['-n', ns, '-j', 'addr', 'show', 'dev', dev])) as { addr_info: { local: string; prefixlen: number; scope: string }[] }[];
  return out.flatMap((l) => l.addr_info.filter((a) => a.scope !== 'link').map((a) => `${a.local}/${a.prefixlen}`));
}

/** Resolve once `check` returns a value, polling every 50 ms; fail after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
