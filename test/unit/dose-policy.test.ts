import { describe, expect, it } from "@jest/globals";
import type { SessionRequest } from "../../matter-bridge/contract/api.js";
import type { BridgeConfig } from "../../matter-bridge/contract/config.js";
import { fluenceOf, irradianceAt } from "../../matter-bridge/dose/irradiance.js";
import type { LedgerSession } from "../../matter-bridge/dose/ledger-schema.js";
import { type Decision, decide } from "../../matter-bridge/dose/policy.js";
import { doseSummary, householdDose } from "../../matter-bridge/dose/summary.js";
import { DAY, HOUR, makeConfig, session, T0 } from "../helpers/dose-fixtures.js";

const noRest = { dose: { minRestSameRegionSeconds: 0 } };

function run(req: SessionRequest, sessions: LedgerSession[] = [], config: BridgeConfig = makeConfig(), now = T0, ack = true) {
  return decide({ now, sessions, config, cautionAcknowledged: ack }, req);
}
function granted(d: Decision) {
  if (!d.ok) throw new Error(`expected a grant, got ${d.refusal.code}: ${d.refusal.message}`);
  return d.grant;
}
function refused(d: Decision) {
  if (d.ok) throw new Error(`expected a refusal, got ${d.grant.seconds} s`);
  return d.refusal;
}

describe("dose policy: a fresh grant", () => {
  it("grants the region default at the panel distance with its fluence", () => {
    const g = granted(run({ region: "low-back-hips" }));
    expect(g.seconds).toBe(900);
    expect(g.irradianceMwPerCm2).toBe(24);
    expect(g.fluenceJPerCm2).toBeCloseTo(21.6, 6);
    expect(g.endsAt - g.startedAt).toBe(900_000);
    expect(g.adjustments).toEqual([]);
  });

  it("uses configured region defaults", () => {
    const g = granted(run({ region: "mid-back" }, [], makeConfig({ regions: { "mid-back": { defaultSeconds: 100 } } })));
    expect(g.seconds).toBe(100);
  });

  it("refuses every start until the household caution is acknowledged", () => {
    const r = refused(run({ region: "neck-shoulders" }, [], makeConfig(), T0, false));
    expect(r.code).toBe("CAUTION_REQUIRED");
    expect(r.retryAfterSeconds).toBeUndefined();
  });

  it("refuses an unknown panel", () => {
    expect(refused(run({ region: "mid-back", panelId: "nope" })).code).toBe("UNKNOWN_PANEL");
  });
});

describe("session caps", () => {
  it("grants exactly the session cap and clamps one second over", () => {
    expect(granted(run({ region: "mid-back", seconds: 1200 })).adjustments).toEqual([]);
    const g = granted(run({ region: "mid-back", seconds: 1201 }));
    expect(g.seconds).toBe(1200);
    expect(g.adjustments).toEqual([{ reason: "SESSION_MAX_SECONDS", requested: 1201, granted: 1200 }]);
  });

  it("clamps to the session fluence cap, exactly at the cap and one second over", () => {
    const config = makeConfig({ dose: { maxSessionFluenceJPerCm2: 24 } }); // 1000 s at 24 mW/cm²
    const exact = granted(run({ region: "mid-back", seconds: 1000 }, [], config));
    expect(exact.seconds).toBe(1000);
    expect(exact.fluenceJPerCm2).toBeCloseTo(24, 9);
    expect(exact.adjustments).toEqual([]);
    const over = granted(run({ region: "mid-back", seconds: 1001 }, [], config));
    expect(over.seconds).toBe(1000);
    expect(over.adjustments).toEqual([{ reason: "SESSION_MAX_FLUENCE", requested: 1001, granted: 1000 }]);
  });

  it("shortens a session closer to the panel so fluence stays within the cap", () => {
    const g = granted(run({ region: "low-back-hips", seconds: 1200, distanceCm: 15 }));
    expect(g.irradianceMwPerCm2).toBe(60);
    expect(g.seconds).toBe(666);
    expect(g.fluenceJPerCm2).toBeLessThanOrEqual(40);
    // 40 J in one session is also all of the region's 24 h fluence: both bind, both are reported.
    expect(g.adjustments.map((a) => a.reason)).toEqual(["SESSION_MAX_FLUENCE", "REGION_FLUENCE_24H"]);
  });

  it("reports every clamp that bites, the binding one first", () => {
    const sessions = [
      session("mid-back", T0 - 10 * HOUR, 700, { irradiance: 1 }), // with the next: 1700 s on, 1000 s left
      session("low-back-hips", T0 - 13 * HOUR, 1000), // 24 J: 16 J left → 666 s
    ];
    const g = granted(run({ region: "low-back-hips", seconds: 1500 }, sessions));
    expect(g.seconds).toBe(666);
    expect(g.adjustments).toEqual([
      { reason: "REGION_FLUENCE_24H", requested: 1500, granted: 666 },
      { reason: "DAILY_ON_TIME", requested: 1500, granted: 1000 },
      { reason: "SESSION_MAX_SECONDS", requested: 1500, granted: 1200 },
    ]);
  });
});

