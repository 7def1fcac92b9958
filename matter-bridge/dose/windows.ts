/**
 * Rolling-window arithmetic over ledger sessions: what counts in the last 24 hours or 7 days, and
 * when enough of it will have left a window.
 */
import type { RegionId } from "../contract/regions.js";
import { DAY_MS, WEEK_MS } from "../contract/units.js";
import { fluenceOf } from "./irradiance.js";
import { countedSeconds, endOf, type LedgerSession } from "./ledger-schema.js";

/** A session counts in a rolling window while any part of it lies inside the window. */
export const inWindow = (s: LedgerSession, now: number, spanMs: number) => endOf(s) > now - spanMs;
export const sessionFluence = (s: LedgerSession) => fluenceOf(s.irradianceMwPerCm2, countedSeconds(s));
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** A region's use in the rolling windows; only the sessions `counts` keeps (e.g. one person's). */
export function regionUsage(
  sessions: readonly LedgerSession[],
  region: RegionId,
  now: number,
  counts: (s: LedgerSession) => boolean = () => true,
) {
  const mine = sessions.filter((s) => s.region === region && counts(s));
  const day = mine.filter((s) => inWindow(s, now, DAY_MS));
  return {
    fluence24h: sum(day.map(sessionFluence)),
    sessions24h: day.length,
    sessions7d: mine.filter((s) => inWindow(s, now, WEEK_MS)).length,
  };
}

/** A panel's sessions of the last 24 hours; `panelOf` gives an entry's current panel id (dose/ids.ts: renames). */
export const panelSessions24h = (
  sessions: readonly LedgerSession[],
  panelId: string,
  now: number,
  panelOf: (s: LedgerSession) => string,
): LedgerSession[] => sessions.filter((s) => panelOf(s) === panelId && inWindow(s, now, DAY_MS));

/** A panel's on-time in the last 24 hours. */
export const panelOnSeconds24h = (...args: Parameters<typeof panelSessions24h>): number =>
  sum(panelSessions24h(...args).map(countedSeconds));

/**
 * The earliest time at which enough of `amount(s)` has left the rolling window for `used - released`
 * to fall to `target`. Sessions leave the window one by one, at their end + span.
 */
export function releaseTime(
  sessions: LedgerSession[],
  spanMs: number,
  used: number,
  target: number,
  amount: (s: LedgerSession) => number,
): number | undefined {
  let remaining = used;
  for (const s of [...sessions].sort((a, b) => endOf(a) - endOf(b))) {
    remaining -= amount(s);
    if (remaining <= target + 1e-9) return endOf(s) + spanMs;
  }
  return undefined;
}
