/**
 * What the apply feature keeps in the state folder, so a rollback survives the API process dying:
 *   <stateDir>/apply/pending.json          the apply waiting for confirmation (or caught mid-way)
 *   <stateDir>/apply/history.json          the last `historyLimit` applies, newest first
 *   <stateDir>/apply/backups/ID.interfaces the live file as it was before apply ID (last `backupLimit`)
 * Every file is replaced atomically, so a crash leaves the old or the new version, never half.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from '../storage';
import { errnoCode } from '../storage/fs-errors';
import type { ApplyRecord } from './types';

export interface PendingApply {
  id: string;
  /** `applying`: the files may be swapped but the reload did not finish; `waiting`: for confirmation. */
  phase: 'applying' | 'waiting';
  /** Epoch ms of the rollback; null while applying. */
  deadlineMs: number | null;
  /** The live file before the apply: a file in backups/, or null when there was no live file. */
  backup: string | null;
  /** Permission bits of the live file before the apply, restored with it. */
  liveMode: number;
}

export interface StoreLimits {
  historyLimit?: number;
  backupLimit?: number;
}

const readJson = async <T>(path: string): Promise<T | null> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    throw err;
  }
  return JSON.parse(text) as T;
};

export class ApplyStore {
  readonly dir: string;
  readonly backupsDir: string;
  private readonly pendingPath: string;
  private readonly historyPath: string;
  private readonly historyLimit: number;
  private readonly backupLimit: number;

  constructor(stateDir: string, limits: StoreLimits = {}) {
    this.dir = join(stateDir, 'apply');
    this.backupsDir = join(this.dir, 'backups');
    this.pendingPath = join(this.dir, 'pending.json');
    this.historyPath = join(this.dir, 'history.json');
    this.historyLimit = limits.historyLimit ?? 50;
    this.backupLimit = limits.backupLimit ?? 10;
  }

  private async write(path: string, value: unknown): Promise<void> {
    await mkdir(this.backupsDir, { recursive: true, mode: 0o700 });
    await atomicWrite(path, `${JSON.stringify(value, null, 1)}\n`, { mode: 0o600, label: 'apply state file' });
  }

  readPending(): Promise<PendingApply | null> {
    return readJson<PendingApply>(this.pendingPath);
  }

  writePending(p: PendingApply): Promise<void> {
    return this.write(this.pendingPath, p);
  }

  async clearPending(): Promise<void> {
    await unlink(this.pendingPath).catch((err) => {
      if (errnoCode(err) !== 'ENOENT') throw err;
    });
  }

  async history(): Promise<ApplyRecord[]> {
    return (await readJson<ApplyRecord[]>(this.historyPath)) ?? [];
  }

  async record(id: string): Promise<ApplyRecord | undefined> {
    return (await this.history()).find((r) => r.id === id);
  }

  /** Add or replace the record with this id; the newest stays first. */
  async put(record: ApplyRecord): Promise<void> {
    const all = (await this.history()).filter((r) => r.id !== record.id);
    const at = all.findIndex((r) => r.startedAt < record.startedAt);
    all.splice(at < 0 ? all.length : at, 0, record);
    await this.write(this.historyPath, all.slice(0, this.historyLimit));
  }

  /** Keep the pre-apply live file; returns its name in backups/. Older backups beyond the limit go. */
  async saveBackup(id: string, bytes: Buffer): Promise<string> {
    await mkdir(this.backupsDir, { recursive: true, mode: 0o700 });
    const name = `${id}.interfaces`;
    await atomicWrite(join(this.backupsDir, name), bytes, { mode: 0o600, label: 'backup' });
    const names = (await readdir(this.backupsDir)).filter((n) => n.endsWith('.interfaces')).sort();
    for (const old of names.slice(0, Math.max(0, names.length - this.backupLimit))) await unlink(join(this.backupsDir, old)).catch(() => {});
    return name;
  }

  readBackup(name: string): Promise<Buffer> {
    return readFile(join(this.backupsDir, name));
  }
}
