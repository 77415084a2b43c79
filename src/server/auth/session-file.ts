/**
 * Sessions saved in the state folder (`sessions.json`, mode 0600), so a restart of the server does
 * not sign everyone out: a restart in the middle of an apply's window leaves the admin able to
 * press "Keep this configuration". Each entry holds the SHA-256 of a session id, never the id.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { atomicWrite } from '../storage';
import { errnoCode } from '../storage/fs-errors';
import type { SavedSession } from './sessions';

export const sessionsPath = (stateDir: string) => join(stateDir, 'sessions.json');

const isSaved = (v: unknown): v is SavedSession => {
  const s = v as Record<string, unknown> | null;
  return (
    typeof s === 'object' && s !== null &&
    typeof s.digest === 'string' && typeof s.csrfToken === 'string' && typeof s.username === 'string' &&
    Number.isFinite(s.createdAt) && Number.isFinite(s.lastSeen)
  );
};

/** The saved sessions; none when the file is missing, and none (with a warning) when it is unreadable. */
export async function loadSessions(path: string, warn: (message: string) => void): Promise<SavedSession[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') warn(`could not read ${path} (${(err as Error).message}): everyone signs in again`);
    return [];
  }
  try {
    const list: unknown = JSON.parse(text);
    if (Array.isArray(list)) return list.filter(isSaved);
  } catch {
    /* below */
  }
  warn(`${path} is not a sessions file: everyone signs in again`);
  return [];
}

/**
 * A SessionStore `onSave` that writes the file: one write at a time, and of several saves asked
 * for meanwhile only the newest is written. A failed write is reported; sessions stay valid in
 * memory, they just would not survive a restart.
 */
export function sessionSaver(path: string, warn: (message: string) => void): { save: (sessions: SavedSession[]) => void; flushed: () => Promise<void> } {
  let next: SavedSession[] | null = null;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const run = async () => {
    busy = true;
    while (next) {
      const sessions = next;
      next = null;
      await mkdir(dirname(path), { recursive: true, mode: 0o700 })
        .then(() => atomicWrite(path, `${JSON.stringify(sessions)}\n`, { mode: 0o600, label: 'sessions file' }))
        .catch((err: Error) => warn(err.message));
    }
    busy = false;
  };
  return {
    save(sessions) {
      next = sessions;
      if (!busy) running = run();
    },
    flushed: () => running,
  };
}
