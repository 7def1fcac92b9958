/**
 * All the light a relay gave is counted: a press at the device while no bridge ran (found on at
 * start-up, booked from the relay's own timer), a switch-on or -off that lands late (booked from the
 * relay's timer, never less than it was on), and a resumed ledger that leaves live sessions alone.
 * Real HTTP to the fake Shelly (which measures what its output really did), real ledger files.
 * The fake Shelly, the ledger and the bridge share one fake clock: the relay's timers and slow
 * landings move with the bridge's deadlines, and no test waits for real time to pass.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Clock } from "../../common/clock.js";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import type { PanelDriver } from "../../matter-bridge/panels/driver.js";
import { ShellyDriver } from "../../matter-bridge/panels/shelly.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { StorageUnavailableError } from "../../matter-bridge/storage/writable.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { advanceUntil, FakeClock } from "../helpers/fake-clock.js";
import { type FakeShelly, startFakeShelly } from "../helpers/fake-shelly.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs("biolight-relay-light-");
const fast: Partial<BridgeConfigInput> = { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionSeconds: 600 } };

/** A bridge starting on `dir` (a new controller over the ledger there), its relay read and switched off by recover(). */
async function bridgeOn(dir: string, driver: PanelDriver, opts: { acknowledge?: boolean; clock?: Clock } = {}) {
  const ledger = await Ledger.open(dir, { clock: opts.clock });
  if (opts.acknowledge !== false) await ledger.acknowledgeCaution(1, "test");
  const logs: string[] = [];
  const controller = new SessionController({
    config: makeConfig(fast),
    ledger,
    drivers: { "panel-1": driver },
    log: (m) => logs.push(m),
    clock: opts.clock,
    offRetryMs: 20,
    ledgerRetryMs: 20,
  });
  const recovered = await controller.recover();
  return { ledger, controller, logs, recovered };
}

const shellyDriver = (shelly: FakeShelly) => new ShellyDriver({ kind: "shelly", url: shelly.url, switchId: 0, timeoutMs: 2000 });

/**
 * A relay whose timers and late landings run on `clock`, the clock the bridge's deadlines and the
 * ledger run on too. It starts half-way through a second: the device's `unixtime` has whole seconds,
 * so a timer started 8 s ago reads as run 8.5 s every time (on the system's clock, 1 run in 20 read 9.0 s).
 */
async function withShelly(run: (shelly: FakeShelly, clock: FakeClock) => Promise<void>) {
  const clock = new FakeClock(Math.floor(Date.now() / 1000) * 1000 + 500);
  const shelly = await startFakeShelly({ clock });
  try {
    await run(shelly, clock);
  } finally {
    await shelly.close();
  }
}

/** Moves `clock` (1 ms at a time, so a request in flight costs as little fake time as real) until `done` settles. */
const meanwhile = <T>(clock: FakeClock, done: Promise<T>) => advanceUntil(clock, done, 1);

