/** The API's shapes of sessions and panels, from ledger entries (times turned into wall-clock ISO). */
import type { FinishedSession, PanelState, PanelStatus, Session } from "../contract/api.js";
import type { PanelConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import { iso, round3 } from "../contract/units.js";
import type { PanelOf } from "../dose/ids.js";
import { fluenceOf } from "../dose/irradiance.js";
import { countedSeconds, type LedgerSession } from "../dose/ledger-schema.js";
import type { PersonOf } from "../dose/people.js";

/** Trusted-line time → wall-clock time (TrustedTime.toWall). */
export type ToWall = (lineMs: number) => number;

/** How entries become views: wall-clock times, whose dose each is and its panel, by their current ids (dose/people.ts, ids.ts). */
export interface ViewContext {
  toWall: ToWall;
  personOf: PersonOf;
  panelOf: PanelOf;
}

export function sessionView(s: LedgerSession, { toWall, personOf, panelOf }: ViewContext): Session {
  return {
    id: s.id,
    panelId: panelOf(s),
    region: s.region,
    person: personOf(s),
    seconds: s.plannedSeconds,
    startedAt: iso(toWall(s.startedAt)),
    endsAt: iso(toWall(s.startedAt + s.plannedSeconds * 1000)),
    fluenceJPerCm2: round3(fluenceOf(s.irradianceMwPerCm2, s.plannedSeconds)),
    distanceCm: s.distanceCm,
    irradianceMwPerCm2: round3(s.irradianceMwPerCm2),
    source: s.source,
  };
}

export function finishedView(s: LedgerSession, view: ViewContext): FinishedSession {
  const { toWall } = view;
  return {
    ...sessionView(s, view),
    endedAt: iso(toWall(s.endedAt ?? s.startedAt + s.plannedSeconds * 1000)),
    deliveredSeconds: countedSeconds(s),
    deliveredFluenceJPerCm2: round3(fluenceOf(s.irradianceMwPerCm2, countedSeconds(s))),
    endReason: s.endReason,
  };
}

export interface PanelFacts {
  state: PanelState;
  region: RegionId;
  remainingSeconds: number;
  reachable: boolean;
  fault: string | undefined;
  /** The running session, while it is starting or on. */
  session: LedgerSession | undefined;
}

export function panelStatusView(panel: PanelConfig, facts: PanelFacts, view: ViewContext): PanelStatus {
  return {
    id: panel.id,
    name: panel.name,
    // Only "off" is dark for sure.
    on: facts.state !== "off",
    state: facts.state,
    region: facts.region,
    remainingSeconds: Math.ceil(facts.remainingSeconds),
    reachable: facts.reachable,
    fault: facts.fault ?? null,
    session: facts.session ? sessionView(facts.session, view) : null,
  };
}
