/** Starts asked for and not yet granted or refused: registered on their panel before any wait, so a stop can cancel them. */
import type { SessionRequest } from "../contract/api.js";
import { type BridgeConfig, defaultPersonOf, type PanelConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import { irradianceAt } from "../dose/irradiance.js";
import type { LedgerSession } from "../dose/ledger-schema.js";

export interface StartTicket {
  /** The ledger entry's id, if it gets that far. */
  id: string;
  panelId: string;
  region: RegionId;
  person: string;
  source: string;
  distanceCm: number;
  irradianceMwPerCm2: number;
  /** Set by a stop: the start switches nothing on. */
  cancelled?: { reason: string; at: number };
  /** The granted entry while it is being written to the ledger. */
  entry?: LedgerSession;
}

export function ticketFor(config: BridgeConfig, panel: PanelConfig, request: SessionRequest, source: string, id: string): StartTicket {
  const distanceCm = request.distanceCm ?? panel.distanceCm;
  return {
    id,
    panelId: panel.id,
    region: request.region,
    person: request.person ?? defaultPersonOf(config, panel),
    source,
    distanceCm,
    irradianceMwPerCm2: irradianceAt(panel.irradianceMwPerCm2, distanceCm),
  };
}

/** A cancelled start as a ledger entry that delivered nothing: the granted entry if it was written, else one of 0 s. */
export function cancelledEntry(t: StartTicket, now: number): LedgerSession {
  const at = t.cancelled?.at ?? now;
  const base: LedgerSession = t.entry ?? {
    id: t.id,
    panelId: t.panelId,
    region: t.region,
    person: t.person,
    source: t.source,
    distanceCm: t.distanceCm,
    irradianceMwPerCm2: t.irradianceMwPerCm2,
    startedAt: at,
    plannedSeconds: 0,
  };
  return { ...base, endedAt: at, deliveredSeconds: 0, endReason: t.cancelled?.reason ?? "stopped" };
}
