import { describe, expect, it } from "@jest/globals";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { Ledger, LedgerCorruptError } from "../../matter-bridge/dose/ledger.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { advanceUntil, FakeClock } from "../helpers/fake-clock.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs("biolight-ctl-");

const fast: Partial<BridgeConfigInput> = {
  dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionSeconds: 5 },
  regions: { "mid-back": { defaultSeconds: 1 }, "neck-shoulders": { defaultSeconds: 3 } },
};

async function setup(opts: { acknowledge?: boolean; config?: Partial<BridgeConfigInput> } = {}) {
  const dir = await tempDir();
  const ledger = await Ledger.open(dir);
  if (opts.acknowledge !== false) await ledger.acknowledgeCaution(1, "test");
  // Deadlines and switch-off retries run on this clock: the tests move its time.
  const clock = new FakeClock(Date.now());
  const driver = new FlakyDriver(clock);
  const controller = new SessionController({
    config: makeConfig(opts.config ?? fast),
    ledger,
    drivers: { "panel-1": driver },
    clock,
    log: () => {},
    offRetryMs: 20,
  });
  return { dir, ledger, driver, controller, clock };
}

/** Resolves once the panel shows `state` (an event, not a sleep). */
const shows = (controller: SessionController, state: string) =>
  new Promise<void>((resolve) => {
    const off = controller.onChange((s) => {
      if (s.state === state) {
        off();
        resolve();
      }
    });
  });

