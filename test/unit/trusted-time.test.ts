import { describe, expect, it } from "@jest/globals";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { Ledger, readLedger } from "../../matter-bridge/dose/ledger.js";
import { LedgerFileSchema } from "../../matter-bridge/dose/ledger-schema.js";
import { describeDuration, TrustedTime } from "../../matter-bridge/dose/trusted-time.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { DAY, HOUR, makeConfig, session, T0 } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const MIN = 60_000;
const tempDir = tempDirs("biolight-time-");

/** A bridge (ledger + controller) on `dir` whose clocks the test moves. */
async function bridgeOn(dir: string, clock: FakeClock, config: Partial<BridgeConfigInput> = {}) {
  const ledger = await Ledger.open(dir, { clock });
  const logs: string[] = [];
  const controller = new SessionController({
    config: makeConfig(config),
    ledger,
    drivers: { "panel-1": new FlakyDriver() },
    clock,
    log: (m) => logs.push(m),
  });
  await controller.recover();
  if (!controller.caution.acknowledged() && controller.time.state().trusted) await controller.caution.acknowledge(1, "test");
  return { ledger, controller, logs };
}

/** A session that runs `ms` of (fake) time and is stopped. */
async function runSession(b: Awaited<ReturnType<typeof bridgeOn>>, clock: FakeClock, region: "mid-back" | "neck-shoulders", ms: number) {
  const out = await b.controller.start({ region }, "test");
  if (!out.ok) throw new Error(`refused: ${out.refusal.code}`);
  clock.advance(ms);
  return b.controller.stop("panel-1", "stopped");
}

/** The ledger as its files hold it (snapshot + journal), wall-clock times. */
const fileOf = async (dir: string) => LedgerFileSchema.parse(await readLedger(dir));

describe("trusted time: clock steps cannot release a region", () => {
  it("a bridge started 2 days behind, then stepped forward by NTP, still refuses the region it just used (also after a restart)", async () => {
    const dir = await tempDir();
    const clock = new FakeClock(T0 - 2 * DAY); // the Pi booted with a stale clock
    const b = await bridgeOn(dir, clock);
    await runSession(b, clock, "mid-back", 5 * MIN);
    clock.advance(MIN);
    clock.step(2 * DAY); // NTP syncs
    const again = await b.controller.start({ region: "mid-back" }, "test");
    expect(again).toMatchObject({ ok: false, refusal: { code: "REST_INTERVAL" } });
    // 12 h rest minus the 1 minute that really passed.
    expect(again.ok || again.refusal.retryAfterSeconds).toBe(12 * 3600 - 60);
    expect(b.logs.join("\n")).toMatch(/clock stepped forward by 2 days/);

    // The step is written to the file, so the next run (with the right clock) agrees.
    await b.controller.shutdown();
    const file = await fileOf(dir);
    expect(file.sessions[0].endedAt).toBe(T0 + 5 * MIN); // the wall-clock time it really ended
    const restarted = await bridgeOn(dir, clock);
    expect(await restarted.controller.start({ region: "mid-back" }, "test")).toMatchObject({
      ok: false,
      refusal: { code: "REST_INTERVAL" },
    });
    // History shows the real times.
    expect(restarted.controller.history(1)[0].endedAt).toBe(new Date(T0 + 5 * MIN).toISOString());
  });

  it("a forward step of a day while running releases nothing, in the policy and in /v1/dose", async () => {
    const clock = new FakeClock(T0);
    const b = await bridgeOn(await tempDir(), clock);
    await runSession(b, clock, "neck-shoulders", 10 * MIN);
    const before = b.controller.dose().regions["neck-shoulders"];
    clock.step(DAY);
    expect(await b.controller.start({ region: "neck-shoulders" }, "test")).toMatchObject({ ok: false, refusal: { code: "REST_INTERVAL" } });
    expect(b.controller.dose().regions["neck-shoulders"]).toEqual(before);
    clock.advance(12 * HOUR);
    const later = await b.controller.start({ region: "neck-shoulders" }, "test");
    expect(later.ok ? "granted" : later.refusal).toBe("granted");
    await b.controller.shutdown();
  });

  it("a step of 101 days ahead followed by a write drops no session", async () => {
    const dir = await tempDir();
    const clock = new FakeClock(T0);
    const b = await bridgeOn(dir, clock);
    await runSession(b, clock, "mid-back", 5 * MIN);
    clock.advance(HOUR);
    await runSession(b, clock, "neck-shoulders", 5 * MIN);
    clock.step(101 * DAY);
    await b.controller.caution.acknowledge(1, "again"); // any write
    expect(b.ledger.sessions()).toHaveLength(2);
    expect((await fileOf(dir)).sessions).toHaveLength(2);
    // Only age on the trusted line removes entries.
    clock.advance(101 * DAY);
    await b.controller.caution.acknowledge(1, "later");
    expect(b.ledger.sessions()).toHaveLength(0);
    await b.controller.shutdown();
  });

  it("a backward step moves no age either, and is never written back-dated", async () => {
    const dir = await tempDir();
    const clock = new FakeClock(T0);
    const b = await bridgeOn(dir, clock);
    await runSession(b, clock, "mid-back", 5 * MIN);
    clock.step(-30 * DAY); // someone sets the clock back a month
    clock.advance(11 * HOUR);
    expect(await b.controller.start({ region: "mid-back" }, "test")).toMatchObject({ ok: false, refusal: { code: "REST_INTERVAL" } });
    await runSession(b, clock, "neck-shoulders", 5 * MIN);
    await b.controller.shutdown();
    // The file holds the sessions at their times on the line, not a month back: once the clock is
    // put right while the bridge is stopped, the neck session is still minutes old.
    const file = await fileOf(dir);
    expect(file.sessions.map((s) => s.startedAt)).toEqual([T0, T0 + 5 * MIN + 11 * HOUR]);
    clock.step(30 * DAY);
    clock.advance(HOUR);
    const restarted = await bridgeOn(dir, clock);
    expect(await restarted.controller.start({ region: "neck-shoulders" }, "test")).toMatchObject({
      ok: false,
      refusal: { code: "REST_INTERVAL" },
    });
    await restarted.controller.shutdown();
  });
});

