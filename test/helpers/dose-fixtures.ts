import { type BridgeConfig, type BridgeConfigInput, BridgeConfigSchema } from "../../matter-bridge/contract/config.js";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import type { LedgerSession } from "../../matter-bridge/dose/ledger-schema.js";

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
/** 2026-03-10 23:50 UTC: ten minutes before midnight, to catch calendar-day mistakes. */
export const T0 = Date.UTC(2026, 2, 10, 23, 50, 0);

export function makeConfig(input: Partial<BridgeConfigInput> = {}): BridgeConfig {
  return BridgeConfigSchema.parse({
    panels: [{ id: "panel-1", name: "Panel" }],
    ...input,
  });
}

let seq = 0;
/** A closed (or open, with `open: true`) ledger entry (with no person unless `person` is given: an entry from before people) at 30 cm on the default profile (24 mW/cm²). */
export function session(
  region: RegionId,
  startedAt: number,
  seconds: number,
  opts: { open?: boolean; delivered?: number; panelId?: string; irradiance?: number; person?: string } = {},
): LedgerSession {
  const base: LedgerSession = {
    id: `s${++seq}`,
    panelId: opts.panelId ?? "panel-1",
    region,
    ...(opts.person !== undefined ? { person: opts.person } : {}),
    source: "test",
    distanceCm: 30,
    irradianceMwPerCm2: opts.irradiance ?? 24,
    startedAt,
    plannedSeconds: seconds,
  };
  if (opts.open) return base;
  const delivered = opts.delivered ?? seconds;
  return { ...base, endedAt: startedAt + delivered * 1000, deliveredSeconds: delivered, endReason: "completed" };
}

/** A running low-back entry named `id`, as the controller begins one (for ledger tests that name their entries). */
export const ledgerEntry = (id: string, startedAt = Date.now(), plannedSeconds = 600): LedgerSession => ({
  id,
  panelId: "panel-1",
  region: "low-back-hips",
  source: "test",
  distanceCm: 30,
  irradianceMwPerCm2: 24,
  startedAt,
  plannedSeconds,
});

/** A finished session as a ledger file holds it: `seconds` of light from `startedAt`, completed. */
export const completedEntry = (id: string, startedAt: number, seconds: number, fields: Partial<LedgerSession> = {}): LedgerSession => ({
  ...ledgerEntry(id, startedAt, seconds),
  source: "api",
  endedAt: startedAt + seconds * 1000,
  deliveredSeconds: seconds,
  endReason: "completed",
  ...fields,
});
