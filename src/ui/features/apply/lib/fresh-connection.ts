/**
 * Sending the confirmation over a connection opened after the apply.
 *
 * The server refuses a confirmation (409 `old-connection`) that arrives over a TCP connection that
 * was already open when the apply started: only a new connection proves the admin can still reach
 * the host over the new configuration. The apply's answer closes its own connection, but a browser
 * keeps a few idle keep-alive connections per host (up to 6 in Chromium) and reuses the most
 * recently used one, so retrying the same request goes out over the same old connection again
 * (Chromium did so every time we tried). A fetch cannot ask for a new connection. What makes the
 * browser open one is more requests in flight than it has idle connections: so after a first
 * refusal the confirmation is sent as a burst of BURST at once. At most 5 idle connections can
 * predate the apply (the 6th was the apply's, and it is closed), so at least one of 6 needs a new
 * connection. The browser may still hand that request an old connection freed by a quick refusal
 * meanwhile, hence a few rounds; each round adds new connections to the pool. Repeating a
 * confirmation is harmless: the server answers 200 for an apply that is already confirmed.
 */
import { ApiError } from '../../../api/client';

export const BURST = 6;
export const ROUNDS = 8;

export const isOldConnection = (err: unknown): boolean => err instanceof ApiError && err.status === 409 && err.code === 'old-connection';

/** Errors that say what happened to the apply (they carry its record) outrank the others. */
function mostTelling(errors: readonly unknown[]): unknown {
  const withRecord = errors.find((e) => e instanceof ApiError && e.body.record !== undefined);
  return withRecord ?? errors.find((e) => !isOldConnection(e)) ?? errors[0];
}

/**
 * `send()` once; when refused as `old-connection`, in rounds of `burst` concurrent sends until one
 * succeeds. Any other failure (the apply was rolled back, the host cannot be reached over a new
 * connection, …) ends it.
 */
export async function sendOverNewConnection<T>(send: () => Promise<T>, { burst = BURST, rounds = ROUNDS }: { burst?: number; rounds?: number } = {}): Promise<T> {
  let last: unknown;
  try {
    return await send();
  } catch (err) {
    if (!isOldConnection(err)) throw err;
    last = err;
  }
  for (let round = 0; round < rounds; round++) {
    const settled = await Promise.allSettled(Array.from({ length: burst }, () => send()));
    const ok = settled.find((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === 'fulfilled');
    if (ok) return ok.value;
    const errors = settled.map((s) => (s as PromiseRejectedResult).reason);
    last = mostTelling(errors);
    if (!isOldConnection(last)) throw last;
  }
  throw last;
}