describe("trusted time: a clock behind the ledger at start-up", () => {
  it("refuses every start with CLOCK_UNTRUSTED, saying by how much, until the clock catches up", async () => {
    const dir = await tempDir();
    const clock = new FakeClock(T0);
    const first = await bridgeOn(dir, clock);
    await runSession(first, clock, "mid-back", 5 * MIN);
    await first.controller.shutdown();

    clock.step(-(3 * DAY + 2 * HOUR)); // rebooted with a stale clock
    const b = await bridgeOn(dir, clock);
    expect(b.controller.time.state()).toMatchObject({ trusted: false });
    const refused = await b.controller.start({ region: "neck-shoulders" }, "test");
    expect(refused).toMatchObject({ ok: false, refusal: { code: "CLOCK_UNTRUSTED" } });
    if (!refused.ok) {
      expect(refused.refusal.message).toMatch(/3 days 2 h behind/);
      expect(refused.refusal.retryAfterSeconds).toBe((3 * DAY + 2 * HOUR) / 1000);
    }
    clock.advance(HOUR);
    expect((await b.controller.start({ region: "neck-shoulders" }, "test")).ok).toBe(false);
    clock.step(3 * DAY + HOUR + 5 * MIN); // NTP
    expect(b.controller.time.state()).toEqual({ trusted: true });
    expect((await b.controller.start({ region: "neck-shoulders" }, "test")).ok).toBe(true);
    // The jump that caught up was taken out like any step: the mid-back session, really an hour old,
    // is not released by it.
    expect(await b.controller.start({ region: "mid-back", panelId: "panel-1" }, "test")).toMatchObject({ ok: false });
    await b.controller.shutdown();
  });

  it("a clock at or after the newest entry is trusted at once", () => {
    const clock = new FakeClock(T0);
    expect(new TrustedTime(clock, T0).state()).toEqual({ trusted: true });
    expect(new TrustedTime(clock, T0 + 1).state()).toMatchObject({ trusted: false, behindMs: 1 });
  });

  it("a session closed at start-up does not push the floor to its planned end", async () => {
    const dir = await tempDir();
    const first = await Ledger.open(dir, () => T0);
    await first.begin(session("mid-back", T0 - MIN, 1200, { open: true })); // planned to end at T0 + 19 min
    const second = await Ledger.open(dir, () => T0 + MIN);
    await second.closeOpenAsDelivered();
    // Power flickers again a minute later: the clock is right, so it must be trusted.
    const third = await Ledger.open(dir, () => T0 + 2 * MIN);
    expect(third.time.state()).toEqual({ trusted: true });
  });

  it("takes the floor from every time the file records", async () => {
    const dir = await tempDir();
    const writer = await Ledger.open(dir, () => T0 + 10 * MIN);
    await writer.begin(session("mid-back", T0, 60, { open: true }));
    const behind = await Ledger.open(dir, () => T0 + 5 * MIN);
    expect(behind.time.state()).toMatchObject({ trusted: false, behindMs: 5 * MIN });
  });
});

describe("trusted time: the line itself", () => {
  it("follows NTP slewing and takes out steps in both directions", () => {
    const clock = new FakeClock(T0);
    const t = new TrustedTime(clock);
    const steps: number[] = [];
    t.onStep((s) => steps.push(s.deltaMs));
    clock.advance(1000);
    clock.step(200); // slewing-size: followed
    expect(t.now()).toBe(T0 + 1200);
    clock.advance(1000);
    clock.step(DAY);
    expect(t.now()).toBe(T0 + 2200);
    expect(t.toWall(t.now())).toBe(clock.wall);
    clock.step(-2 * DAY);
    expect(t.now()).toBe(T0 + 2200);
    expect(t.toWall(t.now())).toBe(T0 + 2200); // never shifted back
    expect(steps).toEqual([DAY, -2 * DAY]);
  });

  it("behind the floor, the line starts at the floor and however the clock catches up, no age moves", () => {
    const clock = new FakeClock(T0 - 200 * DAY);
    const t = new TrustedTime(clock, T0);
    expect(t.now()).toBe(T0);
    clock.advance(HOUR);
    clock.step(200 * DAY + 2 * DAY); // NTP: the bridge was off for two days
    expect(t.state()).toEqual({ trusted: true });
    expect(t.now()).toBe(T0 + HOUR); // the downtime does not count: at worst, more refusing
  });

  it("words durations for people", () => {
    expect(describeDuration(2 * DAY + 3 * HOUR + 5 * MIN)).toBe("2 days 3 h");
    expect(describeDuration(DAY)).toBe("1 day");
    expect(describeDuration(4 * MIN + 10_000)).toBe("4 min 10 s");
    expect(describeDuration(-90_000)).toBe("1 min 30 s");
  });
});
