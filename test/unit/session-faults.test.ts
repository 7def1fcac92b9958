/**
 * The session controller against Murphy: a slow relay, a full disk, a press at the device, a relay
 * that draws power while off, a Shelly that comes back after losing its settings.
 */
import { existsSync } from "node:fs";
import { readdir, readFile, stat, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { writeFileDurably } from "../../common/durable-file.js";
import type { PanelStatus } from "../../matter-bridge/contract/api.js";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import {
  LEDGER_FILE,
  Ledger,
  LedgerUnavailableError,
  type LedgerWriter,
  RESERVE_FILE,
  readLedger,
} from "../../matter-bridge/dose/ledger.js";
import type { PanelDriver } from "../../matter-bridge/panels/driver.js";
import { ShellyDriver } from "../../matter-bridge/panels/shelly.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { ACKNOWLEDGE_WAIT_MS } from "../../matter-bridge/sessions/caution-gate.js";
import { PANEL_POLL_MS, SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig, session, T0 } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { startFakeShelly } from "../helpers/fake-shelly.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { diskFullError, fillableDisk } from "../helpers/full-disk.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { nextTurn, until } from "../helpers/until.js";

const tempDir = tempDirs("biolight-faults-");

const fast: Partial<BridgeConfigInput> = { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionSeconds: 600 } };

