/**
 * Test helper: run a script of this folder as its own Node process (`node --import tsx`, no
 * wrapper process, so the pid we signal is the script's) and wait on the lines it prints.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../../..');

export interface ScriptChild {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly pid: number;
  /** Every line printed on stdout so far. */
  readonly lines: string[];
  /** Resolves with the first line (already printed or to come) matching `pred`; rejects if the child exits first. */
  waitForLine(pred: (line: string) => boolean): Promise<string>;
  /** Settles when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runScript(script: string, args: readonly string[]): ScriptChild {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], { cwd: REPO });
  const lines: string[] = [];
  let stderr = '';
  let done = false;
  const waiters = new Set<{ pred: (l: string) => boolean; ok: (l: string) => void; fail: (e: Error) => void }>();
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  createInterface({ input: proc.stdout }).on('line', (line) => {
    lines.push(line);
    for (const w of waiters) if (w.pred(line)) (waiters.delete(w), w.ok(line));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    proc.on('close', (code, signal) => {
      done = true;
      for (const w of waiters) w.fail(new Error(`${script} exited (code ${code}, signal ${signal}) first; stderr:\n${stderr}`));
      waiters.clear();
      ok({ code, signal });
    }),
  );
  if (proc.pid === undefined) throw new Error(`could not start ${script}`);
  return {
    proc,
    pid: proc.pid,
    lines,
    exited,
    waitForLine: (pred) =>
      new Promise((ok, fail) => {
        const hit = lines.find(pred);
        if (hit !== undefined) return ok(hit);
        if (done) return fail(new Error(`${script} already exited; stderr:\n${stderr}`));
        waiters.add({ pred, ok, fail });
      }),
  };
}
