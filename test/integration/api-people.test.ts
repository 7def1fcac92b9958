/**
 * People in the dose guard, through the real control API (real HTTP, controller, ledger file and
 * simulated panel): each person's region rules are their own, the panel's on-time is the panel's,
 * and a ledger from before people keeps counting for the panel's defaultPerson.
 */
import { describe, expect, it } from "@jest/globals";
import {
  CautionStatusResponseSchema,
  DoseResponseSchema,
  HistoryResponseSchema,
  PeopleResponseSchema,
  StartSessionResponseSchema,
} from "../../matter-bridge/contract/api.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { completedEntry } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";

/** Anna and Ben; the panel's default is Ben. Real rest interval (12 h), second-scale sessions. */
const HOME: Partial<BridgeConfigInput> = {
  people: [
    { id: "anna", name: "Anna" },
    { id: "ben", name: "Ben" },
  ],
  panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }],
  dose: { minSessionSeconds: 1 },
};

const api = (b: ControlBridge, method: string, path: string, body?: unknown) => call(b.url, method, path, { token: b.token, body });

/** Starts a session and stops it at once (the light it gave counts). */
async function session(b: ControlBridge, body: Record<string, unknown>) {
  const res = await api(b, "POST", "/v1/sessions", { seconds: 5, ...body });
  if (res.status === 201) expect((await api(b, "POST", "/v1/panels/panel-1/stop", {})).status).toBe(200);
  return res;
}

