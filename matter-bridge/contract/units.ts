/** Units and number formats used on both sides of the contract. */
export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** Three decimals: what the API reports for fluence and seconds. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Epoch milliseconds as an ISO-8601 time. */
export const iso = (ms: number): string => new Date(ms).toISOString();
