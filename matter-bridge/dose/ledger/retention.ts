/** Only age on the trusted line removes an entry: a clock step can never drop one. */
import { DAY_MS } from "../../contract/units.js";
import { isOpen, type LedgerFile, type LedgerSession } from "../ledger-schema.js";

/** Entries older than this on the trusted line are dropped on write; history needs 90 days. */
export const LEDGER_RETENTION_MS = 100 * DAY_MS;

export function withoutAged(data: LedgerFile, now: number): LedgerFile {
  const cutoff = now - LEDGER_RETENTION_MS;
  return {
    ...data,
    sessions: data.sessions.filter((s) => isOpen(s) || s.endedAt! >= cutoff),
    // An open red flag is never dropped, whatever its age.
    ...(data.redFlags ? { redFlags: data.redFlags.filter((f) => f.clearedAt === undefined || f.clearedAt >= cutoff) } : {}),
  };
}

/** No closed session ended before this (a lower bound): nothing can have aged out before it. */
export function oldestEndIn(sessions: readonly LedgerSession[]): number {
  let oldest = Number.POSITIVE_INFINITY;
  for (const s of sessions) if (s.endedAt !== undefined && s.endedAt < oldest) oldest = s.endedAt;
  return oldest;
}

/** Whether something may have aged out by `now`, given the oldest end. */
export const mayHaveAged = (oldestEnd: number, now: number): boolean => oldestEnd < now - LEDGER_RETENTION_MS;
