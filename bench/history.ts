/** The ledger histories the benches start from: finished sessions spread evenly over past days. */
import type { LedgerSession } from "../matter-bridge/dose/ledger-schema.js";

const DAY_MS = 86_400_000;

/** A 10-minute mid-back session at `startedAt`, still running (as the controller begins it). */
export const benchSession = (id: string, startedAt: number, more: Partial<LedgerSession> = {}): LedgerSession => ({
  id,
  panelId: "panel-1",
  region: "mid-back",
  source: "bench",
  distanceCm: 30,
  irradianceMwPerCm2: 24,
  startedAt,
  plannedSeconds: 600,
  ...more,
});

/** `n` finished sessions spread over the `days` before `now`; `more(i)` varies them (region, person). */
export function history(n: number, now: number, days: number, more: (i: number) => Partial<LedgerSession> = () => ({})): LedgerSession[] {
  return Array.from({ length: n }, (_, i) => {
    const startedAt = now - days * DAY_MS + Math.floor((i * (days - 1) * DAY_MS) / n);
    return benchSession(`h${i}`, startedAt, {
      endedAt: startedAt + 600_000,
      deliveredSeconds: 600,
      endReason: "completed",
      ...more(i),
    });
  });
}
