/**
 * Signed-in sessions, in memory (a restart signs everyone out). A session ends after `idleMs`
 * without a request, or `absoluteMs` after sign-in, whichever comes first.
 *
 * Sessions are kept under the SHA-256 of their id, so a lookup compares digests, not the secret.
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
  /** Insertion order = least recently used first (get re-inserts). */
  const byDigest = new Map<string, Session>();

  const expired = (s: Session, t: number) => t - s.lastSeen >= idleMs || t - s.createdAt >= absoluteMs;

  function sweep(t: number): void {
    for (const [k, s] of byDigest) if (expired(s, t)) byDigest.delete(k);
    while (byDigest.size >= maxSessions) byDigest.delete(byDigest.keys().next().value!);
  }

  return {
    now,
    create(username) {
      const t = now();
      sweep(t);
      const session: Session = {
        id: randomBytes(32).toString('base64url'),
        csrfToken: randomBytes(32).toString('base64url'),
        username,
        createdAt: t,
        lastSeen: t,
      };
      byDigest.set(digest(session.id), session);
      return { ...session };
    },
    get(id) {
      if (typeof id !== 'string' || !SESSION_ID_RE.test(id)) return undefined;
      const key = digest(id);
      const s = byDigest.get(key);
      if (!s) return undefined;
      const t = now();
      byDigest.delete(key);
      if (expired(s, t)) return undefined;
      const touched: Session = { ...s, lastSeen: Math.max(s.lastSeen, t) };
      byDigest.set(key, touched);
      return { ...touched };
    },
    destroy(id) {
      if (typeof id === 'string') byDigest.delete(digest(id));
    },
  };
}
