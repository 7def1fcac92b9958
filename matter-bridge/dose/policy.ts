/**
 * The dose policy: a pure function of (clock, ledger, config, request). It decides how long a
 * session may run, or why it may not. Every start path reaches it through the session controller.
 */
import type { Adjustment, AdjustmentReason, RefusalCode, SessionRequest } from "../contract/api.js";
import { type BridgeConfig, defaultPersonOf, findPanel, findPerson, regionDefaultSeconds } from "../contract/config.js";
import { REGIONS, type RegionId } from "../contract/regions.js";
import { DAY_MS, WEEK_MS } from "../contract/units.js";
import { panelResolver } from "./ids.js";
import { fluenceOf, irradianceAt } from "./irradiance.js";
import { countedSeconds, endOf, isOpen, type LedgerSession } from "./ledger-schema.js";
import { personName, personResolver, unknownPersonMessage, whose } from "./people.js";
import { inWindow, panelSessions24h, releaseTime, sessionFluence, sum } from "./windows.js";

/** Whole seconds without letting floating-point noise cost a second at an exact cap. */
const wholeSeconds = (x: number) => Math.max(0, Math.floor(x + 1e-9));

export interface DoseContext {
  /** Now on the trusted time line (epoch ms; see trusted-time.ts). */
  now: number;
  sessions: readonly LedgerSession[];
  config: BridgeConfig;
  cautionAcknowledged: boolean;
  /**
   * People whose own caution answer a red flag withdrew (and who have not acknowledged again):
   * their starts are refused even while the household gate is open.
   */
  cautionWithdrawnFor?: readonly string[];
}

export interface Grant {
  panelId: string;
  region: RegionId;
  /** Whose dose it is (the request's person, else the panel's `defaultPerson`). */
  person: string;
  seconds: number;
  distanceCm: number;
  irradianceMwPerCm2: number;
  fluenceJPerCm2: number;
  startedAt: number;
  endsAt: number;
  adjustments: Adjustment[];
}

export interface Refusal {
  code: RefusalCode;
  message: string;
  retryAfterSeconds?: number;
}

export type Decision = { ok: true; grant: Grant } | { ok: false; refusal: Refusal };

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/**
 * The region rules (fluence per rolling 24 h, rest, sessions per 7 days, region busy) are kept per
 * person and region; the panel's on-time cap and "panel busy" per panel (they protect the device).
 * Entries are matched by their current ids (dose/ids.ts: a renamed person or panel keeps its history).
 *
 * One evaluation at `at`. `hypothetical` evaluations (used to find the next allowed time) treat open
 * sessions as ending at their planned end; the real one treats any open session as busy.
 */
