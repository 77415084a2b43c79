/**
 * Apply the staged file with an automatic rollback, Proxmox-style:
 *   lock → precheck → back up the live file → staged becomes live (rename) → reload
 *   → wait for a confirmation; none by the deadline → the backup becomes live again, reload again.
 * A reload that fails rolls back at once. The pending apply is kept on disk (store.ts) before the
 * files are touched, so a server that dies at any point finishes the rollback when it starts
 * again (recover). Every step that changes files runs under the same lock as the panel's edits.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_CONFIRM_SECONDS } from '../../schema/apply';
import { conflict, HttpError, notFound } from '../errors';
import { staleError } from '../network/preconditions';
import type { NetworkService } from '../network/service';
import { atomicWrite, removeFile, withLock } from '../storage';
import { errnoCode, writeFailure } from '../storage/fs-errors';
import type { ReloadResult, SystemAdapter } from '../system';
import { systemClock, type Clock, type Timer } from './clock';
import { precheck } from './precheck';
import { ApplyStore, type PendingApply, type StoreLimits } from './store';
import type { ApplyCheckResponse, ApplyRecord, ApplyResponse, ApplyStatus, CurrentApplyResponse, ReloadOutcome, RollbackReason } from './types';

const DIFF_LIMIT = 64 * 1024;
/** A rollback that could not run (lock held, disk error) is tried again this much later. */
const RETRY_MS = 5_000;

