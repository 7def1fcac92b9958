/**
 * The screen's data, built from the bridge's contract shapes: the running session(s) with their
 * planned end, a refusal with when the next session is possible, and each region's light in the
 * last 24 hours against its cap. Everything the document shows comes from here; nothing is decided.
 */
import type { DoseResponse, PanelStatus, Session } from "../../matter-bridge/contract/api.js";
import { REGION_IDS, REGIONS, type RegionId } from "../../matter-bridge/contract/regions.js";
import { type Speech, speechFor } from "../language/speech/index.js";

/** The words on the screen come from the locale's speech file. */
export type ScreenLabels = Speech["screen"];
export const labelsFor = (locale: string | undefined): ScreenLabels => speechFor(locale).screen;

export interface ScreenRegion {
  id: RegionId;
  name: string;
  colour: string;
}

export interface ScreenSession extends ScreenRegion {
  sessionId: string;
  panelId: string;
  startedAt: string;
  /** The planned end, as the bridge gave it. */
  endsAt: string;
  /** The same instant in epoch milliseconds, for the document's live countdown against `utcTime`. */
  endsAtMs: number;
  seconds: number;
}

export interface ScreenRefusal extends ScreenRegion {
  code: string;
  /** When the next session is possible (ISO), or null when waiting cannot help. */
  nextAllowedAt: string | null;
  nextAllowedAtMs: number | null;
}

export interface ScreenDose extends ScreenRegion {
  usedJPerCm2: number;
  capJPerCm2: number;
  /** used / cap, 0–100 (the bar's width). */
  percent: number;
  nextAllowedAt: string | null;
}

export interface ScreenData {
  type: "object";
  view: "session" | "refusal" | "status";
  labels: ScreenLabels;
  sessions: ScreenSession[];
  refusal: ScreenRefusal | null;
  /** Per region, from GET /v1/dose; empty when the bridge did not answer. */
  regions: ScreenDose[];
  doseShown: boolean;
  /** False when the bridge did not say what is running (then "nothing is running" is not claimed). */
  sessionsShown: boolean;
  /** The bridge said nothing is running and there is no refusal to show. */
  nothingRunning: boolean;
}

const regionOf = (id: RegionId): ScreenRegion => ({ id, name: REGIONS[id].displayName, colour: REGIONS[id].colour });
const round1 = (n: number) => Math.round(n * 10) / 10;

export function screenSession(session: Session): ScreenSession {
  return {
    ...regionOf(session.region),
    sessionId: session.id,
    panelId: session.panelId,
    startedAt: session.startedAt,
    endsAt: session.endsAt,
    endsAtMs: Date.parse(session.endsAt),
    seconds: session.seconds,
  };
}

/** A running panel's session; a bridge that leaves out the session still gives the remaining time. */
export function screenPanel(panel: PanelStatus, now: number): ScreenSession {
  if (panel.session) return screenSession(panel.session);
  const endsAtMs = now + panel.remainingSeconds * 1000;
  return {
    ...regionOf(panel.region),
    sessionId: "",
    panelId: panel.id,
    startedAt: new Date(now).toISOString(),
    endsAt: new Date(endsAtMs).toISOString(),
    endsAtMs,
    seconds: panel.remainingSeconds,
  };
}

/** The regions of the person the dose was read for (the skill reads one person's: GET /v1/dose?person=). */
const regionsOf = (dose: DoseResponse | undefined) => dose?.people[0]?.regions ?? {};

export function screenDose(dose: DoseResponse | undefined): ScreenDose[] {
  if (!dose) return [];
  const regions = regionsOf(dose);
  return REGION_IDS.filter((id) => regions[id]).map((id) => {
    const d = regions[id];
    const cap = d.capFluenceJPerCm2 ?? d.usedFluenceJPerCm2 + d.remainingFluenceJPerCm2;
    return {
      ...regionOf(id),
      usedJPerCm2: round1(d.usedFluenceJPerCm2),
      capJPerCm2: round1(cap),
      percent: cap > 0 ? Math.min(100, Math.round((100 * d.usedFluenceJPerCm2) / cap)) : 0,
      nextAllowedAt: d.nextAllowedAt,
    };
  });
}

/**
 * When the next session is possible: the refusal's own wait first (retryAfterSeconds from now),
 * else the region's nextAllowedAt from the dose answer, else null.
 */
export function screenRefusal(
  region: RegionId,
  code: string,
  retryAfterSeconds: number | undefined,
  dose: DoseResponse | undefined,
  now: number,
): ScreenRefusal {
  const fromDose = regionsOf(dose)[region]?.nextAllowedAt ?? null;
  const ms = retryAfterSeconds !== undefined ? now + retryAfterSeconds * 1000 : fromDose !== null ? Date.parse(fromDose) : null;
  return { ...regionOf(region), code, nextAllowedAt: ms === null ? null : new Date(ms).toISOString(), nextAllowedAtMs: ms };
}

export function screenData(
  locale: string | undefined,
  parts: { view: ScreenData["view"]; sessions?: ScreenSession[] | null; refusal?: ScreenRefusal; dose?: DoseResponse },
): ScreenData {
  const labels = labelsFor(locale);
  // Built from the contract's English names; shown in the request's language.
  const named = <T extends ScreenRegion>(r: T): T => ({ ...r, name: labels.regions[r.id] });
  return {
    type: "object",
    view: parts.view,
    labels,
    sessions: (parts.sessions ?? []).map(named),
    refusal: parts.refusal ? named(parts.refusal) : null,
    regions: screenDose(parts.dose).map(named),
    doseShown: parts.dose !== undefined,
    sessionsShown: parts.sessions != null,
    nothingRunning: parts.sessions?.length === 0 && !parts.refusal,
  };
}
