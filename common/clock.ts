/**
 * Time as the bridge and the skill see it, injected everywhere (as matter.js does with `Time`): the
 * wall clock (the ledger's, the skill's), the monotonic clock for durations and deadlines (both in
 * ms), and the timers that run on monotonic time: the one place either side sets a timer. A test's
 * fake clock (test/helpers/fake-clock.ts) fires its timers when it is advanced.
 */
/** Reading the time only (the ledger and the trusted time line keep no timers). */
export interface TimeSource {
  now(): number;
  monotonic(): number;
}

export interface Clock extends TimeSource {
  /**
   * Calls `fn` once, `ms` from now; answers a cancel (idempotent). A `background` timer (a retry, a
   * poll) does not keep the process alive by itself.
   */
  after(ms: number, fn: () => void, options?: { background?: boolean }): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  after(ms, fn, options) {
    const timer = setTimeout(fn, ms);
    if (options?.background) timer.unref();
    return () => clearTimeout(timer);
  },
};

/** A clock that reads `now`/`monotonic` as given and runs its timers on the system's. */
export const withSystemTimers = (time: TimeSource): Clock => ({ ...time, after: systemClock.after });

/**
 * `work`'s value, or `late` once `ms` have passed on `clock`, whichever comes first; the timer is
 * cancelled either way. A rejection of `work` passes through.
 */
export function within<T, L>(clock: Clock, work: Promise<T>, ms: number, late: L, options?: { background?: boolean }): Promise<T | L> {
  let cancel = () => {};
  const timeUp = new Promise<L>((resolve) => {
    cancel = clock.after(ms, () => resolve(late), options);
  });
  return Promise.race([work, timeUp]).finally(cancel);
}