export interface ApplyServiceOptions {
  network: NetworkService;
  system: SystemAdapter;
  stateDir: string;
  clock?: Clock;
  /** How long an apply or confirm waits for the lock (409 after). Rollbacks wait at least 30 s. */
  lockTimeoutMs?: number;
  limits?: StoreLimits;
  log?: (level: 'warn' | 'error', message: string) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class ApplyService {
  readonly store: ApplyStore;
  private readonly clock: Clock;
  private timer?: Timer;
  private closed = false;
  /** The rollback started by the timer, if any (tests wait on it). */
  private background: Promise<void> = Promise.resolve();

  constructor(private readonly o: ApplyServiceOptions) {
    this.store = new ApplyStore(o.stateDir, o.limits);
    this.clock = o.clock ?? systemClock;
  }

  private get files() {
    return this.o.network.files;
  }

  private locked<T>(fn: () => Promise<T>, timeoutMs = this.o.lockTimeoutMs ?? 5000): Promise<T> {
    return withLock(this.files.lock, fn, { timeoutMs });
  }

  private log(level: 'warn' | 'error', message: string): void {
    (this.o.log ?? ((l, m) => (l === 'error' ? console.error : console.log)(`netstage: ${m}`)))(level, message);
  }

  /**
   * The precheck alone, for the panel's Apply button (enabled, or disabled with the reason).
   * Nothing is locked or written; the answer is for the digest it names.
   */
  async check(): Promise<ApplyCheckResponse> {
    const view = await this.o.network.read();
    if (!view.pending) return { digest: view.digest, ok: false, code: 'nothing-staged', message: 'Nothing is staged: make a change first.', diagnostics: [] };
    try {
      const check = await precheck(this.o.network, this.o.system, view);
      return { digest: view.digest, ok: true, check, diagnostics: check.diagnostics };
    } catch (err) {
      if (!(err instanceof HttpError) || err.status !== 400) throw err;
      const diagnostics = (err.details.diagnostics as ApplyCheckResponse['diagnostics']) ?? [];
      return { digest: view.digest, ok: false, code: err.code, message: err.message, diagnostics };
    }
  }

  async apply(req: { ifMatch: string; user: string; confirmWithinSeconds?: number }): Promise<ApplyResponse> {
    const seconds = req.confirmWithinSeconds ?? DEFAULT_CONFIRM_SECONDS;
    return this.locked(async () => {
      const view = await this.o.network.read();
      if (view.digest !== req.ifMatch) throw staleError(undefined, view.text, view.digest);
      const waiting = await this.store.readPending();
      if (waiting) throw conflict('apply-pending', `Apply ${waiting.id} is still waiting for confirmation: confirm it, or let it roll back, before applying again.`, { applyId: waiting.id });
      if (!view.pending) throw conflict('nothing-staged', 'Nothing is staged: the live file already is the configuration shown. Make a change first.');
      const live = await this.readLive();
      const check = await precheck(this.o.network, this.o.system, view);

      const now = this.clock.now();
      const id = `${iso(now).replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
      const diff = this.o.network.diff(view);
      const record: ApplyRecord = {
        id,
        user: req.user,
        startedAt: iso(now),
        deadline: null,
        confirmWithinSeconds: seconds,
        status: 'applying',
        diff: diff.slice(0, DIFF_LIMIT),
        ...(diff.length > DIFF_LIMIT ? { diffTruncated: true } : {}),
        check,
      };
      const pending: PendingApply = { id, phase: 'applying', deadlineMs: null, backup: null, liveMode: live?.mode ?? 0o644 };
      if (live) {
        pending.backup = await this.store.saveBackup(id, live.bytes);
        await atomicWrite(this.files.backup, live.bytes, { mode: live.mode, label: 'backup file' });
      }
      // On disk before the live file changes: from here on a restart rolls back.
      await this.store.writePending(pending);
      try {
        await this.swapInStaged();
      } catch (err) {
        await this.store.clearPending();
        throw writeFailure('write', this.files.live, err, 'The live file is unchanged and nothing was reloaded.');
      }
      await this.store.put(record);

      record.reload = await this.reload();
      if (!record.reload.ok) {
        await this.store.put(record); // the failed reload's output stays in the history
        const rolled = await this.rollbackLocked(pending, 'reload-failed');
        throw new HttpError(502, 'reload-failed', `The reload failed, so the previous configuration was restored${rolled.status === 'rolled-back' ? ' and reloaded' : ', but reloading it failed too: check the host'}. ${record.reload.output.trim().split('\n').slice(-3).join(' ')}`, {
          applyId: id,
          record: rolled,
        });
      }
      if (seconds === 0) {
        Object.assign(record, { status: 'applied', finishedAt: iso(this.clock.now()) });
        await this.store.put(record);
        await this.store.clearPending();
      } else {
        // The window starts when the new configuration is running, not when the request came in.
        const deadlineMs = this.clock.now() + seconds * 1000;
        Object.assign(record, { status: 'waiting', deadline: iso(deadlineMs) });
        await this.store.put(record);
        await this.store.writePending({ ...pending, phase: 'waiting', deadlineMs });
        this.arm(id, deadlineMs);
      }
      return { applyId: id, deadline: record.deadline, digest: view.digest, record };
    });
  }

  async confirm(id: string, user: string): Promise<ApplyRecord> {
    return this.locked(async () => {
      const found = await this.waiting(id, ['confirmed', 'applied'], 'confirm');
      if ('done' in found) return found.done;
      const p = found.pending;
      if (this.clock.now() >= (p.deadlineMs ?? 0)) {
        const rolled = await this.rollbackLocked(p, 'not-confirmed');
        throw conflict('deadline-passed', `Too late: the confirmation deadline of apply ${id} has passed, so the previous configuration was restored.`, { record: rolled });
      }
      const record = (await this.store.record(id))!;
      Object.assign(record, { status: 'confirmed', confirmedBy: user, finishedAt: iso(this.clock.now()) });
      await this.store.put(record);
      await this.store.clearPending();
      this.cancelTimer();
      return record;
    });
  }

  /**
   * Roll back a waiting apply now, before its deadline ("Roll back now" in the countdown). Like
   * confirm, refused with 409 once it is no longer waiting; asking again for one already rolled
   * back answers with its record.
   */
  async rollBack(id: string, user: string): Promise<ApplyRecord> {
    return this.locked(async () => {
      const found = await this.waiting(id, ['rolled-back', 'rollback-failed'], 'roll back');
      return 'done' in found ? found.done : this.rollbackLocked(found.pending, 'requested', user);
    });
  }

  /**
   * Under the lock: the apply `id` waiting for confirmation, or its record when it already ended
   * the way the caller would end it (`same`: asking twice is harmless). 404 for an unknown id, 409
   * `not-pending` when it ended otherwise or is still being applied.
   */
  private async waiting(id: string, same: readonly ApplyStatus[], verb: string): Promise<{ pending: PendingApply } | { done: ApplyRecord }> {
    const p = await this.store.readPending();
    if (p?.id === id) {
      if (p.phase !== 'waiting') throw conflict('not-pending', `Apply ${id} is still being applied: ${verb} it once it is running.`);
      return { pending: p };
    }
    const done = await this.store.record(id);
    if (!done) throw notFound(`There is no apply "${id}".`);
    if (same.includes(done.status)) return { done };
    throw conflict('not-pending', `Apply ${id} is no longer waiting for confirmation: it was ${done.status.replace('-', ' ')}${done.finishedAt ? ` at ${done.finishedAt}` : ''}.`, { record: done });
  }

  async current(): Promise<CurrentApplyResponse> {
    const [p, history] = await Promise.all([this.store.readPending(), this.store.history()]);
    const rec = p ? history.find((r) => r.id === p.id) : undefined;
    const secondsLeft = p?.deadlineMs ? Math.max(0, Math.ceil((p.deadlineMs - this.clock.now()) / 1000)) : 0;
    return {
      pending: rec ? { ...rec, secondsLeft } : null,
      last: history.find((r) => r.id !== p?.id && r.status !== 'applying' && r.status !== 'waiting') ?? null,
    };
  }

  history(): Promise<ApplyRecord[]> {
    return this.store.history();
  }

  /**
   * At start: finish what a dead process left. Caught mid-apply or past the deadline → roll back
   * now; still inside the window → wait for the rest of it (the user may still confirm).
   */
  async recover(): Promise<void> {
    try {
      await this.recoverDue(true);
    } catch (err) {
      this.log('error', `could not finish the pending apply (${(err as Error).message}); trying again in ${RETRY_MS / 1000} s`);
      if (!this.closed) this.timer = this.clock.setTimer(RETRY_MS, () => (this.background = this.recover()));
    }
  }

  /**
   * Roll back the pending apply if it is due (past its deadline, or caught mid-apply: whoever
   * applies holds the lock throughout, so "applying" seen under the lock means its process died).
   * With `arm`, a pending apply not due yet gets a timer. Returns what it did (for `--recover-only`).
   */
  async recoverDue(arm = false): Promise<ApplyRecord | 'nothing-pending' | 'not-due'> {
    // Nothing pending, the usual case: no need for the lock (a read-only root cannot take it).
    if (!(await this.store.readPending())) return 'nothing-pending';
    return this.locked(async () => {
      const p = await this.store.readPending();
      if (!p) return 'nothing-pending';
      if (p.phase === 'applying') return this.rollbackLocked(p, 'interrupted');
      if (this.clock.now() >= (p.deadlineMs ?? 0)) return this.rollbackLocked(p, 'not-confirmed');
      if (arm) this.arm(p.id, p.deadlineMs!);
      return 'not-due';
    }, Math.max(this.o.lockTimeoutMs ?? 0, 30_000));
  }

  /** Wait for a rollback the timer started (tests). */
  settled(): Promise<void> {
    return this.background;
  }

  /** Stop the timer (server shutdown): a pending apply is finished by the next start. */
  close(): void {
    this.closed = true;
    this.cancelTimer();
  }

  private arm(id: string, deadlineMs: number): void {
    this.cancelTimer();
    if (this.closed) return;
    this.timer = this.clock.setTimer(deadlineMs - this.clock.now(), () => (this.background = this.expire(id)));
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private async expire(id: string): Promise<void> {
    const p = await this.store.readPending().catch(() => null);
    if (p?.id !== id) return; // confirmed, or finished by another process
    await this.recover();
  }

  private async readLive(): Promise<{ bytes: Buffer; mode: number } | null> {
    try {
      const st = await lstat(this.files.live);
      if (st.isSymbolicLink())
        throw conflict('live-is-symlink', `${this.files.live} is a symbolic link: netstage would replace the link with a file. Apply with your own tools, or make it a plain file.`);
      return { bytes: await readFile(this.files.live), mode: st.mode & 0o7777 };
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return null;
      throw err;
    }
  }

  private async swapInStaged(): Promise<void> {
    await rename(this.files.staged, this.files.live);
    // The rename must survive a power cut before the reload makes it matter.
    const dir = await open(dirname(this.files.live), constants.O_RDONLY | constants.O_DIRECTORY);
    await dir.sync().finally(() => dir.close());
  }

  private async reload(): Promise<ReloadOutcome> {
    // An adapter that throws counts as a failed reload, so the rollback still runs.
    const r = await this.o.system.reload().catch((err: Error): ReloadResult => ({ ran: true, argv: [], exitCode: null, output: '', failure: err.message }));
    if (!r.ran) return { ran: false, ok: true, exitCode: null, output: r.reason };
    return { ran: true, ok: r.exitCode === 0, exitCode: r.exitCode, output: r.failure ? `${r.failure}\n${r.output}` : r.output };
  }

  /** The backup becomes live again and is reloaded; what was applied is staged again if nothing else is. */
  private async rollbackLocked(p: PendingApply, reason: RollbackReason, by?: string): Promise<ApplyRecord> {
    this.cancelTimer();
    const applied = await readFile(this.files.live).catch(() => null);
    const before = p.backup ? await this.store.readBackup(p.backup).catch(() => readFile(this.files.backup)) : null;
    if (before) await atomicWrite(this.files.live, before, { mode: p.liveMode, label: 'live file' });
    else await removeFile(this.files.live, { label: 'live file' });
    let restagged = false;
    const staged = await lstat(this.files.staged).then(() => true, () => false);
    if (applied && !staged && !(before && applied.equals(before))) {
      await atomicWrite(this.files.staged, applied, { label: 'staged file' });
      restagged = true;
    }
    const reload = await this.reload();
    const record: ApplyRecord = (await this.store.record(p.id)) ?? {
      id: p.id, user: 'unknown', startedAt: iso(this.clock.now()), deadline: null, confirmWithinSeconds: 0, status: 'applying', diff: '', check: { tool: 'engine', diagnostics: [] },
    };
    Object.assign(record, {
      status: reload.ok ? 'rolled-back' : 'rollback-failed',
      finishedAt: iso(this.clock.now()),
      rollback: { at: iso(this.clock.now()), reason, ...(by ? { by } : {}), reload, restagged },
    });
    await this.store.put(record);
    await this.store.clearPending();
    this.log(reload.ok ? 'warn' : 'error', `apply ${p.id} rolled back (${reason}${by ? ` by ${by}` : ''})${reload.ok ? '' : `, but the reload failed: ${reload.output.trim().slice(-300)}`}`);
    return record;
  }
}
