/** Progress over weeks (pure): this week against earlier weeks, and when to suggest a review. */
import { describe, expect, it } from "@jest/globals";
import { progressReport, REVIEW_AFTER_WEEKS } from "../../lambda/user-data/progress.js";
import { parseUserData, type UserData } from "../../lambda/user-data/schema.js";
import { DAY_MS as DAY, type FinishedSession, WEEK_MS as WEEK } from "../../matter-bridge/contract/index.js";

const NOW = Date.UTC(2026, 10, 25, 12);

const sessionAt = (at: number): FinishedSession =>
  ({
    id: String(at),
    panelId: "panel-1",
    region: "low-back-hips",
    seconds: 600,
    startedAt: new Date(at).toISOString(),
    endsAt: new Date(at + 600_000).toISOString(),
    fluenceJPerCm2: 14.4,
    deliveredSeconds: 600,
    endedAt: new Date(at + 600_000).toISOString(),
  }) as FinishedSession;

/** One entry per week for `weeks` weeks back, built by `make(weekIndex)` (0 = this week). */
const weekly = <T>(weeks: number, make: (w: number, at: number) => T[]) =>
  Array.from({ length: weeks }, (_, w) => make(w, NOW - w * WEEK - DAY)).flat();

const data = (d: Partial<UserData>): UserData => ({ ...parseUserData({}), ...d });

describe("progressReport", () => {
  it("is empty with nothing logged and no sessions", () => {
    expect(progressReport(data({}), [], NOW)).toMatchObject({ empty: true, suggestReview: false });
  });

  it("compares this week's sessions and spasms with the weekly average before", () => {
    const sessions = [
      ...weekly(4, (w, at) => (w === 0 ? [sessionAt(at), sessionAt(at - 2 * DAY), sessionAt(at - 3 * DAY)] : [sessionAt(at)])),
    ];
    const spasms = weekly(4, (w, at) => (w === 0 ? [at] : [at, at - DAY, at - 2 * DAY]));
    const r = progressReport(data({ spasms }), sessions, NOW);
    expect(r).toMatchObject({
      sessionsThisWeek: 3,
      sessionsBefore: 1,
      spasmsThisWeek: 1,
      spasmsBefore: 3,
      weeksTracked: 3,
      suggestReview: false,
    });
  });

  it(`suggests a review after ${REVIEW_AFTER_WEEKS}+ weeks with no improvement in spasms, tenderness or motion`, () => {
    const spasms = weekly(6, (_w, at) => [at, at - DAY]);
    const tenderness = weekly(6, (_w, at) => [{ at, score: 6 }]);
    const rom = weekly(6, (_w, at) => [{ at, change: "same" as const }]);
    const r = progressReport(data({ spasms, tenderness, rom }), [], NOW);
    expect(r.weeksTracked).toBeGreaterThanOrEqual(REVIEW_AFTER_WEEKS);
    expect(r.suggestReview).toBe(true);
  });

  it(`does not suggest it before ${REVIEW_AFTER_WEEKS} weeks, whatever the logs say`, () => {
    const spasms = weekly(REVIEW_AFTER_WEEKS - 1, (_w, at) => [at, at - DAY]);
    expect(progressReport(data({ spasms }), [], NOW).suggestReview).toBe(false);
  });

  it.each([
    ["fewer spasms lately", { spasms: weekly(6, (w, at) => (w < 2 ? [] : [at, at - DAY])) }],
    ["tenderness down by a point or more", { tenderness: weekly(6, (w, at) => [{ at, score: w < 2 ? 4 : 6 }]) }],
    [
      "motion logged better lately",
      {
        spasms: weekly(6, (_w, at) => [at]),
        rom: [
          { at: NOW - DAY, change: "better" as const },
          { at: NOW - 5 * WEEK, change: "same" as const },
        ],
      },
    ],
  ])("does not suggest it when there is improvement: %s", (_name, logs) => {
    const r = progressReport(data(logs as Partial<UserData>), [], NOW);
    expect(r.weeksTracked).toBeGreaterThanOrEqual(REVIEW_AFTER_WEEKS);
    expect(r.suggestReview).toBe(false);
  });
});
