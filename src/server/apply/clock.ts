/**
 * Time for the rollback deadline, injected so unit tests move it by hand instead of sleeping.
 */
export interface Timer {
  cancel(): void;
}

export interface Clock {
  now(): number;
  /** Call `fn` once after `ms` milliseconds. */
  setTimer(ms: number, fn: () => void): Timer;
}

/** setTimeout's limit: a longer delay would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, Math.min(Math.max(0, ms), MAX_DELAY_MS));
    return { cancel: () => clearTimeout(t) };
  },
};

/** A clock for tests: time moves only through `advance`, which fires what became due. */
export class ManualClock implements Clock {
  private timers: { at: number; fn: () => void; live: boolean }[] = [];
  constructor(private t = Date.UTC(2030, 0, 1)) {}

  now(): number {
    return this.t;
  }

  setTimer(ms: number, fn: () => void): Timer {
    const timer = { at: this.t + Math.max(0, ms), fn, live: true };
    this.timers.push(timer);
    return { cancel: () => void (timer.live = false) };
  }

  /** Timers armed and not cancelled or fired yet. */
  get armed(): number {
    return this.timers.filter((x) => x.live).length;
  }

  advance(ms: number): void {
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.live && x.at <= this.t)) {
      timer.live = false;
      timer.fn();
    }
    this.timers = this.timers.filter((x) => x.live);
  }
}
