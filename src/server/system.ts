/**
 * What the server asks of the host besides the interfaces files: its name, its network devices,
 * ifupdown2's syntax check, the reload, and whether ifupdown2 renders files as Mako templates.
 * Injected into the app so tests and the demo use a fake root. This is the only place netstage
 * runs programs: argument arrays, never a shell, so no file name or setting is ever interpreted.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { readNics, type Nic } from './network/nics';

export interface ProgramResult {
  argv: string[];
  /** null when the program could not be started, was killed, or timed out. */
  exitCode: number | null;
  /** stderr and stdout interleaved as they arrived, cut to the last OUTPUT_LIMIT characters. */
  output: string;
  /** Why it did not run or finish (not found, timed out, killed by a signal). */
  failure?: string;
}

export type SyntaxCheck =
  | { available: false; reason: string }
  | ({ available: true } & ProgramResult);

export type ReloadResult = { ran: false; reason: string } | ({ ran: true } & ProgramResult);

export interface SystemAdapter {
  /** The node's name for the panel's header. */
  nodeName(): string;
  /** Network devices under `<root>/sys/class/net`. */
  nics(): Promise<Nic[]>;
  /** ifupdown2's syntax check of `file` (`ifup -a -s -i FILE`); unavailable without ifupdown2. */
  checkSyntax(file: string): Promise<SyntaxCheck>;
  /** Make the live file take effect (`ifreload -a` unless configured otherwise). */
  reload(): Promise<ReloadResult>;
  /** ifupdown2's `template_enable`: files containing `%` are then rendered by Mako, as root. */
  templatesEnabled(): Promise<boolean>;
}

export const OUTPUT_LIMIT = 16 * 1024;

/** Run `argv` (no shell) and collect its output; never throws. */
export function runProgram(argv: readonly string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProgramResult> {
  const [cmd, ...args] = argv;
  return new Promise((done) => {
    let output = '';
    let failure: string | undefined;
    const add = (chunk: string) => {
      output += chunk;
      if (output.length > 2 * OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
    };
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', add);
    child.stderr.setEncoding('utf8').on('data', add);
    const timer = setTimeout(() => {
      failure = `timed out after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was killed`;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 120_000);
    child.on('error', (err: NodeJS.ErrnoException) => {
      failure ??= err.code === 'ENOENT' ? `${cmd} was not found` : `${cmd} could not be started: ${err.message}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal && !failure) failure = `killed by ${signal}`;
      done({ argv: [...argv], exitCode: failure ? null : code, output: output.slice(-OUTPUT_LIMIT), ...(failure ? { failure } : {}) });
    });
  });
}

export interface HostSystemOptions {
  /**
   * Command that starts ifupdown2's `ifup`; the check appends `-a -s -i FILE`. Default: `/sbin/ifup`
   * when Debian's ifupdown2 is installed (/usr/share/ifupdown2), else none (classic ifupdown's
   * ifup has no syntax check). null: never run the check.
   */
  ifup?: string[] | null;
  /**
   * The reload. Default `ifreload -a`, but only for root `/`: a panel on a copy of a host (demo,
   * tests) must never reload the machine it runs on. null: nothing is reloaded.
   */
  reloadCommand?: string[] | null;
  /** ifupdown2.conf to read `template_enable` from. Default `<root>/etc/network/ifupdown2/ifupdown2.conf`. */
  ifupdown2Conf?: string;
  /** `template_enable` when that file is missing: Debian ships 1, so on unless told otherwise. */
  templatesByDefault?: boolean;
  /** Environment of the programs (e.g. IFUPDOWN2_SCRATCH for an unpacked ifupdown2). */
  env?: NodeJS.ProcessEnv;
  /** Longest a check or reload may run. Default 2 minutes. */
  timeoutMs?: number;
}

/** `template_enable=…` of an ifupdown2.conf text; undefined when the key is absent. */
export function templateEnableOf(conf: string): boolean | undefined {
  let on: boolean | undefined;
  for (const line of conf.split('\n')) {
    const m = /^\s*template_enable\s*=\s*(\S*)\s*$/.exec(line);
    if (m) on = !['0', 'no', 'false', 'off', ''].includes(m[1].toLowerCase());
  }
  return on;
}

const INSTALLED_IFUPDOWN2 = '/usr/share/ifupdown2/__main__.py';

/** The host under `root`: `<root>/etc/hostname` (first word), else this machine's hostname. */
export function hostSystem(root: string, o: HostSystemOptions = {}): SystemAdapter {
  const installed = existsSync(INSTALLED_IFUPDOWN2);
  const ifup = o.ifup === undefined ? (installed ? ['/sbin/ifup'] : null) : o.ifup;
  const reload = o.reloadCommand === undefined ? (resolve(root) === '/' ? ['ifreload', '-a'] : null) : o.reloadCommand;
  const conf = o.ifupdown2Conf ?? join(root, 'etc/network/ifupdown2/ifupdown2.conf');
  const timeoutMs = o.timeoutMs ?? 120_000;
  const env = { ...process.env, ...o.env };
  return {
    nodeName() {
      try {
        const name = readFileSync(join(root, 'etc/hostname'), 'utf8').trim().split(/\s+/)[0];
        if (name && /^[A-Za-z0-9.-]{1,253}$/.test(name)) return name;
      } catch {
        /* no hostname file under this root */
      }
      return hostname();
    },
    nics: () => readNics(root),
    async checkSyntax(file) {
      if (!ifup) return { available: false, reason: 'ifupdown2 is not installed (no /usr/share/ifupdown2), so only netstage checked the file' };
      const r = await runProgram([...ifup, '-a', '-s', '-i', file], { env, timeoutMs });
      if (r.exitCode === null && /not found/.test(r.failure ?? '')) return { available: false, reason: `${r.failure}: only netstage checked the file` };
      return { available: true, ...r };
    },
    async reload() {
      if (!reload) return { ran: false, reason: `no reload command for root ${root} (only root / reloads by default; see --reload-command)` };
      return { ran: true, ...(await runProgram(reload, { env, timeoutMs })) };
    },
    async templatesEnabled() {
      const text = await readFile(conf, 'utf8').catch(() => undefined);
      const set = text === undefined ? undefined : templateEnableOf(text);
      return set ?? (o.templatesByDefault ?? (installed || ifup !== null));
    },
  };
}