describe("control API: people", () => {
  it("Anna and Ben each do their low back on the same day; Anna's second is refused (REST_INTERVAL) while Ben's is granted", async () => {
    const b = await startControlBridge({ acknowledged: true, config: HOME });
    const anna = await session(b, { region: "low-back-hips", person: "anna" });
    expect(anna.status).toBe(201);
    expect(StartSessionResponseSchema.parse(anna.body).session).toMatchObject({ person: "anna", region: "low-back-hips" });

    const ben = await session(b, { region: "low-back-hips", person: "ben" });
    expect(ben.status).toBe(201);
    expect(ben.body.session.person).toBe("ben");

    const again = await session(b, { region: "low-back-hips", person: "anna" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "REST_INTERVAL" });
    expect(again.body.error.message).toMatch(/Anna's low back/);
    expect(again.body.error.retryAfterSeconds).toBeGreaterThan(11 * 3600);
    // Naming nobody is Ben (the panel's defaultPerson): his low back rests too; Anna's neck is free.
    expect((await session(b, { region: "low-back-hips" })).body.error.code).toBe("REST_INTERVAL");
    expect((await session(b, { region: "neck-shoulders", person: "anna" })).status).toBe(201);
    expect(b.ledger.sessions().map((s) => [s.person, s.region])).toEqual([
      ["anna", "low-back-hips"],
      ["ben", "low-back-hips"],
      ["anna", "neck-shoulders"],
    ]);
  });

  it("reports the dose per person and the on-time per panel, grouped; ?person= narrows to one", async () => {
    const b = await startControlBridge({ acknowledged: true, config: HOME });
    await session(b, { region: "low-back-hips", person: "anna" });
    await session(b, { region: "mid-back", person: "ben" });

    const all = DoseResponseSchema.parse((await api(b, "GET", "/v1/dose")).body);
    expect(all.people.map((p) => [p.id, p.name])).toEqual([
      ["anna", "Anna"],
      ["ben", "Ben"],
    ]);
    const [anna, ben] = all.people;
    expect(anna.regions["low-back-hips"]).toMatchObject({ sessions24h: 1 });
    expect(anna.regions["low-back-hips"].nextAllowedAt).not.toBeNull();
    expect(anna.regions["mid-back"]).toMatchObject({ sessions24h: 0, usedFluenceJPerCm2: 0 });
    expect(ben.regions["mid-back"]).toMatchObject({ sessions24h: 1 });
    expect(ben.regions["low-back-hips"]).toMatchObject({ sessions24h: 0, usedFluenceJPerCm2: 0 });
    expect(Date.parse(ben.regions["low-back-hips"].nextAllowedAt!)).toBeLessThanOrEqual(Date.now() + 1000);
    const used = b.ledger.sessions().reduce((a, s) => a + (s.deliveredSeconds ?? 0), 0);
    expect(all.panels).toEqual([{ id: "panel-1", onSeconds24h: expect.any(Number), remainingOnSeconds24h: expect.any(Number) }]);
    expect(all.panels[0].onSeconds24h).toBeCloseTo(used, 3);
    expect(all.cautionAcknowledged).toBe(true);

    const one = DoseResponseSchema.parse((await api(b, "GET", "/v1/dose?person=ben")).body);
    expect(one.people.map((p) => p.id)).toEqual(["ben"]);
    const counts = (p: (typeof all.people)[number]) => Object.values(p.regions).map((r) => [r.sessions24h, r.usedFluenceJPerCm2]);
    expect(counts(one.people[0])).toEqual(counts(ben));

    const history = HistoryResponseSchema.parse((await api(b, "GET", "/v1/history?days=1")).body);
    expect(history.people.map((p) => [p.id, p.sessions.map((s) => [s.person, s.region])])).toEqual([
      ["anna", [["anna", "low-back-hips"]]],
      ["ben", [["ben", "mid-back"]]],
    ]);
    const annaOnly = HistoryResponseSchema.parse((await api(b, "GET", "/v1/history?days=1&person=anna")).body);
    expect(annaOnly.people.map((p) => [p.id, p.sessions.length])).toEqual([["anna", 1]]);
    expect((await api(b, "GET", "/v1/panels")).body.panels[0].session).toBeNull();
  });

  it("GET /v1/people lists the people and the panels each is the default person of", async () => {
    const b = await startControlBridge({ config: HOME });
    const res = await api(b, "GET", "/v1/people");
    expect(res.status).toBe(200);
    expect(PeopleResponseSchema.parse(res.body)).toEqual({
      people: [
        { id: "anna", name: "Anna", defaultForPanels: [] },
        { id: "ben", name: "Ben", defaultForPanels: ["panel-1"] },
      ],
    });
    const single = await startControlBridge();
    expect((await api(single, "GET", "/v1/people")).body).toEqual({
      people: [{ id: "household", name: "Household", defaultForPanels: ["panel-1"] }],
    });
  });

  it("an unknown person is a 400 UNKNOWN_PERSON naming the known ids, on every route that takes a person", async () => {
    const b = await startControlBridge({ acknowledged: true, config: HOME });
    const answers = [
      await api(b, "POST", "/v1/sessions", { region: "mid-back", person: "carl" }),
      await api(b, "GET", "/v1/dose?person=carl"),
      await api(b, "GET", "/v1/history?person=carl"),
      await api(b, "GET", "/v1/caution?person=carl"),
      await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "carl" }),
      await api(b, "POST", "/v1/caution/withdraw", { person: "carl" }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "UNKNOWN_PERSON", knownPeople: ["anna", "ben"] });
      expect(res.body.error.message).toMatch(/"carl".*anna, ben/);
    }
    expect(b.ledger.sessions()).toEqual([]);
    expect((await api(b, "GET", "/v1/caution")).body.acknowledged).toBe(true);
  });

  it("an existing single-person ledger keeps counting after people are added: its entries charge the panel's defaultPerson", async () => {
    // A ledger file as a bridge wrote it before people existed: no person on the entry, no `people`.
    const t = Date.now() - 3_600_000;
    const ledgerFile = {
      format: "biolight-ledger/1",
      sessions: [
        {
          id: "before-people",
          panelId: "panel-1",
          region: "low-back-hips",
          source: "api",
          distanceCm: 30,
          irradianceMwPerCm2: 24,
          startedAt: t,
          plannedSeconds: 900,
          endedAt: t + 900_000,
          deliveredSeconds: 900,
          endReason: "completed",
        },
      ],
      caution: { version: CAUTION_VERSION, acknowledgedAt: t - 60_000, source: "cli" },
      seenAt: t + 900_000,
    };
    const b = await startControlBridge({ config: HOME, ledgerFile });
    const ben = (await api(b, "GET", "/v1/dose?person=ben")).body.people[0].regions["low-back-hips"];
    expect(ben).toMatchObject({ usedFluenceJPerCm2: 21.6, sessions24h: 1, sessions7d: 1 });
    expect((await api(b, "GET", "/v1/dose")).body.panels[0].onSeconds24h).toBe(900);
    expect((await session(b, { region: "low-back-hips", person: "ben" })).body.error.code).toBe("REST_INTERVAL");
    expect((await session(b, { region: "low-back-hips", person: "anna" })).status).toBe(201);
    const history = (await api(b, "GET", "/v1/history?days=1&person=ben")).body.people[0].sessions;
    expect(history.map((s: { id: string; person: string }) => [s.id, s.person])).toEqual([["before-people", "ben"]]);
    // Nothing lost or rewritten: the old entry is still there as it was.
    expect(b.ledger.sessions()[0]).toEqual(ledgerFile.sessions[0]);
  });

  it("a red flag for Ben stays until Ben acknowledges: Anna's acknowledgement reopens the gate, yet Ben's starts are 409 CAUTION_REQUIRED naming him", async () => {
    const b = await startControlBridge({ config: HOME });
    for (const person of ["anna", "ben"])
      expect((await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person, source: "skill" })).status).toBe(200);
    expect((await api(b, "POST", "/v1/caution/withdraw", { person: "ben", reason: "numbness" })).status).toBe(200);
    expect(
      (await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "anna", source: "dashboard" })).status,
    ).toBe(200);
    const ben = await api(b, "POST", "/v1/sessions", { region: "mid-back", person: "ben" });
    expect(ben.status).toBe(409);
    expect(ben.body.error).toMatchObject({
      code: "CAUTION_REQUIRED",
      message: expect.stringMatching(/red flag was reported for Ben.*until Ben/),
    });
    // Naming nobody: the panel's defaultPerson, Ben.
    expect((await api(b, "POST", "/v1/sessions", { region: "mid-back" })).body.error.code).toBe("CAUTION_REQUIRED");
    expect(await b.panel()).toMatchObject({ on: false });
    expect((await session(b, { region: "mid-back", person: "anna" })).status).toBe(201);
    expect((await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "ben", source: "skill" })).status).toBe(
      200,
    );
    expect((await session(b, { region: "mid-back", person: "ben" })).status).toBe(201);
  });

  it("a stop for Ben's start still being written to the ledger answers 200 cancelled; the start answers 409 STOPPED and nothing is switched on", async () => {
    const b = await startControlBridge({ config: HOME, acknowledged: true });
    const begin = b.ledger.begin.bind(b.ledger);
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    const entered = new Promise<void>((enter) => {
      b.ledger.begin = async (entry) => {
        b.ledger.begin = begin;
        enter();
        await released;
        return begin(entry);
      };
    });
    const start = api(b, "POST", "/v1/sessions", { region: "mid-back", person: "ben", seconds: 60 });
    await entered;
    const panels = await api(b, "GET", "/v1/panels");
    expect(panels.body.panels[0]).toMatchObject({ on: true, state: "starting" });
    const stop = await api(b, "POST", "/v1/panels/panel-1/stop", {});
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ cancelled: true, session: { person: "ben", region: "mid-back", deliveredSeconds: 0 } });
    release();
    const started = await start;
    expect(started.status).toBe(409);
    expect(started.body.error.code).toBe("STOPPED");
    expect(await b.panel()).toMatchObject({ on: false });
    expect(b.ledger.openSessions()).toEqual([]);
    expect(b.driver.actions.filter((a) => a.action === "on")).toEqual([]);
  });

  describe("ids that change", () => {
    // Anna's low back had its 24 h light 13 hours ago (the cap is one 900 s session at 24 mW/cm²).
    const t = Date.now() - 13 * 3600_000;
    const annaAtCap = {
      format: "biolight-ledger/1",
      sessions: [completedEntry("anna-low-back", t, 900, { person: "anna" })],
      caution: { version: CAUTION_VERSION, acknowledgedAt: t - 60_000, source: "cli" },
      seenAt: t + 900_000,
    };
    const capped = { ...HOME, dose: { minSessionSeconds: 1, maxRegionFluencePer24hJPerCm2: 21.6 } };
    const renamed = (anna: Record<string, unknown>): Partial<BridgeConfigInput> => ({
      ...capped,
      people: [{ id: "anna-k", name: "Anna", ...anna }, HOME.people![1]],
    });

    it("Anna renamed to anna-k: the start-up refuses, naming the id and the fix; with formerIds her cap and history stay hers, not Ben's", async () => {
      const before = await startControlBridge({ config: capped, ledgerFile: annaAtCap });
      const atCap = await api(before, "POST", "/v1/sessions", { person: "anna", region: "low-back-hips" });
      expect(atCap.status).toBe(409);
      expect(atCap.body.error.code).toBe("REGION_LIMIT");

      // Her id changed, nothing said about the old one: no start, and the one line says what to add.
      await expect(before.restart({ config: renamed({}) })).rejects.toThrow(
        'The dose ledger has history for person id "anna" (1 session) that no longer is in the config. Say where it went, then start again: add "formerIds": ["anna"] to the person who had it in "people" (the history and limits move to them), or, for someone who left the household, add "retired": {"people": ["anna"]} (kept in the history, counted for nobody). Nothing was changed.',
      );

      const after = await before.restart({ config: renamed({ formerIds: ["anna"] }) });
      const refused = await api(after, "POST", "/v1/sessions", { person: "anna-k", region: "low-back-hips" });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: "REGION_LIMIT", message: expect.stringMatching(/^Anna's low back/) });
      const history = HistoryResponseSchema.parse((await api(after, "GET", "/v1/history?days=1")).body);
      expect(history.people.map((p) => [p.id, p.sessions.map((s) => [s.id, s.person])])).toEqual([
        ["anna-k", [["anna-low-back", "anna-k"]]],
        ["ben", []],
      ]);
      // Ben's low back is his own: free.
      expect((await session(after, { person: "ben", region: "low-back-hips" })).status).toBe(201);
      // The ledger keeps the id the entry was written with.
      expect(after.ledger.sessions()[0]).toEqual(annaAtCap.sessions[0]);
    });

    it("a red flag reported for anna still holds anna-k until she acknowledges as anna-k; Ben's answer follows him to ben-b", async () => {
      const before = await startControlBridge({ config: HOME });
      for (const person of ["anna", "ben"])
        expect((await api(before, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person })).status).toBe(200);
      expect((await api(before, "POST", "/v1/caution/withdraw", { person: "anna", reason: "numbness" })).status).toBe(200);
      expect((await api(before, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "ben" })).status).toBe(200);

      const after = await before.restart({
        config: {
          ...HOME,
          people: [
            { id: "anna-k", name: "Anna", formerIds: ["anna"] },
            { id: "ben-b", name: "Ben", formerIds: ["ben"] },
          ],
          panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben-b" }],
        },
      });
      const ben = CautionStatusResponseSchema.parse((await api(after, "GET", "/v1/caution?person=ben-b")).body);
      expect(ben).toMatchObject({ acknowledged: true, personAcknowledged: true });
      const refused = await api(after, "POST", "/v1/sessions", { person: "anna-k", region: "mid-back" });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: "CAUTION_REQUIRED",
        message: expect.stringMatching(/red flag was reported for Anna/),
      });
      const anna = CautionStatusResponseSchema.parse((await api(after, "GET", "/v1/caution?person=anna-k")).body);
      expect(anna.personAcknowledged).toBe(false);
      // The open red flag is shown under her current id, and her acknowledgement as anna-k clears it.
      expect(anna.redFlags).toEqual([expect.objectContaining({ person: "anna-k", reason: "numbness", waitingFor: ["anna-k"] })]);
      expect((await api(after, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "anna-k" })).status).toBe(200);
      expect(CautionStatusResponseSchema.parse((await api(after, "GET", "/v1/caution")).body).redFlags).toEqual([]);
      expect((await session(after, { person: "anna-k", region: "mid-back" })).status).toBe(201);
    });

    it("someone who left the household, listed as retired: nobody's limits, and their sessions still in everyone's history", async () => {
      const before = await startControlBridge({ config: capped, ledgerFile: annaAtCap });
      const after = await before.restart({
        config: { ...capped, people: [HOME.people![1]], retired: { people: ["anna"], panels: [] } },
      });
      expect((await session(after, { person: "ben", region: "low-back-hips" })).status).toBe(201);
      const history = HistoryResponseSchema.parse((await api(after, "GET", "/v1/history?days=1")).body);
      expect(history.people.map((p) => [p.id, p.retired, p.sessions.map((s) => s.id)])).toEqual([
        ["ben", undefined, [expect.any(String)]],
        ["anna", true, ["anna-low-back"]],
      ]);
      expect((await api(after, "GET", "/v1/history?days=1&person=ben")).body.people.map((p: { id: string }) => p.id)).toEqual(["ben"]);
    });

    it("a renamed panel keeps its on-time: panel-1 renamed to bedroom with formerIds", async () => {
      const onTime = { ...HOME, dose: { minSessionSeconds: 1, maxOnSecondsPer24h: 905 } };
      const before = await startControlBridge({ config: onTime, ledgerFile: annaAtCap });
      await expect(
        before.restart({ config: { ...onTime, panels: [{ id: "bedroom", name: "Panel", defaultPerson: "ben" }] } }),
      ).rejects.toThrow(
        /history for panel id "panel-1" \(1 session\).*add "formerIds": \["panel-1"\] to the panel that had it in "panels"/,
      );
      const after = await before.restart({
        config: { ...onTime, panels: [{ id: "bedroom", name: "Panel", defaultPerson: "ben", formerIds: ["panel-1"] }] },
      });
      const dose = DoseResponseSchema.parse((await api(after, "GET", "/v1/dose")).body);
      expect(dose.panels).toEqual([{ id: "bedroom", onSeconds24h: 900, remainingOnSeconds24h: 5 }]);
      const res = await api(after, "POST", "/v1/sessions", { person: "ben", region: "mid-back", panelId: "bedroom", seconds: 60 });
      expect(res.status).toBe(201);
      expect(res.body.session.seconds).toBe(5);
      const history = HistoryResponseSchema.parse((await api(after, "GET", "/v1/history?days=1&person=anna")).body);
      expect(history.people[0].sessions.map((s) => s.panelId)).toEqual(["bedroom"]);
    });
  });

  it("keeps each person's own caution answer; the gate stays the household's", async () => {
    const b = await startControlBridge({ config: HOME });
    const ack = await api(b, "POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "anna", source: "skill" });
    expect(ack.status).toBe(200);
    const caution = async (q: string) => CautionStatusResponseSchema.parse((await api(b, "GET", `/v1/caution${q}`)).body);
    expect(await caution("?person=anna")).toMatchObject({ acknowledged: true, personAcknowledged: true });
    expect(await caution("?person=ben")).toMatchObject({ acknowledged: true, personAcknowledged: false });
    expect((await caution("")).personAcknowledged).toBeUndefined();
    expect((await api(b, "POST", "/v1/caution/withdraw", { person: "anna", reason: "numbness" })).status).toBe(200);
    expect(await caution("?person=anna")).toMatchObject({ acknowledged: false, personAcknowledged: false });
    expect((await api(b, "POST", "/v1/sessions", { region: "mid-back", person: "ben" })).body.error.code).toBe("CAUTION_REQUIRED");
  });
});
