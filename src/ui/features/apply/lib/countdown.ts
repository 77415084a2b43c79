/**
 * The countdown to an apply's rollback, on the browser's clock. The server's deadline is an
 * instant on the server's clock, and the two clocks may disagree by minutes; what both agree on is
 * how much time was left when an answer came: `confirmWithinSeconds` right after the apply (the
 * window starts when the new configuration runs, just before the answer is sent) and `secondsLeft`
 * in GET /network/apply/current. So the local deadline is "when the answer arrived + that much".
 * Pure: tested.
 */

/** Local time (ms) of the deadline, from the time left when an answer arrived. */
export function localDeadline(receivedAt: number, secondsLeftThen: number): number {
  return receivedAt + Math.max(0, secondsLeftThen) * 1000;
}

/** Whole seconds left until `deadlineAt` (rounded up, never negative). */
export function secondsLeft(deadlineAt: number, now: number): number {
  return Math.max(0, Math.ceil((deadlineAt - now) / 1000));
}

/** "1:05", "0:09". */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "1 minute 5 seconds", "9 seconds", "no time". */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (!m && !r) return 'no time';
  return [m ? part(m, 'minute') : '', r ? part(r, 'second') : ''].filter(Boolean).join(' ');
}

/** The share of the window still left, 0–100 (for a progress bar). */
export function percentLeft(seconds: number, windowSeconds: number): number {
  if (windowSeconds <= 0) return 0;
  return Math.min(100, Math.max(0, (seconds / windowSeconds) * 100));
}