/** A controller over one panel ("panel-1") or, given a map, one panel per driver (named by its id). */
async function setup<D extends PanelDriver>(
  driver: D | Record<string, PanelDriver>,
  opts: { write?: LedgerWriter; config?: Partial<BridgeConfigInput>; clock?: FakeClock } = {},
) {
  const dir = await tempDir();
  const ledger = await Ledger.open(dir, opts.write ? { write: opts.write } : {});
  await ledger.acknowledgeCaution(1, "test");
  const logs: string[] = [];
  const drivers: Record<string, PanelDriver> = isDriver(driver) ? { "panel-1": driver } : driver;
  const config = opts.config ?? fast;
  const controller = new SessionController({
    config: makeConfig(isDriver(driver) ? config : { ...config, panels: Object.keys(drivers).map((id) => ({ id, name: id })) }),
    ledger,
    drivers,
    clock: opts.clock,
    log: (m) => logs.push(m),
    offRetryMs: 20,
    ledgerRetryMs: 20,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await controller.recover();
  return { dir, ledger, controller, driver: driver as D, logs };
}
const isDriver = (x: PanelDriver | Record<string, PanelDriver>): x is PanelDriver => typeof (x as PanelDriver).on === "function";

/** Resolves with the first published status that matches (events, not sleeps). */
const statusWhere = (controller: SessionController, test: (s: PanelStatus) => boolean) =>
  new Promise<PanelStatus>((resolve) => {
    const off = controller.onChange((s) => {
      if (test(s)) {
        off();
        resolve(s);
      }
    });
  });

/** Holds the ledger's next `begin` (a start's entry being written) until released; `entered` resolves once it is called. */
function holdBegin(ledger: Ledger) {
  const begin = ledger.begin.bind(ledger);
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  let enter!: () => void;
  const entered = new Promise<void>((r) => {
    enter = r;
  });
  ledger.begin = async (entry) => {
    ledger.begin = begin;
    enter();
    await released;
    return begin(entry);
  };
  return { entered, release };
}

/** Two panels, each with its own driver. */
async function setupTwo() {
  const d1 = new FlakyDriver();
  const d2 = new FlakyDriver();
  const { ledger, controller } = await setup({ "panel-1": d1, "panel-2": d2 });
  return { ledger, controller, d1, d2 };
}

const ons = (driver: FlakyDriver) => driver.calls.filter((c) => c.action === "on");

describe("a stop always wins, also over a start still being set up", () => {
  it("a stop for a start still waiting its turn cancels it at once: nothing is switched on, nothing is booked", async () => {
    const { ledger, controller, d1, d2 } = await setupTwo();
    const hold = holdBegin(ledger);
    const first = controller.start({ panelId: "panel-1", region: "mid-back", seconds: 300 }, "test");
    await hold.entered;
    // Panel two's start waits behind panel one's ledger entry.
    const second = controller.start({ panelId: "panel-2", region: "neck-shoulders", seconds: 300 }, "matter");
    expect(controller.status()[1]).toMatchObject({ on: true, state: "starting", session: null });
    const stopped = await controller.stop("panel-2", "stopped");
    expect(stopped).toMatchObject({
      cancelled: true,
      panelId: "panel-2",
      region: "neck-shoulders",
      deliveredSeconds: 0,
      endReason: "stopped",
    });
    expect(controller.status()[1]).toMatchObject({ on: false, state: "off" });
    hold.release();
    expect(await second).toMatchObject({ ok: false, refusal: { code: "STOPPED" } });
    expect((await first).ok).toBe(true);
    expect(ons(d2)).toEqual([]);
    expect(ons(d1)).toHaveLength(1);
    expect(ledger.sessions().filter((s) => s.panelId === "panel-2")).toEqual([]);
    await controller.shutdown();
  });

  it("a stop while the start's ledger entry is being written: the entry is closed with 0 s delivered and the panel never switched on", async () => {
    const { ledger, controller, d1 } = await setupTwo();
    const hold = holdBegin(ledger);
    const start = controller.start({ panelId: "panel-1", region: "mid-back", seconds: 300 }, "test");
    await hold.entered;
    const stopped = await controller.stop("panel-1", "stopped");
    expect(stopped).toMatchObject({ cancelled: true, deliveredSeconds: 0 });
    hold.release();
    expect(await start).toMatchObject({ ok: false, refusal: { code: "STOPPED" } });
    expect(ons(d1)).toEqual([]);
    expect(ledger.openSessions()).toEqual([]);
    expect(ledger.sessions()).toEqual([expect.objectContaining({ id: stopped?.id, deliveredSeconds: 0, endReason: "stopped" })]);
    // The cancelled entry holds up nothing: the next start is granted and switches on.
    expect((await controller.start({ panelId: "panel-1", region: "neck-shoulders", seconds: 5 }, "test")).ok).toBe(true);
    expect(ons(d1)).toHaveLength(1);
    await controller.shutdown();
  });

  it("a red flag while a start's ledger entry is being written: the start is cancelled and nothing is switched on", async () => {
    const { ledger, controller, d1 } = await setupTwo();
    const hold = holdBegin(ledger);
    const start = controller.start({ panelId: "panel-1", region: "mid-back", seconds: 300 }, "test");
    await hold.entered;
    const { stops } = await controller.withdrawCaution("numbness", "test");
    hold.release();
    expect(await start).toMatchObject({ ok: false, refusal: { code: "STOPPED" } });
    expect(await Promise.all(stops)).toEqual([expect.objectContaining({ cancelled: true, endReason: "caution-withdrawn" }), undefined]);
    expect(ons(d1)).toEqual([]);
    expect(controller.isOn("panel-1")).toBe(false);
    expect(ledger.openSessions()).toEqual([]);
    await controller.shutdown();
  });

  it("a stop for another panel, or a region switch's Off for another region, leaves a pending start alone", async () => {
    const { ledger, controller, d1 } = await setupTwo();
    const hold = holdBegin(ledger);
    const start = controller.start({ panelId: "panel-1", region: "mid-back", seconds: 300 }, "test");
    await hold.entered;
    expect(await controller.stop("panel-2", "stopped")).toBeUndefined();
    expect(await controller.stop("panel-1", "matter-off", { region: "neck-shoulders" })).toBeUndefined();
    hold.release();
    expect((await start).ok).toBe(true);
    expect(ons(d1)).toHaveLength(1);
    await controller.shutdown();
  });

  it("a slow relay on one panel holds up no start on another", async () => {
    const { controller, d1, d2 } = await setupTwo();
    const release = d1.slowOn();
    const first = controller.start({ panelId: "panel-1", region: "mid-back", seconds: 300 }, "test");
    const second = await controller.start({ panelId: "panel-2", region: "neck-shoulders", seconds: 300 }, "test");
    expect(second.ok).toBe(true);
    expect(ons(d2)).toHaveLength(1);
    expect(controller.status()[0]).toMatchObject({ state: "starting" });
    release();
    expect((await first).ok).toBe(true);
    await controller.shutdown();
  });

  it("a stop between the grant and the switch-on answers the start at once, even while the relay does not take the switch-off", async () => {
    const { ledger, controller, driver } = await setup(new FlakyDriver());
    driver.failOff = Number.POSITIVE_INFINITY;
    let stop: Promise<unknown> | undefined;
    controller.onChange(() => {
      if (!stop && controller.isOn("panel-1")) stop = controller.stop("panel-1", "wall-switch");
    });
    // The start's answer does not wait for the switch-off, which is retried for as long as it fails.
    expect(await controller.start({ region: "mid-back", seconds: 300 }, "test")).toMatchObject({
      ok: false,
      refusal: { code: "STOPPED", message: expect.stringContaining("wall-switch") },
    });
    expect(driver.onAsked).toBe(0);
    expect(controller.status()[0]).toMatchObject({ on: true, state: "stopping" });
    await until(() => driver.calls.filter((c) => c.action === "off" && !c.ok).length >= 2, "two failed switch-offs");
    driver.failOff = 0;
    // To the one who stopped it, a start cancelled before it began.
    expect(await stop).toMatchObject({ cancelled: true, deliveredSeconds: 0, endReason: "wall-switch" });
    expect(ledger.openSessions()).toEqual([]);
    expect(controller.status()[0]).toMatchObject({ on: false, state: "off" });
    await controller.shutdown();
  });

  it("a shutdown while a start's ledger entry is being written: that start never switches the relay on", async () => {
    const { ledger, controller, d1 } = await setupTwo();
    const hold = holdBegin(ledger);
    const start = controller.start({ panelId: "panel-1", region: "mid-back", seconds: 300 }, "test");
    await hold.entered;
    const down = controller.shutdown();
    hold.release();
    expect(await start).toMatchObject({ ok: false, refusal: { code: "STOPPED", message: expect.stringContaining("shutdown") } });
    await down;
    expect(d1.onAsked).toBe(0);
    expect(ledger.openSessions()).toEqual([]);
    expect(ledger.sessions().map((s) => s.deliveredSeconds)).toEqual([0]);
  });

  it("a red flag whose record queues behind a start's ledger entry: that start never switches the relay on", async () => {
    const { ledger, controller, d1 } = await setupTwo();
    const begin = ledger.begin.bind(ledger);
    let withdrawal: ReturnType<SessionController["withdrawCaution"]> | undefined;
    ledger.begin = (entry) => {
      ledger.begin = begin;
      // The start passed the caution check and its entry is the ledger's next write; the red flag's record waits behind it.
      const writing = begin(entry);
      withdrawal = controller.withdrawCaution("red flag", "test");
      return writing;
    };
    const start = controller.start({ panelId: "panel-1", region: "mid-back", seconds: 300 }, "test");
    expect(await start).toMatchObject({ ok: false, refusal: { code: "STOPPED", message: expect.stringContaining("caution-withdrawn") } });
    const { stops } = await withdrawal!;
    await Promise.all(stops);
    expect(d1.onAsked).toBe(0);
    expect(controller.caution.acknowledged()).toBe(false);
    expect(ledger.openSessions()).toEqual([]);
    await controller.shutdown();
  });
});

describe("a stop always wins", () => {
  it("a stop during a slow switch-on answers with the session and switches the panel off as soon as the relay answers", async () => {
    const { controller, driver, ledger } = await setup(new FlakyDriver());
    const release = driver.slowOn();
    // Granted (it has its session) and the relay is switching on.
    const starting = statusWhere(controller, (s) => s.state === "starting" && s.session !== null);
    const start = controller.start({ region: "mid-back", seconds: 300 }, "test");
    expect(await starting).toMatchObject({ on: true, state: "starting" });
    await until(() => driver.onAsked > 0, "the relay to be asked to switch on");

    const stop = controller.stop("panel-1", "stopped");
    expect(controller.status()[0]).toMatchObject({ on: true, state: "stopping" });
    release();
    const started = await start;
    const finished = await stop;
    expect(started.ok).toBe(true);
    expect(finished).toMatchObject({ id: started.ok ? started.session.id : "", endReason: "stopped" });
    expect(finished!.deliveredSeconds).toBeLessThan(5);
    expect(driver.calls.map((c) => c.action)).toEqual(["off", "on", "off"]); // recover's off, then on, then at once off
    expect(driver.on_).toBe(false);
    expect(ledger.openSessions()).toEqual([]);
    expect(controller.status()[0]).toMatchObject({ on: false, state: "off" });
  });

  it("a stop during a switch-on that fails still ends the session once an off gets through", async () => {
    const { controller, driver, ledger } = await setup(new FlakyDriver());
    const release = driver.slowOn();
    driver.failOn = 1;
    const start = controller.start({ region: "mid-back", seconds: 300 }, "test");
    await until(() => controller.status()[0].session !== null, "the grant");
    const stop = controller.stop("panel-1", "stopped");
    release();
    expect(await start).toMatchObject({ ok: false, refusal: { code: "PANEL_UNREACHABLE" } });
    expect(await stop).toMatchObject({ endReason: "stopped" });
    expect(ledger.openSessions()).toEqual([]);
  });
});

describe("a failed ledger write never strands the panel", () => {
  it("answers LEDGER_UNAVAILABLE (not PANEL_BUSY) while the close cannot be written, and recovers by itself", async () => {
    const disk = fillableDisk(false);
    const { controller, driver, ledger, dir } = await setup(new FlakyDriver(), { write: disk.write });
    const started = await controller.start({ region: "mid-back", seconds: 300 }, "test");
    expect(started.ok).toBe(true);
    disk.full = true;
    const finished = await controller.stop("panel-1", "stopped");
    expect(finished).toMatchObject({ endReason: "stopped" });
    expect(driver.on_).toBe(false);
    expect(controller.status()[0]).toMatchObject({ on: false, state: "off" });

    const refused = await controller.start({ region: "neck-shoulders" }, "test");
    expect(refused).toMatchObject({ ok: false, refusal: { code: "LEDGER_UNAVAILABLE" } });
    if (!refused.ok)
      expect(refused.refusal.message).toMatch(/could not record the end of session .*ENOSPC.*keeps retrying.*Free some disk space/s);
    // Until it is on disk the session counts in full (conservative).
    expect(ledger.openSessions()).toHaveLength(1);
    expect(driver.calls.filter((c) => c.action === "on")).toHaveLength(1);

    disk.full = false;
    await until(() => ledger.openSessions().length === 0, "the close to be written");
    const onDisk = await readLedger(dir);
    expect(onDisk.sessions[0]).toMatchObject({ endReason: "stopped", deliveredSeconds: finished!.deliveredSeconds });
    expect((await controller.start({ region: "neck-shoulders", seconds: 60 }, "test")).ok).toBe(true);
    await controller.shutdown();
  });

  it("a red flag closes the gate at once even on a full disk; an acknowledgement waits until the withdrawal is on disk", async () => {
    const disk = fillableDisk(false);
    const { controller, ledger } = await setup(new FlakyDriver(), { write: disk.write });
    disk.full = true;
    const { withdrawnAt } = await controller.withdrawCaution("numbness", "test");
    expect(controller.caution.acknowledged()).toBe(false);
    expect(ledger.caution()?.withdrawnAt).toBeUndefined(); // not on disk yet
    await expect(controller.caution.acknowledge(1, "test")).rejects.toBeInstanceOf(LedgerUnavailableError);
    expect(controller.caution.acknowledged()).toBe(false);
    disk.full = false;
    await until(() => ledger.caution()?.withdrawnAt !== undefined, "the withdrawal to be written");
    // Written by a retry, with the time it was reported.
    expect(ledger.caution()?.withdrawnAt).toBe(withdrawnAt);
    await controller.caution.acknowledge(1, "test");
    expect(controller.caution.acknowledged()).toBe(true);
  });

  it.each([
    ["open", false],
    ["already closed by an earlier red flag", true],
  ])(
    "a red flag while an acknowledgement is being written wins (gate %s): it stays closed, and nothing switches on",
    async (_, closedBefore) => {
      const { dir, controller, ledger, driver } = await setup(new FlakyDriver());
      if (closedBefore) await controller.withdrawCaution("numbness", "test");
      // The red flag's record waits until released, behind the acknowledgement's.
      const writeWithdrawal = ledger.withdrawCaution.bind(ledger);
      let release!: () => void;
      const released = new Promise<void>((r) => {
        release = r;
      });
      ledger.withdrawCaution = async (...args) => {
        await released;
        return writeWithdrawal(...args);
      };
      const acknowledged = controller.caution.acknowledge(1, "dashboard");
      const withdrawal = controller.withdrawCaution("dizziness", "alexa");
      await acknowledged;
      expect(controller.caution.acknowledged()).toBe(false);
      expect(await controller.start({ region: "mid-back", seconds: 60 }, "test")).toMatchObject({
        ok: false,
        refusal: { code: "CAUTION_REQUIRED" },
      });
      release();
      await Promise.all((await withdrawal).stops);
      await until(async () => (await readLedger(dir)).caution?.withdrawnReason === "dizziness", "the red flag on disk");
      expect(controller.caution.acknowledged()).toBe(false);
      expect(driver.onAsked).toBe(0);
    },
  );

  it.each([
    ["lands after the red flag's record", true],
    ["is refused while the red flag's record is held up", false],
  ])("an acknowledgement after a red flag queued behind a slow write %s, never before it", async (_, released) => {
    const clock = new FakeClock(T0);
    const { dir, controller, ledger } = await setup(new FlakyDriver(), { clock });
    expect((await controller.start({ region: "mid-back", seconds: 60 }, "test")).ok).toBe(true);
    // The session's end is written slowly (an SD card): the red flag's record queues behind it.
    const finish = ledger.finish.bind(ledger);
    let release!: () => void;
    const slow = new Promise<void>((r) => {
      release = r;
    });
    let writing!: () => void;
    const finishWriting = new Promise<void>((r) => {
      writing = r;
    });
    ledger.finish = async (...args) => {
      writing();
      await slow;
      return finish(...args);
    };
    const stopped = controller.stop("panel-1", "stopped");
    await finishWriting;
    const withdrawal = controller.withdrawCaution("numbness", "alexa");
    const acknowledged = controller.caution.acknowledge(1, "dashboard");
    if (released) {
      release();
      await acknowledged;
      expect(controller.caution.acknowledged()).toBe(true);
    } else {
      let settled = false;
      acknowledged.catch(() => {}).finally(() => (settled = true));
      clock.advance(ACKNOWLEDGE_WAIT_MS - 1);
      await nextTurn();
      expect(settled).toBe(false); // still waiting for the red flag's record
      clock.advance(1);
      await expect(acknowledged).rejects.toThrow(/red flag reported moments ago is not saved yet/);
      expect(controller.caution.acknowledged()).toBe(false);
      release();
    }
    await Promise.all((await withdrawal).stops);
    await stopped;
    // What the disk says (and a restart would read) is what the bridge says.
    expect((await readLedger(dir)).caution?.withdrawnAt === undefined).toBe(released);
    expect(controller.caution.acknowledged()).toBe(released);
  });

  it("a start refused while the panel's session is being stopped is told to retry in a second, not the session's planned time", async () => {
    const { controller, driver } = await setup(new FlakyDriver());
    expect((await controller.start({ region: "mid-back", seconds: 300 }, "test")).ok).toBe(true);
    driver.failOff = Number.POSITIVE_INFINITY;
    const stop = controller.stop("panel-1", "stopped");
    expect(await controller.start({ region: "mid-back", seconds: 60 }, "test")).toMatchObject({
      ok: false,
      refusal: { code: "PANEL_BUSY", retryAfterSeconds: 1 },
    });
    driver.failOff = 0;
    await stop;
    await controller.shutdown();
  });

  it("on a full disk the ledger gives up its reserve so a session's end lands at once, but never for a start; the reserve comes back", async () => {
    const dir = await tempDir();
    const reserve = join(dir, RESERVE_FILE);
    // When full: a disk with no room left but what the reserve holds.
    let full = false;
    const write: LedgerWriter = async (path, text) => {
      if (full && existsSync(reserve)) throw diskFullError();
      await writeFileDurably(path, text);
    };
    const logs: string[] = [];
    const ledger = await Ledger.open(dir, { write, reserveBytes: 64 * 1024, log: (m) => logs.push(m) });
    expect((await stat(reserve)).size).toBe(64 * 1024);
    await ledger.acknowledgeCaution(1, "test");
    const driver = new FlakyDriver();
    const controller = new SessionController({
      config: makeConfig(fast),
      ledger,
      drivers: { "panel-1": driver },
      log: (m) => logs.push(m),
      offRetryMs: 20,
      ledgerRetryMs: 20,
    });
    await controller.recover();

    full = true;
    const refused = await controller.start({ region: "mid-back", seconds: 300 }, "test");
    expect(refused).toMatchObject({ ok: false, refusal: { code: "LEDGER_UNAVAILABLE" } });
    if (!refused.ok) expect(refused.refusal.message).toMatch(/disk is full.*ENOSPC.*reserve is kept.*Free some disk space/s);
    expect(driver.calls.filter((c) => c.action === "on")).toHaveLength(0);
    expect((await stat(reserve)).size).toBe(64 * 1024); // a start does not spend it

    full = false;
    const started = await controller.start({ region: "mid-back", seconds: 300 }, "test");
    expect(started.ok).toBe(true);
    full = true;
    const finished = await controller.stop("panel-1", "stopped");
    expect(existsSync(reserve)).toBe(false); // its end does
    expect(ledger.openSessions()).toEqual([]);
    expect((await readLedger(dir)).sessions).toMatchObject([{ endReason: "stopped", deliveredSeconds: finished!.deliveredSeconds }]);
    expect(logs.join("\n")).toMatch(/disk is full: the ledger's reserve .* was given up/);
    expect(controller.ledgerProblem()).toBeUndefined();

    full = false; // room again: the next change brings the reserve back, behind it
    expect((await controller.start({ region: "neck-shoulders", seconds: 60 }, "test")).ok).toBe(true);
    // The log line comes once the reserve is durable (its file appears a moment before).
    await until(() => logs.some((l) => /reserve .* is in place again/.test(l)), "the reserve to come back");
    expect((await stat(reserve)).size).toBe(64 * 1024);
    await controller.shutdown();
  });

  it("a bridge whose disk is full at start-up still starts, refuses with LEDGER_UNAVAILABLE, and closes the crashed session later", async () => {
    const dir = await tempDir();
    const first = await Ledger.open(dir);
    await first.acknowledgeCaution(1, "test");
    await first.begin(session("mid-back", Date.now() - 60_000, 600, { open: true }));
    const disk = fillableDisk(true);
    const ledger = await Ledger.open(dir, { write: disk.write });
    const driver = new FlakyDriver();
    driver.on_ = true; // the crash left it on
    const controller = new SessionController({
      config: makeConfig(fast),
      ledger,
      drivers: { "panel-1": driver },
      log: () => {},
      ledgerRetryMs: 20,
    });
    await controller.recover();
    expect(driver.on_).toBe(false);
    expect(await controller.start({ region: "neck-shoulders", seconds: 60 }, "test")).toMatchObject({
      ok: false,
      refusal: { code: "LEDGER_UNAVAILABLE" },
    });
    disk.full = false;
    await until(() => ledger.openSessions().length === 0, "the recovery close");
    expect(ledger.sessions()[0]).toMatchObject({ endReason: "recovered-after-restart", deliveredSeconds: 600 });
    expect((await controller.start({ region: "neck-shoulders", seconds: 60 }, "test")).ok).toBe(true);
    await controller.shutdown();
  });

  it("a write that fails on a full disk leaves the old file and no temp file behind", async () => {
    const dir = await tempDir();
    const path = join(dir, LEDGER_FILE);
    await writeFileDurably(path, "old");
    // The temp file lands on /dev/full: every write to it fails with a real ENOSPC.
    const tmp = `${path}.full.tmp`;
    await symlink("/dev/full", tmp);
    await expect(writeFileDurably(path, "new", { tmp })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(await readdir(dir)).toEqual([LEDGER_FILE]);
    expect(await readFile(path, "utf8")).toBe("old");
  });

  it("writes nothing when nothing changed (a restart with no open session)", async () => {
    const writes: string[] = [];
    const write: LedgerWriter = async (path, text) => {
      writes.push(text);
      await writeFileDurably(path, text);
    };
    const { dir } = await setup(new FlakyDriver(), { write });
    expect(writes).toHaveLength(1); // the acknowledgement in setup
    const again = await Ledger.open(dir, { write });
    const controller = new SessionController({
      config: makeConfig(fast),
      ledger: again,
      drivers: { "panel-1": new FlakyDriver() },
      log: () => {},
    });
    await controller.recover();
    await controller.shutdown();
    expect(writes).toHaveLength(1);
  });
});

describe("a press at the device is switched off and counted", () => {
  it("switches a relay found on outside a session off at the next poll and books its light as a manual session", async () => {
    const driver = new SimulatedDriver("panel-1", { log: () => {} });
    const clock = new FakeClock(Date.now());
    const { controller, ledger } = await setup(driver, { clock });
    expect(driver.failSafes).toEqual({ maxSessionSeconds: 600 });
    const before = controller.dose().onSeconds24h;
    await driver.press();
    clock.advance(300);
    await controller.pollPanel("panel-1");
    expect(driver.isOn).toBe(false);
    const [manual] = ledger.sessions();
    expect(manual).toMatchObject({ source: "manual", region: "low-back-hips", panelId: "panel-1", endReason: "manual-switched-off" });
    expect(manual.deliveredSeconds).toBeGreaterThanOrEqual(0.3);
    expect(manual.deliveredSeconds).toBeLessThan(PANEL_POLL_MS / 1000 + 5);
    expect(controller.dose().onSeconds24h).toBeCloseTo(before + manual.deliveredSeconds!, 3);
    expect(controller.history(1)[0]).toMatchObject({ source: "manual" });
    // The poll interval keeps a press to at most one poll (2 s) plus the switch-off.
    expect(PANEL_POLL_MS).toBeLessThanOrEqual(2000);
  });

  it("charges a press at the device to the panel's defaultPerson", async () => {
    const driver = new SimulatedDriver("panel-1", { log: () => {} });
    const people = [
      { id: "anna", name: "Anna" },
      { id: "ben", name: "Ben" },
    ];
    const { controller, ledger } = await setup(driver, {
      config: { ...fast, people, panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }] },
    });
    await driver.press();
    await controller.pollPanel("panel-1");
    expect(ledger.sessions()[0]).toMatchObject({ source: "manual", person: "ben" });
    expect(controller.history(1)[0]).toMatchObject({ source: "manual", person: "ben" });
    expect(controller.history(1, "anna")).toEqual([]);
    expect(controller.dose({ person: "ben" }).regions["low-back-hips"].sessions24h).toBe(1);
    expect(controller.dose({ person: "anna" }).regions["low-back-hips"].sessions24h).toBe(0);
  });

  it("reports a panel that draws power while switched off as a fault, and clears it", async () => {
    const driver = new SimulatedDriver("panel-1", { log: () => {} });
    const { controller } = await setup(driver);
    driver.setPowerW(45);
    await controller.pollPanel("panel-1");
    expect(controller.status()[0].fault).toMatch(/draws 45 W while switched off/);
    driver.setPowerW(0.4);
    await controller.pollPanel("panel-1");
    expect(controller.status()[0].fault).toBeNull();
  });

  it("with a Shelly: arms its own fail-safes at start-up and again when it comes back, and a press is switched off and counted", async () => {
    const shelly = await startFakeShelly({ metering: true });
    try {
      const driver = new ShellyDriver({ kind: "shelly", url: shelly.url, switchId: 0, timeoutMs: 500 });
      const { controller, ledger } = await setup(driver, { config: { ...fast, dose: { ...fast.dose, maxSessionSeconds: 900 } } });
      expect(shelly.state().config).toMatchObject({ initial_state: "off", auto_off: true, auto_off_delay: 900 });

      shelly.press();
      await controller.pollPanel("panel-1");
      expect(shelly.state().output).toBe(false);
      expect(ledger.sessions().filter((s) => s.source === "manual")).toHaveLength(1);

      // The device is replaced (factory settings) while unreachable; when it answers, they are set again.
      shelly.setDown(true);
      await controller.pollPanel("panel-1");
      expect(controller.status()[0].reachable).toBe(false);
      Object.assign(shelly.state().config, { initial_state: "restore_last", auto_off: false });
      shelly.setDown(false);
      await controller.pollPanel("panel-1");
      expect(controller.status()[0].reachable).toBe(true);
      expect(shelly.state().config).toMatchObject({ initial_state: "off", auto_off: true, auto_off_delay: 900 });

      shelly.setPowerW(60);
      await controller.pollPanel("panel-1");
      expect(controller.status()[0].fault).toMatch(/60 W while switched off/);
      await controller.shutdown();
    } finally {
      await shelly.close();
    }
  });
});

describe("the press watch", () => {
  it("reads every relay every PANEL_POLL_MS on the bridge's clock from watchPresses() until the shutdown", async () => {
    const driver = new SimulatedDriver("panel-1", { log: () => {} });
    const clock = new FakeClock(Date.now());
    const { controller, ledger } = await setup(driver, { clock });
    expect(clock.pending).toBe(0); // nothing polls before the bridge starts the watch
    controller.watchPresses();
    expect(clock.pending).toBe(1);
    await driver.press();
    clock.advance(PANEL_POLL_MS - 1);
    expect(driver.isOn).toBe(true);
    clock.advance(1);
    await until(() => ledger.sessions().length === 1, "the press to be booked");
    expect(driver.isOn).toBe(false);
    expect(ledger.sessions()[0]).toMatchObject({
      source: "manual",
      endReason: "manual-switched-off",
      deliveredSeconds: PANEL_POLL_MS / 1000,
    });
    await controller.shutdown();
    expect(clock.pending).toBe(0);
    await driver.press();
    clock.advance(10 * PANEL_POLL_MS);
    expect(driver.isOn).toBe(true);
  });
});

describe("each panel is polled on its own", () => {
  it("a panel whose switch-off keeps failing does not hold up a press on another", async () => {
    const a = new FlakyDriver();
    const b = new SimulatedDriver("b", { log: () => {} });
    const { ledger, controller } = await setup({ a, b });
    a.on_ = true; // pressed at the device, and it will not switch off (though it answers status)
    a.failOff = 1_000_000;
    a.status = async () => ({ on: a.on_, reachable: true });
    const stuck = controller.pollPanel("a");
    await b.press();
    await controller.pollPanel("b");
    expect(b.isOn).toBe(false);
    expect(ledger.sessions().map((s) => [s.panelId, s.source])).toEqual([["b", "manual"]]);
    a.failOff = 0;
    await stuck;
    expect(
      ledger
        .sessions()
        .map((s) => s.panelId)
        .sort(),
    ).toEqual(["a", "b"]);
  });
});

describe("the switch-off at start-up", () => {
  it("while it is still being retried no session starts, so the retry cannot cut one short", async () => {
    const driver = new FlakyDriver();
    driver.failOff = 3;
    const dir = await tempDir();
    const ledger = await Ledger.open(dir);
    await ledger.acknowledgeCaution(1, "test");
    const controller = new SessionController({
      config: makeConfig(fast),
      ledger,
      drivers: { "panel-1": driver },
      log: () => {},
      offRetryMs: 30,
    });
    await controller.recover();
    expect(await controller.start({ region: "mid-back", seconds: 60 }, "test")).toMatchObject({
      ok: false,
      refusal: { code: "PANEL_UNREACHABLE" },
    });
    await until(() => driver.calls.some((c) => c.action === "off" && c.ok), "the retried off");
    expect((await controller.start({ region: "mid-back", seconds: 60 }, "test")).ok).toBe(true);
    expect(driver.on_).toBe(true);
    await controller.shutdown();
  });
});

describe("/v1/panels truth while switching off", () => {
  it("shows the panel as on (stopping) while its switch-off is retried", async () => {
    const { controller, driver } = await setup(new FlakyDriver());
    expect((await controller.start({ region: "mid-back", seconds: 300 }, "test")).ok).toBe(true);
    driver.failOff = 1000;
    const stop = controller.stop("panel-1", "stopped");
    await until(() => driver.calls.filter((c) => c.action === "off" && !c.ok).length >= 2, "two failed offs");
    expect(controller.status()[0]).toMatchObject({ on: true, state: "stopping", reachable: false });
    driver.failOff = 0;
    await stop;
    expect(controller.status()[0]).toMatchObject({ on: false, state: "off" });
  });
});