describe("session controller", () => {
  it("writes the ledger before switching on, switches off at the deadline, then closes the session", async () => {
    const { ledger, driver, controller, clock } = await setup();
    const changes: string[] = [];
    controller.onChange((s) => changes.push(`${s.state}:${s.on}`));
    const out = await controller.start({ region: "mid-back" }, "test");
    expect(out.ok).toBe(true);
    expect(ledger.openSessions()).toHaveLength(1);
    expect(driver.calls.map((c) => c.action)).toEqual(["on"]);
    expect(controller.isOn("panel-1")).toBe(true);
    const off = shows(controller, "off");
    clock.advance(999);
    expect(driver.calls.map((c) => c.action)).toEqual(["on"]);
    clock.advance(1);
    await off;
    expect(driver.calls.map((c) => c.action)).toEqual(["on", "off"]);
    const offAfterMs = driver.calls[1].at - driver.calls[0].at;
    expect(offAfterMs).toBeGreaterThanOrEqual(995);
    expect(offAfterMs).toBeLessThan(1200);
    expect(ledger.openSessions()).toHaveLength(0);
    // A relay with no timer of its own (this driver) counts until its switch-off was confirmed: at least the planned second.
    expect(ledger.sessions()[0]).toMatchObject({ endReason: "completed", deliveredSeconds: expect.any(Number) });
    expect(ledger.sessions()[0].deliveredSeconds).toBeGreaterThanOrEqual(1);
    expect(ledger.sessions()[0].deliveredSeconds).toBeLessThan(1.2);
    // Asked for (pending), granted (ledger written, relay switching on), on, stopping, off.
    expect(changes).toEqual(["starting:true", "starting:true", "on:true", "stopping:true", "off:false"]);
  });

  it("refuses every start until the caution is acknowledged, and switches nothing", async () => {
    const { driver, controller } = await setup({ acknowledge: false });
    const out = await controller.start({ region: "mid-back" }, "test");
    expect(out).toMatchObject({ ok: false, refusal: { code: "CAUTION_REQUIRED" } });
    expect(driver.calls).toEqual([]);
    await controller.caution.acknowledge(1, "test");
    expect((await controller.start({ region: "mid-back" }, "test")).ok).toBe(true);
    await controller.shutdown();
  });

  it("serialises concurrent starts: exactly one wins, the rest are busy", async () => {
    const { driver, controller } = await setup();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => controller.start({ region: "neck-shoulders" }, "test")));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.refusal.code)).toEqual(Array(4).fill("PANEL_BUSY"));
    expect(driver.calls.filter((c) => c.action === "on")).toHaveLength(1);
    await controller.shutdown();
  });

  it("stops early and records what was delivered", async () => {
    const { ledger, controller, clock } = await setup();
    await controller.start({ region: "neck-shoulders" }, "test");
    clock.advance(400);
    const finished = await controller.stop("panel-1", "stopped");
    expect(finished!.deliveredSeconds).toBeGreaterThan(0.35);
    expect(finished!.deliveredSeconds).toBeLessThan(1);
    expect(ledger.sessions()[0].deliveredSeconds).toBe(finished!.deliveredSeconds);
    expect(await controller.stop("panel-1", "again")).toBeUndefined();
  });

  it("never asks the relay to switch on when the stop comes between the grant and the switch-on", async () => {
    const { ledger, driver, controller } = await setup();
    let stopped: Promise<unknown> | undefined;
    // The grant is published before the relay is asked: a listener that stops right then is the narrowest window there is.
    controller.onChange(() => {
      if (!stopped && controller.isOn("panel-1")) stopped = controller.stop("panel-1", "wall-switch");
    });
    const out = await controller.start({ region: "neck-shoulders" }, "test");
    expect(out).toMatchObject({ ok: false, refusal: { code: "STOPPED", message: expect.stringContaining("wall-switch") } });
    expect(await stopped).toMatchObject({ deliveredSeconds: 0, endReason: "wall-switch" });
    expect(driver.calls.map((c) => c.action)).not.toContain("on");
    expect(ledger.openSessions()).toHaveLength(0);
    expect(ledger.sessions()).toEqual([expect.objectContaining({ deliveredSeconds: 0, endReason: "wall-switch" })]);
    expect(controller.panelState("panel-1")).toBe("off");
    // The panel is free again at once.
    expect((await controller.start({ region: "neck-shoulders" }, "test")).ok).toBe(true);
    await controller.shutdown();
  });

  it("shortens but never extends a session", async () => {
    const { driver, controller, clock } = await setup();
    await controller.start({ region: "neck-shoulders" }, "test"); // 3 s
    controller.shorten("panel-1", 60);
    expect(controller.remainingSeconds("panel-1")).toBeLessThanOrEqual(3);
    controller.shorten("panel-1", 0.3);
    const off = shows(controller, "off");
    clock.advance(300);
    await off;
    expect(driver.on_).toBe(false);
    expect(controller.isOn("panel-1")).toBe(false);
  });

  it("retries a failed switch-off until it succeeds, keeping the panel busy meanwhile", async () => {
    const { ledger, driver, controller, clock } = await setup();
    await controller.start({ region: "neck-shoulders" }, "test");
    driver.failOff = 3;
    const stopping = controller.stop("panel-1", "stopped");
    expect((await controller.start({ region: "mid-back" }, "test")).ok).toBe(false);
    await advanceUntil(clock, stopping);
    expect(driver.calls.filter((c) => c.action === "off").map((c) => c.ok)).toEqual([false, false, false, true]);
    expect(driver.on_).toBe(false);
    expect(ledger.openSessions()).toHaveLength(0);
    expect(controller.status()[0].reachable).toBe(true);
  });

  it("answers PANEL_UNREACHABLE when switch-on fails, and makes sure the panel is off", async () => {
    const { ledger, driver, controller } = await setup();
    driver.failOn = 1;
    const off = shows(controller, "off");
    const out = await controller.start({ region: "mid-back" }, "test");
    expect(out).toMatchObject({ ok: false, refusal: { code: "PANEL_UNREACHABLE" } });
    await off;
    expect(driver.calls.map((c) => c.action)).toEqual(["on", "off"]);
    expect(ledger.openSessions()).toHaveLength(0);
    expect(ledger.sessions()[0].endReason).toBe("panel-unreachable");
  });

  it("at start-up switches every panel off first and counts open sessions as fully delivered", async () => {
    const { dir, controller } = await setup();
    await controller.start({ region: "neck-shoulders" }, "test");
    // Simulate a crash: a fresh controller on the same storage, the old one simply abandoned.
    const reopened = await Ledger.open(dir);
    const driver = new FlakyDriver();
    driver.on_ = true;
    const restarted = new SessionController({ config: makeConfig(fast), ledger: reopened, drivers: { "panel-1": driver }, log: () => {} });
    const closed = await restarted.recover();
    expect(driver.calls[0].action).toBe("off");
    expect(driver.on_).toBe(false);
    expect(closed).toHaveLength(1);
    expect(reopened.sessions()[0]).toMatchObject({ deliveredSeconds: 3, endReason: "recovered-after-restart" });
    await controller.shutdown(); // the abandoned process's timers; its writes come after the checks
  });

  it("switches off a relay found on outside a session", async () => {
    const { driver, controller } = await setup();
    driver.on_ = true;
    await controller.pollPanel("panel-1");
    expect(driver.on_).toBe(false);
  });

  it("refuses every start when the ledger could not be opened", async () => {
    const driver = new FlakyDriver();
    const controller = new SessionController({
      config: makeConfig(fast),
      ledger: new LedgerCorruptError("/x/ledger.json", "not valid JSON"),
      drivers: { "panel-1": driver },
      log: () => {},
    });
    const out = await controller.start({ region: "mid-back" }, "test");
    expect(out).toMatchObject({ ok: false, refusal: { code: "LEDGER_UNAVAILABLE" } });
    expect(!out.ok && out.refusal.message).toMatch(/not reset/);
    expect(driver.calls).toEqual([]);
  });

  it("uses the last session's region for a plain on, else the panel default", async () => {
    const { controller } = await setup();
    expect(controller.currentRegion("panel-1")).toBe("low-back-hips");
    await controller.start({ region: "mid-back" }, "test");
    expect(controller.currentRegion("panel-1")).toBe("mid-back");
    await controller.shutdown();
  });

  it("shutdown stops sessions, switches panels off and refuses new starts", async () => {
    const { driver, ledger, controller } = await setup();
    await controller.start({ region: "neck-shoulders" }, "test");
    await controller.shutdown();
    expect(driver.on_).toBe(false);
    expect(ledger.sessions()[0].endReason).toBe("shutdown");
    expect((await controller.start({ region: "mid-back" }, "test")).ok).toBe(false);
  });
});

