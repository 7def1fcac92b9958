/**
 * Progress over weeks (pure, clock-injected): this week against the weeks before, and whether
 * REVIEW_AFTER_WEEKS or more weeks of tracking show no improvement, which is when the guide suggests a review.
 */
import type { FinishedSession } from "../../matter-bridge/contract/api.js";
import { WEEK_MS } from "../../matter-bridge/contract/units.js";
import type { ProgressFigures } from "../language/speech/index.js";
import type { PersonData } from "./schema.js";

export const HISTORY_DAYS = 42;
export const REVIEW_AFTER_WEEKS = 4;

export interface ProgressReport extends ProgressFigures {
  /** True once enough weeks are tracked and nothing logged points to improvement. */
  suggestReview: boolean;
  empty: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

export function progressReport(data: PersonData, sessions: FinishedSession[], now: number): ProgressReport {
  const sessionTimes = sessions.map((s) => Date.parse(s.startedAt)).filter(Number.isFinite);
  const allTimes = [...sessionTimes, ...data.spasms, ...data.tenderness.map((t) => t.at), ...data.rom.map((r) => r.at)];
  const first = allTimes.length ? Math.min(...allTimes) : now;
  const weeksTracked = Math.floor((now - first) / WEEK_MS);
  const thisWeek = (at: number) => at > now - WEEK_MS && at <= now;
  const before = (at: number) => at <= now - WEEK_MS;
  const weeksBefore = Math.max(1, Math.min(weeksTracked, HISTORY_DAYS / 7 - 1));
  const perWeekBefore = (times: number[]) =>
    round1(times.filter((t) => before(t) && t > now - (weeksBefore + 1) * WEEK_MS).length / weeksBefore);

  const tender = (pick: (at: number) => boolean) => {
    const m = mean(data.tenderness.filter((t) => pick(t.at)).map((t) => t.score));
    return m === undefined ? undefined : round1(m);
  };

  // Improvement: fewer spasms or lower tenderness in the last two weeks than in the first two, or motion logged better lately.
  const firstTwo = (at: number) => at < first + 2 * WEEK_MS;
  const lastTwo = (at: number) => at > now - 2 * WEEK_MS;
  const spasmsFell = data.spasms.filter(lastTwo).length < data.spasms.filter(firstTwo).length;
  const early = mean(data.tenderness.filter((t) => firstTwo(t.at)).map((t) => t.score));
  const late = mean(data.tenderness.filter((t) => lastTwo(t.at)).map((t) => t.score));
  const tendernessFell = early !== undefined && late !== undefined && late <= early - 1;
  const movesBetter = data.rom.filter((r) => lastTwo(r.at)).some((r) => r.change === "better");
  const hasLogs = data.spasms.length + data.tenderness.length + data.rom.length > 0;

  return {
    weeksTracked,
    sessionsThisWeek: sessionTimes.filter(thisWeek).length,
    sessionsBefore: perWeekBefore(sessionTimes),
    spasmsThisWeek: data.spasms.filter(thisWeek).length,
    spasmsBefore: perWeekBefore(data.spasms),
    tenderThisWeek: tender(thisWeek),
    tenderBefore: tender(before),
    suggestReview: hasLogs && weeksTracked >= REVIEW_AFTER_WEEKS && !spasmsFell && !tendernessFell && !movesBetter,
    empty: allTimes.length === 0,
  };
}
