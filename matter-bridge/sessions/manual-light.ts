/** Light no session gave (a press at the device), as ledger entries: `manual` sessions for the panel's default person. */
import { randomUUID } from "node:crypto";
import { type BridgeConfig, defaultPersonOf, type PanelConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import { irradianceAt } from "../dose/irradiance.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import type { PanelDriverStatus, RelayTimer } from "../panels/driver.js";

/**
 * How long after its grant a session's switch-on can have landed at the relay (s): a relay found on
 * at start-up whose timer started later than this is not that session's light.
 */
const SWITCH_ON_LANDS_WITHIN_S = 30;

/** A closed `manual` session of `seconds` ending at `endedAt` (trusted line), for the panel's default person in `region`. */
export function manualEntry(
  config: BridgeConfig,
  p: PanelConfig,
  region: RegionId,
  seconds: number,
  endedAt: number,
  endReason: string,
): LedgerSession {
  return {
    id: randomUUID(),
    panelId: p.id,
    region,
    person: defaultPersonOf(config, p),
    source: "manual",
    distanceCm: p.distanceCm,
    irradianceMwPerCm2: irradianceAt(p.irradianceMwPerCm2, p.distanceCm),
    startedAt: endedAt - Math.ceil(seconds * 1000),
    plannedSeconds: seconds,
    endedAt,
    deliveredSeconds: seconds,
    endReason,
  };
}

export interface FoundOnAtStartUp {
  config: BridgeConfig;
  panel: PanelConfig;
  region: RegionId;
  /** Now on the trusted line (ms). */
  now: number;
  read: PanelDriverStatus;
  timer: RelayTimer | undefined;
  /** Seconds from the read to the confirmed switch-off; undefined when it was not confirmed. */
  offAfter: number | undefined;
  /** The session a crash left open on this panel, if any. */
  crashed: LedgerSession | undefined;
}

/**
 * A relay found on at start-up: light nobody booked yet (a press at the device while no bridge
 * ran), unless it is a crashed session's own (its toggle_after: the session is counted in full as
 * it is closed; answers undefined). Booked on the cautious side: how long the relay's own timer says
 * it has run, plus the time to the confirmed switch-off, never past the timer; the whole timer when it
 * cannot say how long (or says something impossible) or the switch-off was not confirmed; the
 * session cap (the relay's fail-safe auto-off) when it reports no timer at all.
 */
export function foundOnAtStartUp(f: FoundOnAtStartUp): { entry: LedgerSession; seconds: number; log: string } | { ownedBy: string } {
  const { config, panel: p, timer, offAfter, crashed, now } = f;
  const elapsed = timer?.elapsedSeconds;
  // The timer started `elapsed` ago by the device's own clock, placed on the bridge's: no clock skew enters.
  if (crashed && timer && elapsed !== undefined && timer.seconds === Math.max(1, Math.ceil(crashed.plannedSeconds))) {
    const startedAgo = (now - crashed.startedAt) / 1000;
    if (elapsed >= 0 && elapsed <= startedAgo + 1 && elapsed >= startedAgo - SWITCH_ON_LANDS_WITHIN_S) return { ownedBy: crashed.id };
  }
  const cap = config.dose.maxSessionSeconds;
  const plausible = timer && elapsed !== undefined && elapsed >= -1 && elapsed <= timer.seconds + 1 && offAfter !== undefined;
  const seconds =
    Math.ceil((timer ? (plausible ? Math.min(timer.seconds, Math.max(0, elapsed) + offAfter) : timer.seconds) : cap) * 1000) / 1000;
  const how = !timer
    ? `it reports no timer: counted as the session cap of ${cap} s (its fail-safe auto-off)`
    : plausible
      ? `its own timer had run ${Math.max(0, elapsed).toFixed(1)} s of ${timer.seconds} s`
      : `its timer of ${timer.seconds} s ${offAfter === undefined ? "runs on (the switch-off was not confirmed)" : "cannot say how long it ran"}: counted in full`;
  const entry = manualEntry(config, p, f.region, seconds, now, "found-on-at-start-up");
  const drawing = f.read.powerW !== undefined ? ` (drawing ${f.read.powerW} W)` : "";
  const log = `[${p.id}] found ON at start-up with no session (pressed at the device while no bridge ran?): ${how}; booked ${seconds.toFixed(1)} s as a manual ${entry.region} session for ${entry.person}${drawing}`;
  return { entry, seconds, log };
}