describe("session controller: people", () => {
  const people: Partial<BridgeConfigInput> = {
    ...fast,
    people: [
      { id: "anna", name: "Anna" },
      { id: "ben", name: "Ben" },
    ],
    panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }],
  };

  it("a start naming nobody (a Matter On, an automation) is for the panel's defaultPerson, and the session says so", async () => {
    const { ledger, controller } = await setup({ config: people });
    const out = await controller.start({ region: "mid-back" }, "matter");
    expect(out).toMatchObject({ ok: true, session: { person: "ben", region: "mid-back" } });
    expect(ledger.sessions()[0].person).toBe("ben");
    expect(controller.status()[0].session).toMatchObject({ person: "ben" });
    await controller.stop("panel-1", "stopped");
    expect(controller.history(1)).toEqual([expect.objectContaining({ person: "ben", region: "mid-back" })]);
    const named = await controller.start({ region: "mid-back", person: "anna" }, "api");
    expect(named).toMatchObject({ ok: true, session: { person: "anna" } });
    await controller.shutdown();
  });

  it("refuses an unknown person with UNKNOWN_PERSON naming the known ids, even before the caution, and switches nothing", async () => {
    const { driver, controller } = await setup({ config: people, acknowledge: false });
    const out = await controller.start({ region: "mid-back", person: "carl" }, "api");
    expect(out).toMatchObject({ ok: false, refusal: { code: "UNKNOWN_PERSON" } });
    expect(!out.ok && out.refusal.message).toMatch(/"carl".*anna, ben/);
    expect(driver.calls).toEqual([]);
  });

  it("a red flag for Ben is not cleared by Anna's acknowledgement: Ben's starts (also the panel's default, Ben) stay refused until Ben acknowledges", async () => {
    const { controller, driver } = await setup({ config: people, acknowledge: false });
    await controller.caution.acknowledge(1, "skill", "anna");
    await controller.caution.acknowledge(1, "skill", "ben");
    await Promise.all((await controller.withdrawCaution("numbness in the leg", "skill", "ben")).stops);
    await controller.caution.acknowledge(1, "dashboard", "anna");
    expect(controller.caution.acknowledged()).toBe(true);
    const ben = await controller.start({ region: "mid-back", person: "ben" }, "api");
    expect(ben).toMatchObject({ ok: false, refusal: { code: "CAUTION_REQUIRED" } });
    expect(!ben.ok && ben.refusal.message).toMatch(/red flag was reported for Ben.*until Ben .*acknowledges it again/);
    // Nobody named (Matter, an automation): the panel's defaultPerson, Ben.
    expect(await controller.start({ region: "mid-back" }, "matter")).toMatchObject({ ok: false, refusal: { code: "CAUTION_REQUIRED" } });
    // A household acknowledgement naming nobody does not clear it either.
    await controller.caution.acknowledge(1, "cli-prompt");
    expect(await controller.start({ region: "mid-back", person: "ben" }, "api")).toMatchObject({ ok: false });
    expect(driver.calls).toEqual([]);
    // Anna's own answer stands: her sessions go ahead.
    expect(await controller.start({ region: "mid-back", person: "anna" }, "api")).toMatchObject({ ok: true, session: { person: "anna" } });
    await controller.stop("panel-1", "stopped");
    await controller.caution.acknowledge(1, "skill", "ben");
    expect(await controller.start({ region: "neck-shoulders", person: "ben" }, "api")).toMatchObject({
      ok: true,
      session: { person: "ben" },
    });
    await controller.shutdown();
  });

  it("a red flag for Ben, who never answered himself, still holds his starts after Anna acknowledges; one naming nobody holds everyone's", async () => {
    const { controller, driver } = await setup({ config: people, acknowledge: false });
    await controller.caution.acknowledge(1, "skill", "anna");
    await Promise.all((await controller.withdrawCaution("numbness", "skill", "ben")).stops);
    await controller.caution.acknowledge(1, "skill", "anna");
    expect(await controller.start({ region: "mid-back", person: "ben" }, "api")).toMatchObject({
      ok: false,
      refusal: { code: "CAUTION_REQUIRED" },
    });
    await controller.caution.acknowledge(1, "skill", "ben");
    // The dashboard's red-flag button names nobody: each person is held until they answer again.
    await Promise.all((await controller.withdrawCaution("a red flag", "dashboard")).stops);
    await controller.caution.acknowledge(1, "skill", "anna");
    expect(await controller.start({ region: "mid-back", person: "ben" }, "api")).toMatchObject({
      ok: false,
      refusal: { code: "CAUTION_REQUIRED" },
    });
    expect(driver.calls).toEqual([]);
    await controller.shutdown();
  });

  it("one person at home: after a red flag, an acknowledgement naming nobody (the terminal) is theirs and sessions go ahead", async () => {
    const { controller } = await setup({ acknowledge: false });
    await controller.caution.acknowledge(1, "cli-prompt");
    await Promise.all((await controller.withdrawCaution("a red flag", "cli-prompt")).stops);
    expect(await controller.start({ region: "mid-back" }, "api")).toMatchObject({ ok: false, refusal: { code: "CAUTION_REQUIRED" } });
    await controller.caution.acknowledge(1, "cli-prompt");
    expect(await controller.start({ region: "mid-back" }, "api")).toMatchObject({ ok: true });
    await controller.shutdown();
  });

  it("keeps each person's own caution answer beside the household gate; a red flag withdraws it", async () => {
    const { controller, dir } = await setup({ config: people, acknowledge: false });
    await controller.caution.acknowledge(1, "skill", "anna");
    expect(controller.caution.acknowledged()).toBe(true);
    expect(controller.caution.personAcknowledged("anna")).toBe(true);
    expect(controller.caution.personAcknowledged("ben")).toBe(false);
    await controller.caution.acknowledge(1, "skill", "ben");
    await controller.withdrawCaution("numbness", "skill", "ben");
    expect(controller.caution.acknowledged()).toBe(false);
    expect(controller.caution.personAcknowledged("ben")).toBe(false);
    expect(controller.caution.personAcknowledged("anna")).toBe(true);
    const reopened = await Ledger.open(dir);
    expect(reopened.personCaution("anna")).toMatchObject({ version: 1, source: "skill" });
    expect(reopened.personCaution("ben")?.withdrawnAt).toEqual(expect.any(Number));
    // The gate is closed already: Anna's red flag still withdraws her own answer.
    await controller.withdrawCaution("dizzy", "skill", "anna");
    expect(controller.caution.personAcknowledged("anna")).toBe(false);
    // A red flag naming nobody withdraws everyone's own answer too; Anna answering reopens the gate only for her answer.
    await controller.caution.acknowledge(1, "dashboard");
    await controller.withdrawCaution(undefined, "dashboard");
    expect(controller.caution.personAcknowledged("anna")).toBe(false);
    await controller.caution.acknowledge(1, "skill", "anna");
    expect([controller.caution.personAcknowledged("anna"), controller.caution.personAcknowledged("ben")]).toEqual([true, false]);
    await controller.shutdown();
  });
});
