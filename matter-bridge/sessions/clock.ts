/** Wall clock for the ledger, monotonic clock for durations and deadlines (both in ms). */
export interface Clock {
  now(): number;
  monotonic(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};
