/** When the link tries again after losing (or failing to reach) the broker. */

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/** 1 s doubling to 2 min. */
export const LINK_BACKOFF: Backoff = { firstMs: 1000, maxMs: 120_000 };

/**
 * The wait before reconnect attempt `attempt` (0 for the first): `firstMs` doubling up to `maxMs`,
 * each spread ±25% by `random` (0 ≤ r < 1) so that homes that lost the broker together do not all
 * return in the same second; never above `maxMs`.
 */
export function backoffDelay(attempt: number, random: () => number, { firstMs, maxMs }: Backoff = LINK_BACKOFF): number {
  const base = Math.min(maxMs, firstMs * 2 ** Math.min(attempt, 30));
  return Math.min(maxMs, Math.round(base * (0.75 + 0.5 * random())));
}