describe("a press at the relay while no bridge ran", () => {
  it("is read before the start-up switch-off and booked from the relay's own timer, as a manual session for the default person", () =>
    withShelly(async (shelly, clock) => {
      const dir = await tempDir();
      // A first bridge armed the relay's fail-safes (auto-off after the 600 s cap), then stopped.
      const first = await bridgeOn(dir, shellyDriver(shelly), { clock });
      await first.controller.shutdown();
      expect(shelly.state().config).toMatchObject({ auto_off: true, auto_off_delay: 600 });
      // Pressed 8 s ago, the device's clock an hour ahead of the bridge's: it does not enter the count.
      shelly.setClock(3_600_000);
      shelly.press(0, 8000);

      const mark = shelly.requests.length;
      const { ledger, logs } = await bridgeOn(dir, shellyDriver(shelly), { acknowledge: false, clock });
      expect(shelly.state().output).toBe(false);
      const on = shelly.onSeconds();
      const [manual] = ledger.sessions();
      expect(manual).toMatchObject({
        panelId: "panel-1",
        person: "household",
        source: "manual",
        region: "low-back-hips",
        endReason: "found-on-at-start-up",
      });
      // Never less than the relay was on; no more than the read and the switch-off took.
      expect(manual.deliveredSeconds).toBeGreaterThanOrEqual(on - 0.002);
      expect(manual.deliveredSeconds).toBeLessThan(on + 1.5); // the device's clock has whole seconds
      expect(manual.endedAt! - manual.startedAt).toBe(Math.ceil(manual.deliveredSeconds! * 1000));
      expect(logs.join("\n")).toMatch(
        /found ON at start-up with no session .*its own timer had run 8\.\d s of 600 s; booked 8\.\d s as a manual low-back-hips session for household/,
      );
      // The relay and its clock were read before the switch-off.
      const paths = shelly.requests.slice(mark).map((r) => r.replace(/\?.*on=(\w+).*/, " $1").replace(/\?.*/, ""));
      expect(paths.slice(0, 4)).toEqual(["/rpc/Switch.GetStatus", "/rpc/Switch.GetStatus", "/rpc/Sys.GetStatus", "/rpc/Switch.Set false"]);
    }));

  it("a relay whose clock never synced: its whole timer; one reporting no timer at all: the session cap", () =>
    withShelly(async (shelly, clock) => {
      const dir = await tempDir();
      shelly.state().config.auto_off = true;
      shelly.state().config.auto_off_delay = 300;
      shelly.setClock(null);
      shelly.press(0, 3000);
      const unsynced = await bridgeOn(dir, shellyDriver(shelly), { clock });
      expect(unsynced.ledger.sessions()).toEqual([expect.objectContaining({ deliveredSeconds: 300, endReason: "found-on-at-start-up" })]);
      expect(unsynced.logs.join("\n")).toMatch(/its timer of 300 s cannot say how long it ran: counted in full; booked 300\.0 s/);
      await unsynced.controller.shutdown();

      shelly.state().config.auto_off = false; // a relay never armed (or reset): no timer runs
      shelly.press(0, 3000);
      const untimed = await bridgeOn(dir, shellyDriver(shelly), { clock });
      expect(untimed.ledger.sessions()[1]).toMatchObject({ deliveredSeconds: 600, endReason: "found-on-at-start-up" });
      expect(untimed.logs.join("\n")).toMatch(/it reports no timer: counted as the session cap of 600 s/);
      expect(shelly.state().output).toBe(false);
    }));

  it("a crashed session's own light is counted once (with the session); a press after it ended is booked beside it", () =>
    withShelly(async (shelly, clock) => {
      const dir = await tempDir();
      const first = await bridgeOn(dir, shellyDriver(shelly), { clock });
      const started = await first.controller.start({ region: "mid-back", seconds: 60 }, "test");
      expect(started.ok).toBe(true);
      // The bridge dies mid-session (no shutdown): the relay runs on with its toggle_after.
      const again = await bridgeOn(dir, shellyDriver(shelly), { clock });
      expect(again.ledger.sessions()).toEqual([
        expect.objectContaining({ region: "mid-back", deliveredSeconds: 60, endReason: "recovered-after-restart" }),
      ]);
      expect(again.logs.join("\n")).toMatch(/found on at start-up: still session [0-9a-f]{8}'s light \(its own timer\), counted with it/);

      // Crashed again mid-session; the relay's timer of that session ran out and someone pressed it since.
      const s2 = await again.controller.start({ region: "neck-shoulders", seconds: 60 }, "test");
      expect(s2).toMatchObject({ ok: true });
      shelly.state().config.auto_off_delay = 600;
      shelly.press(0); // already on: no change
      shelly.reboot(); // power blip: off (initial_state off)
      shelly.press(0, 2000);
      const third = await bridgeOn(dir, shellyDriver(shelly), { clock });
      const reasons = third.ledger.sessions().map((s) => s.endReason);
      expect(reasons.sort()).toEqual(["found-on-at-start-up", "recovered-after-restart", "recovered-after-restart"]);
      const pressed = third.ledger.sessions().find((s) => s.endReason === "found-on-at-start-up")!;
      expect(pressed.deliveredSeconds).toBeGreaterThanOrEqual(2);
      expect(pressed.deliveredSeconds).toBeLessThan(4);
      // The "crashed" bridges' controllers still run in this process: shut them down.
      await Promise.all([first.controller.shutdown(), again.controller.shutdown()]);
    }));

  it("a simulated panel with a state file is a relay that stays powered: pressed while no bridge ran, it is found on and booked", async () => {
    const dir = await tempDir();
    const stateFile = join(dir, "panels", "panel-1.json");
    const first = await bridgeOn(dir, new SimulatedDriver("panel-1", { stateFile, log: () => {} }));
    await first.controller.shutdown();
    // The device, with no bridge running: its button (the persisted state says so).
    const device = new SimulatedDriver("panel-1", { stateFile, log: () => {} });
    await device.applyFailSafes({ maxSessionSeconds: 600 });
    await device.press();

    const restarted = new SimulatedDriver("panel-1", { stateFile, log: () => {} });
    expect(restarted.isOn).toBe(true);
    const { ledger, logs } = await bridgeOn(dir, restarted, { acknowledge: false });
    expect(restarted.isOn).toBe(false);
    expect(ledger.sessions()).toEqual([expect.objectContaining({ source: "manual", endReason: "found-on-at-start-up" })]);
    expect(ledger.sessions()[0].deliveredSeconds).toBeLessThan(2);
    expect(logs.join("\n")).toMatch(/its own timer had run \d\.\d s of 600 s/);
  });

  it("a simulated panel whose timer ran out while no bridge ran comes back off, as a relay does", async () => {
    const dir = await tempDir();
    const stateFile = join(dir, "panel.json");
    const device = new SimulatedDriver("panel-1", { stateFile, log: () => {} });
    await device.on(1);
    const { readFile, writeFile } = await import("node:fs/promises");
    const state = JSON.parse(await readFile(stateFile, "utf8"));
    await writeFile(stateFile, JSON.stringify({ ...state, timer: { ...state.timer, startedAt: state.timer.startedAt - 5000 } }));
    const restarted = new SimulatedDriver("panel-1", { stateFile, log: () => {} });
    expect(await restarted.status()).toMatchObject({ on: false });
    expect(restarted.actions.map((a) => a.action)).toEqual(["timer"]);
  });
});

describe("light booked from what the relay did", () => {
  it("a relay without a flip-back timer whose switch-off lands late: booked at least as long as it was on", () =>
    withShelly(async (shelly, clock) => {
      const dir = await tempDir();
      const { ledger, controller } = await bridgeOn(dir, shellyDriver(shelly), { clock });
      shelly.state().config.auto_off = false;
      shelly.setIgnoreToggleAfter(true);
      shelly.setLandingDelayMs({ on: 300, off: 900 });
      const started = await meanwhile(clock, controller.start({ region: "mid-back", seconds: 2 }, "test"));
      expect(started.ok).toBe(true);
      await meanwhile(
        clock,
        new Promise<void>((resolve) => {
          const off = controller.onChange((s) => {
            if (s.state === "off") {
              off();
              resolve();
            }
          });
        }),
      );
      const on = shelly.onSeconds();
      expect(on).toBeGreaterThan(2.4); // the relay really was on past the planned 2 s
      const [session] = ledger.sessions();
      expect(session).toMatchObject({ endReason: "completed", plannedSeconds: 2 });
      expect(session.deliveredSeconds).toBeGreaterThanOrEqual(on - 0.002);
    }));

  it("a relay with its timer: a late switch-on and -off books no less than it was on, no more than its timer; a stop mid-session too", () =>
    withShelly(async (shelly, clock) => {
      const dir = await tempDir();
      const { ledger, controller } = await bridgeOn(dir, shellyDriver(shelly), { clock });
      shelly.setLandingDelayMs({ on: 300, off: 900 });
      const finished = (id: string) =>
        new Promise<void>((resolve) => {
          const off = controller.onChange((s) => {
            if (s.state === "off" && ledger.sessions().find((x) => x.id === id)?.endedAt !== undefined) {
              off();
              resolve();
            }
          });
        });
      const started = await meanwhile(clock, controller.start({ region: "mid-back", seconds: 2 }, "test"));
      if (!started.ok) throw new Error("not started");
      await meanwhile(clock, finished(started.session.id));
      const ran = ledger.sessions()[0];
      expect(ran.deliveredSeconds).toBe(2); // its timer: planned, however late the switch-on landed
      expect(shelly.onSeconds()).toBeLessThan(2.1); // the relay's own timer switched it off

      const before = shelly.onSeconds();
      const second = await meanwhile(clock, controller.start({ region: "neck-shoulders", seconds: 30 }, "test"));
      if (!second.ok) throw new Error("not started");
      const stopped = await meanwhile(clock, controller.stop("panel-1", "stopped"));
      const on = shelly.onSeconds() - before;
      expect(stopped).toMatchObject({ endReason: "stopped" });
      expect(stopped!.deliveredSeconds).toBeGreaterThanOrEqual(on - 0.002);
      expect(stopped!.deliveredSeconds).toBeLessThan(30);
    }));
});

describe("resuming the ledger", () => {
  it("closes only entries no live session owns: a session running meanwhile ends with what it delivered", async () => {
    const dir = await tempDir();
    const driver = new SimulatedDriver("panel-1", { log: () => {} });
    const { ledger, controller, logs } = await bridgeOn(dir, driver);
    const started = await controller.start({ region: "mid-back", seconds: 60 }, "test");
    if (!started.ok) throw new Error("not started");
    controller.suspendLedger(
      StorageUnavailableError.readOnly(dir, Object.assign(new Error("EROFS: read-only file system"), { code: "EROFS" })),
    );
    await controller.resumeLedger();
    expect(ledger.openSessions().map((s) => s.id)).toEqual([started.session.id]);
    expect(logs.join("\n")).not.toMatch(/had no recorded end/);

    const stopped = await controller.stop("panel-1", "stopped");
    expect(stopped).toMatchObject({ id: started.session.id, endReason: "stopped" });
    expect(ledger.sessions()).toEqual([expect.objectContaining({ id: started.session.id, endReason: "stopped" })]);
    expect(ledger.sessions()[0].deliveredSeconds).toBeLessThan(5);
    expect(controller.ledgerProblem()).toBeUndefined();
    expect(await controller.start({ region: "neck-shoulders", seconds: 5 }, "test")).toMatchObject({ ok: true });
    await controller.shutdown();
  });
});
