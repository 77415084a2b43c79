/**
 * Signed-in sessions. A session ends after `idleMs` without a request, or `absoluteMs` after
 * sign-in, whichever comes first.
 *
 * Sessions are kept under the SHA-256 of their id, so a lookup compares digests, not the secret.
 * With `saved`/`onSave` (session-file.ts) they outlive a restart of the server: what is saved is
 * the digest, never the id, so the saved file cannot be turned into a cookie.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Session {
  /** The cookie value: 32 random bytes, base64url. */
  readonly id: string;
  /** Sent back in X-CSRF-Token on every state-changing request. */
  readonly csrfToken: string;
  readonly username: string;
  /** Milliseconds, from the store's clock. */
  readonly createdAt: number;
  readonly lastSeen: number;
}

export interface SessionStoreOptions {
  /** The clock, in milliseconds (default Date.now). */
  now?: () => number;
  /** Idle timeout (default 30 min). */
  idleMs?: number;
  /** Longest life of a session whatever the activity (default 12 h). */
  absoluteMs?: number;
  /** At most this many live sessions; the least recently used goes first (default 1000). */
  maxSessions?: number;
  /** Sessions saved by an earlier run (expired ones are dropped). */
  saved?: readonly SavedSession[];
  /**
   * Called with every live session after a sign-in or sign-out, and after a request moved a
   * session's lastSeen by more than `saveEveryMs` since it was last saved (an idle timeout after
   * a restart may so come up to that much early).
   */
  onSave?: (sessions: SavedSession[]) => void;
  /** Default 60 s. */
  saveEveryMs?: number;
}

/** A session as saved: under the digest of its id. */
export interface SavedSession {
  readonly digest: string;
  readonly csrfToken: string;
  readonly username: string;
  readonly createdAt: number;
  readonly lastSeen: number;
}

export interface SessionStore {
  create(username: string): Session;
  /** The live session with this id, its lastSeen moved to now; undefined (and forgotten) when expired. */
  get(id: string): Session | undefined;
  destroy(id: string): void;
  /** The store's clock. */
  now(): number;
}

export const DEFAULT_IDLE_MS = 30 * 60_000;
export const DEFAULT_ABSOLUTE_MS = 12 * 60 * 60_000;

/** What a session id looks like (43 base64url characters); anything else is not looked up. */
export const SESSION_ID_RE = /^[A-Za-z0-9_-]{43}$/;

const digest = (id: string) => createHash('sha256').update(id).digest('base64url');

export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const absoluteMs = options.absoluteMs ?? DEFAULT_ABSOLUTE_MS;
  const maxSessions = options.maxSessions ?? 1000;
  const saveEveryMs = options.saveEveryMs ?? 60_000;
  type Entry = Omit<Session, 'id'>;
  /** Insertion order = least recently used first (get re-inserts). */
  const byDigest = new Map<string, Entry>();
  let savedAt = now();

  const expired = (s: Entry, t: number) => t - s.lastSeen >= idleMs || t - s.createdAt >= absoluteMs;
  const save = () => {
    if (!options.onSave) return;
    savedAt = now();
    options.onSave([...byDigest].map(([digest, e]) => ({ digest, ...e })));
  };

  function sweep(t: number): void {
    for (const [k, s] of byDigest) if (expired(s, t)) byDigest.delete(k);
    while (byDigest.size >= maxSessions) byDigest.delete(byDigest.keys().next().value!);
  }

  const t0 = now();
  for (const { digest: d, csrfToken, username, createdAt, lastSeen } of [...(options.saved ?? [])].sort((a, b) => a.lastSeen - b.lastSeen)) {
    const entry = { csrfToken, username, createdAt, lastSeen };
    if (!expired(entry, t0)) byDigest.set(d, entry);
  }

  return {
    now,
    create(username) {
      const t = now();
      sweep(t);
      const id = randomBytes(32).toString('base64url');
      const entry: Entry = { csrfToken: randomBytes(32).toString('base64url'), username, createdAt: t, lastSeen: t };
      byDigest.set(digest(id), entry);
      save();
      return { id, ...entry };
    },
    get(id) {
      if (typeof id !== 'string' || !SESSION_ID_RE.test(id)) return undefined;
      const key = digest(id);
      const s = byDigest.get(key);
      if (!s) return undefined;
      const t = now();
      byDigest.delete(key);
      if (expired(s, t)) return undefined;
      const touched: Entry = { ...s, lastSeen: Math.max(s.lastSeen, t) };
      byDigest.set(key, touched);
      if (t - savedAt >= saveEveryMs) save();
      return { id, ...touched };
    },
    destroy(id) {
      if (typeof id === 'string' && byDigest.delete(digest(id))) save();
    },
  };
}