describe("minimum useful session", () => {
  it("refuses a request below the minimum and grants one at it", () => {
    expect(refused(run({ region: "mid-back", seconds: 59 })).code).toBe("TOO_SHORT");
    expect(granted(run({ region: "mid-back", seconds: 60 })).seconds).toBe(60);
  });

  it("refuses when what is left of the region's fluence is worth less than the minimum", () => {
    // 40 J cap, 38.6 J used → 1.4 J left = 58 s at 24 mW/cm²
    const sessions = [session("neck-shoulders", T0 - 20 * HOUR, 1608)];
    const r = refused(
      run(
        { region: "neck-shoulders" },
        sessions,
        makeConfig({ ...noRest, dose: { minRestSameRegionSeconds: 0, maxSessionSeconds: 2000 } }),
      ),
    );
    expect(r.code).toBe("REGION_LIMIT");
    expect(r.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("rolling 24 h region fluence", () => {
  const config = makeConfig(noRest);
  it("counts sessions in the last 24 hours and clamps to what is left", () => {
    const g = granted(run({ region: "low-back-hips" }, [session("low-back-hips", T0 - 13 * HOUR, 900)], config));
    expect(g.seconds).toBe(766); // (40 - 21.6) J / 24 mW/cm²
    expect(g.adjustments[0].reason).toBe("REGION_FLUENCE_24H");
  });

  it("lets a session go once it ended 24 hours ago, not a second earlier", () => {
    const endedExactly = session("low-back-hips", T0 - DAY - 900_000, 900);
    expect(granted(run({ region: "low-back-hips" }, [endedExactly], config)).seconds).toBe(900);
    const endedOneSecondLater = session("low-back-hips", T0 - DAY - 899_000, 900);
    expect(granted(run({ region: "low-back-hips" }, [endedOneSecondLater], config)).seconds).toBe(766);
  });

  it("does not reset at midnight: 23:50 then 00:10 share one dose", () => {
    const lateEvening = session("mid-back", T0, 1000); // 23:50, 24 J
    const g = granted(run({ region: "mid-back", seconds: 1200 }, [lateEvening], config, T0 + 20 * 60_000));
    expect(new Date(g.startedAt).getUTCHours()).toBe(0);
    expect(g.seconds).toBe(666); // 16 J left
  });

  it("refuses a spent region with the time the oldest dose leaves the window", () => {
    const sessions = [session("mid-back", T0 - 20 * HOUR - 1000_000, 1000), session("mid-back", T0 - 2 * HOUR, 666)];
    const r = refused(run({ region: "mid-back" }, sessions, config));
    expect(r.code).toBe("REGION_LIMIT");
    expect(r.retryAfterSeconds).toBe(4 * 3600);
  });

  it("counts what was delivered when a session was stopped early", () => {
    const stopped = session("low-back-hips", T0 - 13 * HOUR, 900, { delivered: 300 }); // 7.2 J
    expect(granted(run({ region: "low-back-hips", seconds: 1200 }, [stopped], config)).seconds).toBe(1200);
    const summary = doseSummary({ now: T0, sessions: [stopped], config, cautionAcknowledged: true });
    expect(summary.regions["low-back-hips"].usedFluenceJPerCm2).toBeCloseTo(7.2, 6);
  });
});

describe("rest between sessions on a region", () => {
  it("refuses inside the rest interval with the exact wait, allows at 12 h", () => {
    const r = refused(run({ region: "mid-back" }, [session("mid-back", T0 - 11 * HOUR - 600_000, 600)]));
    expect(r.code).toBe("REST_INTERVAL");
    expect(r.retryAfterSeconds).toBe(3600);
    expect(granted(run({ region: "mid-back" }, [session("mid-back", T0 - 12 * HOUR - 600_000, 600)])).seconds).toBe(720);
  });

  it("does not hold back other regions", () => {
    expect(granted(run({ region: "neck-shoulders" }, [session("mid-back", T0 - HOUR, 600)])).seconds).toBe(600);
  });
});

describe("panel on-time in a rolling 24 h", () => {
  const config = makeConfig({ dose: { maxOnSecondsPer24h: 1000 } });
  it("clamps to the on-time left across regions", () => {
    const g = granted(run({ region: "neck-shoulders" }, [session("mid-back", T0 - 5 * HOUR, 700)], config));
    expect(g.seconds).toBe(300);
    expect(g.adjustments).toEqual([{ reason: "DAILY_ON_TIME", requested: 600, granted: 300 }]);
  });

  it("refuses when less than a minimum session is left, until on-time leaves the window", () => {
    const sessions = [session("mid-back", T0 - 20 * HOUR, 500), session("low-back-hips", T0 - 2 * HOUR, 460)];
    const r = refused(run({ region: "neck-shoulders" }, sessions, config));
    expect(r.code).toBe("DAILY_ON_TIME");
    expect(r.retryAfterSeconds).toBe(4 * 3600 + 500); // the 500 s session leaves 24 h after it ended
  });

  it("counts each panel on its own", () => {
    const two = makeConfig({
      panels: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
      dose: { maxOnSecondsPer24h: 1000 },
    });
    const g = granted(run({ region: "neck-shoulders", panelId: "b" }, [session("mid-back", T0 - 5 * HOUR, 1000, { panelId: "a" })], two));
    expect(g.seconds).toBe(600);
  });
});

describe("sessions per region in a rolling 7 days", () => {
  const config = makeConfig({ dose: { maxSessionsPerRegionPer7d: 3 } });
  const week = [T0 - 6 * DAY, T0 - 4 * DAY, T0 - 2 * DAY].map((t) => session("neck-shoulders", t, 600));
  it("refuses the next one until the oldest is 7 days old", () => {
    const r = refused(run({ region: "neck-shoulders" }, week, config));
    expect(r.code).toBe("WEEKLY_LIMIT");
    expect(r.retryAfterSeconds).toBe(DAY / 1000 + 600);
  });
  it("allows it once the oldest ended exactly 7 days ago", () => {
    expect(granted(run({ region: "neck-shoulders" }, week, config, T0 + DAY + 600_000)).seconds).toBe(600);
  });
});

describe("irradiance and distance", () => {
  const table = { "15": 60, "30": 24, "45": 14, "60": 10 };
  it("interpolates between measured distances and uses the table at its points", () => {
    expect(irradianceAt(table, 30)).toBe(24);
    expect(irradianceAt(table, 37.5)).toBeCloseTo(19, 9);
    expect(irradianceAt(table, 52.5)).toBeCloseTo(12, 9);
  });
  it("extrapolates with the nearest segment's fall-off", () => {
    expect(irradianceAt(table, 10)).toBeGreaterThan(60);
    expect(irradianceAt(table, 90)).toBeLessThan(10);
    expect(irradianceAt(table, 90)).toBeGreaterThan(0);
  });
  it("refuses a distance whose irradiance exceeds the cap, allows exactly at it", () => {
    const config = makeConfig({ dose: { maxIrradianceMwPerCm2: 60 } });
    expect(granted(run({ region: "mid-back", distanceCm: 15 }, [], config)).irradianceMwPerCm2).toBe(60);
    const r = refused(run({ region: "mid-back", distanceCm: 14.9 }, [], config));
    expect(r.code).toBe("TOO_CLOSE");
    expect(r.retryAfterSeconds).toBeUndefined();
    expect(refused(run({ region: "mid-back", distanceCm: 10 })).code).toBe("TOO_CLOSE"); // ≈103 mW/cm² > 100
  });
  it("grants longer for a panel mounted further away, for the same fluence cap", () => {
    const config = makeConfig({ panels: [{ id: "panel-1", name: "Panel", distanceCm: 60 }], dose: { maxSessionFluenceJPerCm2: 10 } });
    expect(granted(run({ region: "mid-back", seconds: 1200 }, [], config)).seconds).toBe(1000);
  });
  it("counts a stated distance farther than the mounting at the mounting's irradiance", () => {
    // Panel at 30 cm (24 mW/cm²): "at 100 cm" would count ~5 mW/cm² and allow ~4x the light.
    const far = granted(run({ region: "mid-back", distanceCm: 100, seconds: 1200 }));
    expect(far.irradianceMwPerCm2).toBe(24);
    expect(far.distanceCm).toBe(100);
    expect(far.fluenceJPerCm2).toBeCloseTo(far.seconds * 0.024, 6);
    // Two such sessions a day can no longer pass the 40 J/cm² region cap.
    const first = session("mid-back", T0 - 13 * HOUR, far.seconds, { irradiance: far.irradianceMwPerCm2 });
    const second = run({ region: "mid-back", distanceCm: 100, seconds: 1200 }, [first]);
    const total = fluenceOf(24, far.seconds) + (second.ok ? second.grant.fluenceJPerCm2 : 0);
    expect(total).toBeLessThanOrEqual(40 + 1e-9);
  });
  it("counts a stated distance nearer than the mounting at the nearer, higher irradiance", () => {
    expect(granted(run({ region: "mid-back", distanceCm: 15 })).irradianceMwPerCm2).toBe(60);
  });
});

describe("one session per panel and per region", () => {
  it("refuses a second session on a running panel with the time left", () => {
    const running = session("mid-back", T0 - 100_000, 600, { open: true });
    const r = refused(run({ region: "neck-shoulders" }, [running]));
    expect(r.code).toBe("PANEL_BUSY");
    expect(r.retryAfterSeconds).toBe(500);
  });
  it("refuses the same region on another panel, allows another region there", () => {
    const two = makeConfig({
      panels: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
    });
    const running = session("mid-back", T0 - 100_000, 600, { open: true, panelId: "a" });
    expect(refused(run({ region: "mid-back", panelId: "b" }, [running], two)).code).toBe("PANEL_BUSY");
    expect(granted(run({ region: "neck-shoulders", panelId: "b" }, [running], two)).seconds).toBe(600);
  });
  it("counts an open session as fully delivered", () => {
    const running = session("low-back-hips", T0 - 100_000, 900, { open: true });
    const s = doseSummary({ now: T0, sessions: [running], config: makeConfig(), cautionAcknowledged: true });
    expect(s.regions["low-back-hips"].usedFluenceJPerCm2).toBeCloseTo(21.6, 6);
    expect(s.onSeconds24h).toBe(900);
  });
});

describe("dose summary", () => {
  it("reports use, what is left and the next allowed time per region", () => {
    const sessions = [session("mid-back", T0 - 2 * HOUR, 600)];
    const s = doseSummary({ now: T0, sessions, config: makeConfig(), cautionAcknowledged: false });
    expect(s.regions["mid-back"]).toMatchObject({ usedFluenceJPerCm2: 14.4, remainingFluenceJPerCm2: 25.6, sessions24h: 1, sessions7d: 1 });
    expect(s.regions["mid-back"].nextAllowedAt).toBe(T0 - 2 * HOUR + 600_000 + 12 * HOUR);
    expect(s.regions["neck-shoulders"].nextAllowedAt).toBe(T0);
    expect(s.remainingOnSeconds24h).toBe(2100);
  });
  it("says when waiting cannot help", () => {
    const config = makeConfig({ panels: [{ id: "p", name: "P", distanceCm: 5 }] });
    const s = doseSummary({ now: T0, sessions: [], config, cautionAcknowledged: true });
    expect(s.regions["mid-back"].nextAllowedAt).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("people: the region rules are each person's, the panel's on-time the panel's", () => {
  const people = (input: Parameters<typeof makeConfig>[0] = {}) =>
    makeConfig({
      people: [
        { id: "anna", name: "Anna" },
        { id: "ben", name: "Ben" },
      ],
      ...input,
    });
  const annaLowBack = session("low-back-hips", T0 - HOUR, 900, { person: "anna" });

  it("Anna's low back an hour ago rests Anna's low back, not Ben's", () => {
    const r = refused(run({ region: "low-back-hips", person: "anna" }, [annaLowBack], people()));
    expect(r.code).toBe("REST_INTERVAL");
    expect(r.message).toMatch(/Anna's low back/);
    const g = granted(run({ region: "low-back-hips", person: "ben" }, [annaLowBack], people()));
    expect(g).toMatchObject({ person: "ben", seconds: 900 });
  });

  it("a request naming nobody is for the panel's defaultPerson (else the first person)", () => {
    expect(granted(run({ region: "mid-back" }, [], people())).person).toBe("anna");
    const benDefault = people({ panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }] });
    expect(granted(run({ region: "mid-back" }, [], benDefault)).person).toBe("ben");
    expect(refused(run({ region: "low-back-hips" }, [session("low-back-hips", T0 - HOUR, 900, { person: "ben" })], benDefault)).code).toBe(
      "REST_INTERVAL",
    );
    expect(granted(run({ region: "mid-back" }, [], makeConfig())).person).toBe("household");
  });

  it("refuses an unknown person, naming the known ids, with no wait", () => {
    const r = refused(run({ region: "mid-back", person: "carl" }, [], people()));
    expect(r.code).toBe("UNKNOWN_PERSON");
    expect(r.message).toMatch(/anna, ben/);
    expect(r.retryAfterSeconds).toBeUndefined();
  });

  it("entries from before people (none, or the household) count for their panel's defaultPerson", () => {
    const config = people({
      panels: [
        { id: "a", name: "A", defaultPerson: "ben" },
        { id: "b", name: "B", defaultPerson: "anna" },
      ],
    });
    const old = session("low-back-hips", T0 - HOUR, 900, { panelId: "a" }); // no person at all
    expect(refused(run({ region: "low-back-hips", person: "ben", panelId: "b" }, [old], config)).code).toBe("REST_INTERVAL");
    expect(granted(run({ region: "low-back-hips", person: "anna", panelId: "a" }, [old], config)).person).toBe("anna");
    const household = session("neck-shoulders", T0 - HOUR, 600, { panelId: "b", person: "household" });
    expect(refused(run({ region: "neck-shoulders", person: "anna", panelId: "a" }, [household], config)).code).toBe("REST_INTERVAL");
    expect(granted(run({ region: "neck-shoulders", person: "ben", panelId: "a" }, [household], config)).seconds).toBe(600);
  });

  it("counts the rolling 24 h fluence and the 7-day sessions per person", () => {
    const config = people({ dose: { minRestSameRegionSeconds: 0, maxSessionsPerRegionPer7d: 2 } });
    const anna = [
      session("mid-back", T0 - 3 * DAY, 600, { person: "anna" }),
      session("mid-back", T0 - 13 * HOUR, 1000, { person: "anna" }),
    ];
    expect(granted(run({ region: "mid-back", person: "ben", seconds: 1200 }, anna, config)).seconds).toBe(1200);
    expect(refused(run({ region: "mid-back", person: "anna" }, anna, config)).code).toBe("WEEKLY_LIMIT");
    const weekly = people({ dose: { minRestSameRegionSeconds: 0 } });
    const g = granted(run({ region: "mid-back", person: "anna", seconds: 1200 }, anna, weekly));
    expect(g.adjustments[0]).toMatchObject({ reason: "REGION_FLUENCE_24H", granted: 666 }); // 24 J of Anna's 40 used
  });

  it("keeps the panel's on-time for the panel, whoever sat in front of it", () => {
    const config = people({ dose: { maxOnSecondsPer24h: 1000 } });
    const g = granted(
      run({ region: "neck-shoulders", person: "ben" }, [session("mid-back", T0 - 5 * HOUR, 700, { person: "anna" })], config),
    );
    expect(g.adjustments).toEqual([{ reason: "DAILY_ON_TIME", requested: 600, granted: 300 }]);
  });

  it("a running region is busy for its person only; the panel is busy for everyone", () => {
    const config = people({
      panels: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
    });
    const running = session("low-back-hips", T0 - 100_000, 900, { open: true, panelId: "a", person: "anna" });
    expect(granted(run({ region: "low-back-hips", panelId: "b", person: "ben" }, [running], config)).person).toBe("ben");
    const busy = refused(run({ region: "low-back-hips", panelId: "b", person: "anna" }, [running], config));
    expect(busy).toMatchObject({ code: "PANEL_BUSY", retryAfterSeconds: 800 + 12 * 3600 }); // then her rest
    expect(busy.message).toMatch(/for Anna/);
    expect(refused(run({ region: "mid-back", panelId: "a", person: "ben" }, [running], config)).code).toBe("PANEL_BUSY");
  });

  it("reports the dose per person and the on-time per panel", () => {
    const config = people();
    const sessions = [annaLowBack, session("mid-back", T0 - 2 * HOUR, 600, { person: "ben" })];
    const ctx = { now: T0, sessions, config, cautionAcknowledged: true };
    const all = householdDose(ctx);
    expect(all.people.map((p) => p.id)).toEqual(["anna", "ben"]);
    expect(all.people[0].regions["low-back-hips"]).toMatchObject({
      usedFluenceJPerCm2: 21.6,
      sessions24h: 1,
      nextAllowedAt: T0 - HOUR + 900_000 + 12 * HOUR,
    });
    expect(all.people[0].regions["mid-back"]).toMatchObject({ usedFluenceJPerCm2: 0, nextAllowedAt: T0 });
    expect(all.people[1].regions["low-back-hips"]).toMatchObject({ usedFluenceJPerCm2: 0, nextAllowedAt: T0 });
    expect(all.people[1].regions["mid-back"].usedFluenceJPerCm2).toBeCloseTo(14.4, 6);
    expect(all.panels).toEqual([{ id: "panel-1", onSeconds24h: 1500, remainingOnSeconds24h: 1200 }]);
    expect(householdDose(ctx, "ben").people.map((p) => p.id)).toEqual(["ben"]);
    expect(doseSummary(ctx, { person: "ben" }).regions["low-back-hips"].usedFluenceJPerCm2).toBe(0);
    expect(doseSummary(ctx).person).toBe("anna");
  });
});

describe("ids that change: history follows formerIds; retired ids count for nobody's limits", () => {
  // Anna was "anna"; she is "anna-k" now. The panel was "bedroom"; it is "panel-1" now. Ben is its default person.
  const renamed = (input: Parameters<typeof makeConfig>[0] = {}) =>
    makeConfig({
      people: [
        { id: "anna-k", name: "Anna", formerIds: ["anna"] },
        { id: "ben", name: "Ben" },
      ],
      panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben", formerIds: ["bedroom"] }],
      ...input,
    });
  const annaAtCap = [
    session("low-back-hips", T0 - 14 * HOUR, 900, { person: "anna" }),
    session("low-back-hips", T0 - 13 * HOUR, 900, { person: "anna" }),
  ];
  const capped = { dose: { minRestSameRegionSeconds: 0, maxRegionFluencePer24hJPerCm2: 43.2 } };

  it("Anna's sessions under her old id keep her at her cap after the rename; Ben's low back stays free", () => {
    const r = refused(run({ region: "low-back-hips", person: "anna-k" }, annaAtCap, renamed(capped)));
    expect(r.code).toBe("REGION_LIMIT");
    expect(r.message).toMatch(/Anna's low back/);
    expect(granted(run({ region: "low-back-hips", person: "ben" }, annaAtCap, renamed(capped))).seconds).toBe(900);
    // Reported the same way.
    const dose = householdDose({ now: T0, sessions: annaAtCap, config: renamed(capped), cautionAcknowledged: true });
    expect(dose.people.map((p) => [p.id, p.regions["low-back-hips"].sessions24h])).toEqual([
      ["anna-k", 2],
      ["ben", 0],
    ]);
  });

  it("a panel's on-time, busy state and person-less entries follow it across a rename", () => {
    const config = renamed({ dose: { maxOnSecondsPer24h: 1000 } });
    const onOldId = [session("mid-back", T0 - 2 * HOUR, 960, { panelId: "bedroom", person: "anna" })];
    expect(refused(run({ region: "neck-shoulders", person: "ben" }, onOldId, config)).code).toBe("DAILY_ON_TIME");
    const running = [session("mid-back", T0 - 60_000, 600, { open: true, panelId: "bedroom", person: "anna" })];
    expect(refused(run({ region: "neck-shoulders", person: "ben" }, running, config)).code).toBe("PANEL_BUSY");
    // An entry from before people on the panel's old id is the renamed panel's defaultPerson's (Ben's).
    const beforePeople = [session("low-back-hips", T0 - HOUR, 900, { panelId: "bedroom" })];
    expect(refused(run({ region: "low-back-hips", person: "ben" }, beforePeople, config)).code).toBe("REST_INTERVAL");
    expect(granted(run({ region: "low-back-hips", person: "anna-k" }, beforePeople, config)).seconds).toBe(100); // the panel's on-time left
    const ctx = { now: T0, sessions: onOldId, config, cautionAcknowledged: true };
    expect(householdDose(ctx).panels).toEqual([{ id: "panel-1", onSeconds24h: 960, remainingOnSeconds24h: 40 }]);
  });

  it("a retired person's sessions limit nobody's regions, yet still count for the panel's on-time", () => {
    const config = renamed({ retired: { people: ["carl"], panels: [] }, dose: { maxOnSecondsPer24h: 1000 } });
    const carl = [session("low-back-hips", T0 - HOUR, 900, { person: "carl" })];
    for (const person of ["anna-k", "ben"]) {
      const g = granted(run({ region: "low-back-hips", person }, carl, config));
      expect(g.adjustments).toEqual([{ reason: "DAILY_ON_TIME", requested: 900, granted: 100 }]);
    }
  });
});