function evaluate(ctx: DoseContext, req: SessionRequest, at: number, hypothetical: boolean): Decision {
  const { config, sessions } = ctx;
  const dose = config.dose;
  const refuse = (code: RefusalCode, message: string, retryAt?: number): Decision => ({
    ok: false,
    refusal: { code, message, ...(retryAt !== undefined ? { retryAfterSeconds: secondsUntil(retryAt, at) } : {}) },
  });

  if (!ctx.cautionAcknowledged) return refuse("CAUTION_REQUIRED", "The household has not yet acknowledged the red-flag caution.");

  const panel = findPanel(config, req.panelId);
  if (!panel) return refuse("UNKNOWN_PANEL", `No panel with id "${req.panelId}".`);
  const person = req.person ?? defaultPersonOf(config, panel);
  if (!findPerson(config, person)) return refuse("UNKNOWN_PERSON", unknownPersonMessage(config, person));
  if (ctx.cautionWithdrawnFor?.includes(person)) {
    const name = personName(config, person);
    return refuse(
      "CAUTION_REQUIRED",
      `A red flag was reported for ${name}: ${name}'s sessions stay refused until ${name} reads the red-flag caution and acknowledges it again as ${name} (someone else's acknowledgement does not clear it).`,
    );
  }
  const personOf = personResolver(config);
  const mine = (s: LedgerSession) => personOf(s) === person;
  const panelOf = panelResolver(config);
  const region = req.region;
  const regionName = REGIONS[region].spokenName;
  const theRegion = `${whose(config, person)}${regionName}`;
  const TheRegion = theRegion.charAt(0).toUpperCase() + theRegion.slice(1);

  const running = sessions.filter((s) => isOpen(s) && (!hypothetical || endOf(s) > at));
  const panelBusy = running.find((s) => panelOf(s) === panel.id);
  if (panelBusy) return refuse("PANEL_BUSY", `${panel.name} is already running a session.`, endOf(panelBusy));
  const regionBusy = running.find((s) => s.region === region && mine(s));
  if (regionBusy)
    return refuse(
      "PANEL_BUSY",
      `A ${regionName} session${config.people.length > 1 ? ` for ${personName(config, person)}` : ""} is already running.`,
      endOf(regionBusy),
    );

  const distanceCm = req.distanceCm ?? panel.distanceCm;
  // A stated distance can only make a session more cautious: nobody can check that the person
  // really sits farther away than the panel is mounted, so the light is counted at the nearer one.
  const irradiance = Math.max(irradianceAt(panel.irradianceMwPerCm2, distanceCm), irradianceAt(panel.irradianceMwPerCm2, panel.distanceCm));
  if (irradiance > dose.maxIrradianceMwPerCm2)
    return refuse(
      "TOO_CLOSE",
      `At ${Math.min(distanceCm, panel.distanceCm)} cm the panel gives about ${irradiance.toFixed(0)} mW/cm², above the ${dose.maxIrradianceMwPerCm2} mW/cm² limit. Move further away.`,
    );

  const regionSessions = sessions.filter((s) => s.region === region && mine(s));
  const lastEnd = Math.max(-Infinity, ...regionSessions.map(endOf));
  if (at < lastEnd + dose.minRestSameRegionSeconds * 1000)
    return refuse("REST_INTERVAL", `${TheRegion} needs a rest between sessions.`, lastEnd + dose.minRestSameRegionSeconds * 1000);

  const week = regionSessions.filter((s) => inWindow(s, at, WEEK_MS));
  if (week.length >= dose.maxSessionsPerRegionPer7d)
    return refuse(
      "WEEKLY_LIMIT",
      `${TheRegion} has had ${week.length} sessions in the last 7 days, the most allowed.`,
      releaseTime(week, WEEK_MS, week.length, dose.maxSessionsPerRegionPer7d - 1, () => 1),
    );

  const requested = req.seconds ?? regionDefaultSeconds(config, region);
  const day = regionSessions.filter((s) => inWindow(s, at, DAY_MS));
  const usedFluence = sum(day.map(sessionFluence));
  const panelDay = panelSessions24h(sessions, panel.id, at, panelOf);
  const usedOn = sum(panelDay.map(countedSeconds));
  const caps: Array<{ reason: AdjustmentReason; seconds: number }> = [
    { reason: "SESSION_MAX_SECONDS", seconds: dose.maxSessionSeconds },
    { reason: "SESSION_MAX_FLUENCE", seconds: (dose.maxSessionFluenceJPerCm2 * 1000) / irradiance },
    {
      reason: "REGION_FLUENCE_24H",
      seconds: ((dose.maxRegionFluencePer24hJPerCm2 - usedFluence) * 1000) / irradiance,
    },
    { reason: "DAILY_ON_TIME", seconds: dose.maxOnSecondsPer24h - usedOn },
  ];
  const binding = caps
    .map((c) => ({ ...c, seconds: wholeSeconds(c.seconds) }))
    .filter((c) => c.seconds < requested)
    .sort((a, b) => a.seconds - b.seconds);
  const seconds = binding.length ? binding[0].seconds : requested;

  if (seconds < dose.minSessionSeconds) {
    const minFluence = fluenceOf(irradiance, dose.minSessionSeconds);
    switch (binding[0]?.reason) {
      case "REGION_FLUENCE_24H":
        return refuse(
          "REGION_LIMIT",
          `${TheRegion} has had its light for the last 24 hours.`,
          releaseTime(day, DAY_MS, usedFluence, dose.maxRegionFluencePer24hJPerCm2 - minFluence, sessionFluence),
        );
      case "DAILY_ON_TIME":
        return refuse(
          "DAILY_ON_TIME",
          `${panel.name} has reached its on-time for the last 24 hours.`,
          releaseTime(panelDay, DAY_MS, usedOn, dose.maxOnSecondsPer24h - dose.minSessionSeconds, countedSeconds),
        );
      default:
        return refuse("TOO_SHORT", `${seconds} seconds is below the shortest useful session of ${dose.minSessionSeconds} seconds.`);
    }
  }

  return {
    ok: true,
    grant: {
      panelId: panel.id,
      region,
      person,
      seconds,
      distanceCm,
      irradianceMwPerCm2: irradiance,
      fluenceJPerCm2: fluenceOf(irradiance, seconds),
      startedAt: at,
      endsAt: at + seconds * 1000,
      adjustments: binding.map((c) => ({ reason: c.reason, requested, granted: c.seconds })),
    },
  };
}

/**
 * Only the sessions a rule can still see at `now` or later: the open ones, and those that ended
 * within the longest window (7 days) or rest interval. So the work per start does not grow with the
 * history the ledger keeps.
 */
function recent(ctx: DoseContext): DoseContext {
  const since = ctx.now - Math.max(WEEK_MS, DAY_MS, ctx.config.dose.minRestSameRegionSeconds * 1000);
  // A plain loop: this runs on every start over the whole history.
  const sessions: LedgerSession[] = [];
  for (const s of ctx.sessions) if (s.endedAt === undefined || s.endedAt > since) sessions.push(s);
  return { ...ctx, sessions };
}

/**
 * The earliest time from `ctx.now` at which `req` could be granted if nothing else happens, or
 * undefined when no amount of waiting helps (too close, too short, unknown panel or person, caution).
 */
export function nextAllowedAt(full: DoseContext, req: SessionRequest): number | undefined {
  const ctx = recent(full);
  let at = ctx.now;
  for (let step = 0; step < 64; step++) {
    const d = evaluate(ctx, req, at, step > 0);
    if (d.ok) return at;
    if (d.refusal.retryAfterSeconds === undefined) return undefined;
    at += d.refusal.retryAfterSeconds * 1000;
  }
  return undefined;
}

/** Decide a request now. A refusal's retryAfterSeconds is when every rule would allow it. */
export function decide(full: DoseContext, req: SessionRequest): Decision {
  const ctx = recent(full);
  const d = evaluate(ctx, req, ctx.now, false);
  if (d.ok || d.refusal.retryAfterSeconds === undefined) return d;
  const next = nextAllowedAt(ctx, req);
  if (next === undefined) {
    const { retryAfterSeconds: _dropped, ...rest } = d.refusal;
    return { ok: false, refusal: rest };
  }
  return { ok: false, refusal: { ...d.refusal, retryAfterSeconds: secondsUntil(next, ctx.now) } };
}
