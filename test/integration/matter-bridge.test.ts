/**
 * The panel as a Matter device, driven by a real matter.js controller commissioning the bridge over
 * UDP on 127.0.0.1. Assertions are on what the panel driver did, not only on attributes. The bridge
 * runs on a fake clock: a session's time passes when the test moves it, and the driver's actions
 * carry that clock's time.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { NodeId } from "@matter/main/types";
import type { CommissioningController } from "@project-chip/matter.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { type RunningMatterNode, startMatterNode } from "../../matter-bridge/matter/node.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { advanceUntilSeen, FakeClock } from "../helpers/fake-clock.js";
import { commission, connect, onOffClient, startController } from "../helpers/matter-controller.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until, untilValue } from "../helpers/until.js";

// Second-scale limits: low back 2 s by default, 3 s per session, 10 s worth of light per 24 h.
const config = makeConfig({
  // Two people: a plain Matter On is for the panel's defaultPerson (Ben).
  people: [
    { id: "anna", name: "Anna" },
    { id: "ben", name: "Ben" },
  ],
  panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }],
  dose: { maxSessionSeconds: 3, minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxRegionFluencePer24hJPerCm2: 0.24 },
  regions: { "low-back-hips": { defaultSeconds: 2 } },
});
const PASSCODE = 20202021;
const DISCRIMINATOR = 3840;
/** The bridge's time (deadlines, the ledger, the driver's action times); the controller's network runs on real time. */
const clock = new FakeClock(Date.now());

interface Bridge {
  driver: SimulatedDriver;
  controller: SessionController;
  ledger: Ledger;
  matter: RunningMatterNode;
}

let storage: string;
let port: number;
let bridge: Bridge;
let client: CommissioningController;
let nodeId: NodeId;
const numbers: Record<string, number> = {};

async function startBridge(): Promise<Bridge> {
  const t0 = performance.now();
  const ledger = await Ledger.open(storage, { clock });
  const driver = new SimulatedDriver("panel-1", { log: () => {}, time: clock });
  const controller = new SessionController({ config, ledger, drivers: { "panel-1": driver }, log: () => {}, clock });
  await controller.recover();
  const matter = await startMatterNode({ controller, config, storageDir: storage, port, passcode: PASSCODE, discriminator: DISCRIMINATOR });
  numbers.startupMs = performance.now() - t0;
  return { driver, controller, ledger, matter };
}

async function stopBridge(b: Bridge) {
  await b.controller.shutdown();
  await b.matter.close();
}

/** Polls until `read` gives `expected` (state follows the driver within milliseconds). */
const eventually = <T>(read: () => Promise<T>, expected: T, timeoutMs = 2000): Promise<T> =>
  untilValue(read, (value) => value === expected, `the attribute to read ${expected}`, timeoutMs, 20);

/** Waits until the last session is closed in the ledger, so the next test starts from idle. */
async function idle() {
  await until(() => bridge.controller.panelState("panel-1") === "off", "the panel to be idle", 5000, 5);
}

/** The driver's action number `count` (1-based), once it happened (without the clock moving). */
async function nextAction(driver: SimulatedDriver, count: number) {
  await until(() => driver.actions.length >= count, `the driver's action ${count}`, 6000, 5);
  return driver.actions[count - 1];
}

/** The driver's action number `count`, moving the bridge's clock until it happens (a deadline's switch-off). */
async function actionInTime(driver: SimulatedDriver, count: number) {
  await advanceUntilSeen(clock, () => driver.actions.length >= count, `the driver's action ${count}`);
  return driver.actions[count - 1];
}

beforeAll(async () => {
  storage = await tempDir();
  port = await freeUdpPort();
  bridge = await startBridge();
  await bridge.ledger.acknowledgeCaution(1, "test");
  client = await startController(join(storage, "controller"));
  const result = await commission(client, port, PASSCODE, DISCRIMINATOR);
  nodeId = result.nodeId;
  numbers.commissioningMs = result.commissioningMs;
}, 60_000);

afterAll(async () => {
  // The bridge first, while the controller still listens: closed the other way round, the node's
  // close may wait for the gone controller's session.
  if (bridge) await stopBridge(bridge);
  await client?.close();
  console.log(`matter numbers: ${JSON.stringify(Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, Math.round(v)])))}`);
});
/** Below the afterAll above (hooks run in order): the storage goes once the bridge in it is closed. */
const tempDir = tempDirs("biolight-matter-");

describe("the panel as a Matter device", () => {
  it("On switches the panel on for the region's default time, then off", async () => {
    const node = await connect(client, nodeId);
    const onOff = onOffClient(node);
    await idle();
    const before = bridge.driver.actions.length;
    const sent = performance.now();
    await onOff.on();
    // Real time to the command's answer: the relay is switched on before it (the driver's times are the fake clock's).
    numbers.commandToDriverMs = performance.now() - sent;
    const on = await nextAction(bridge.driver, before + 1);
    expect(on).toMatchObject({ action: "on", seconds: 2 });
    expect(await onOff.getOnOffAttribute(true)).toBe(true);
    const onTime = await onOff.getOnTimeAttribute(true);
    expect(onTime).toBeGreaterThan(0);
    expect(onTime).toBeLessThanOrEqual(20);
    const off = await actionInTime(bridge.driver, before + 2);
    expect(off.action).toBe("off");
    numbers.offErrorMs = off.at - on.at - 2000;
    // At its 2 s, not early and not at the 3 s cap (bounds a busy machine keeps: no tighter timing asserted).
    expect(numbers.offErrorMs).toBeGreaterThanOrEqual(-50);
    expect(numbers.offErrorMs).toBeLessThan(900);
    expect(await eventually(() => onOff.getOnOffAttribute(true), false)).toBe(false);
    expect(bridge.ledger.sessions().at(-1)).toMatchObject({ source: "matter", person: "ben" });
  });

  it("OnWithTimedOff beyond the cap is clamped to the grant", async () => {
    const onOff = onOffClient(await connect(client, nodeId));
    await idle();
    const before = bridge.driver.actions.length;
    await onOff.onWithTimedOff({ onOffControl: { acceptOnlyWhenOn: false }, onTime: 1000, offWaitTime: 0 });
    const on = await nextAction(bridge.driver, before + 1);
    expect(on).toMatchObject({ action: "on", seconds: 3 });
    const onTime = await onOff.getOnTimeAttribute(true);
    expect(onTime).toBeLessThanOrEqual(30);
    expect(onTime).toBeGreaterThan(10);
    const off = await actionInTime(bridge.driver, before + 2);
    expect(off.at - on.at).toBeGreaterThanOrEqual(2950);
    expect(off.at - on.at).toBeLessThan(3900); // the 3 s grant, not the 100 s asked for
  });

  it("OnTime and OffWaitTime writes of 0xFFFF cannot hold the panel on", async () => {
    const onOff = onOffClient(await connect(client, nodeId));
    await idle();
    const before = bridge.driver.actions.length;
    await onOff.on();
    const on = await nextAction(bridge.driver, before + 1);
    await onOff.setOnTimeAttribute(0xffff);
    await onOff.setOffWaitTimeAttribute(0xffff);
    const off = await actionInTime(bridge.driver, before + 2);
    expect(off.action).toBe("off");
    expect(off.at - on.at).toBeLessThan(2900); // the session's own 2 s
    expect(bridge.controller.isOn("panel-1")).toBe(false);
  });

  it("a smaller OnTime write shortens the session", async () => {
    const onOff = onOffClient(await connect(client, nodeId));
    await idle();
    const before = bridge.driver.actions.length;
    await onOff.on();
    const on = await nextAction(bridge.driver, before + 1);
    await onOff.setOnTimeAttribute(5); // half a second
    const off = await actionInTime(bridge.driver, before + 2);
    expect(off.at - on.at).toBeLessThan(1900); // shorter than the session's 2 s
  });

  it("Off ends the session early and the ledger records what was delivered", async () => {
    const onOff = onOffClient(await connect(client, nodeId));
    await idle();
    const before = bridge.driver.actions.length;
    await onOff.on();
    await nextAction(bridge.driver, before + 1);
    clock.advance(500);
    await onOff.off();
    expect(bridge.driver.actions[before + 1].action).toBe("off");
    const last = bridge.ledger.sessions().at(-1)!;
    expect(last.endReason).toBe("matter-off");
    expect(last.deliveredSeconds).toBeGreaterThan(0.4);
    expect(last.deliveredSeconds).toBeLessThan(2); // less than the planned 2 s
  });

  it("Off while a slow relay is still switching on wins: the panel is switched off as soon as the relay answers", async () => {
    const onOff = onOffClient(await connect(client, nodeId));
    await idle();
    const before = bridge.driver.actions.length;
    const release = bridge.driver.slowOn();
    const on = onOff.on();
    await until(() => bridge.controller.panelState("panel-1") === "starting", "the start", 5000, 5);
    // matter.js runs the Off once the On command's handler is done, i.e. once the relay answered (the
    // controller itself sends its invokes one batch at a time, the Off after the On's answer).
    const off = onOff.off();
    release();
    await Promise.all([on, off]);
    // The clock moves meanwhile: an Off that did not win would leave the session to its 2 s deadline.
    await advanceUntilSeen(clock, () => bridge.driver.actions.length >= before + 2, "the switch-off");
    await idle();
    const [switchedOn, switchedOff] = bridge.driver.actions.slice(before);
    expect([switchedOn.action, switchedOff.action]).toEqual(["on", "off"]);
    expect(switchedOff.at - switchedOn.at).toBeLessThan(1000); // not the session's 2 s
    expect(bridge.driver.isOn).toBe(false);
    expect(bridge.ledger.sessions().at(-1)!.endReason).toBe("matter-off");
    expect(await eventually(() => onOff.getOnOffAttribute(), false)).toBe(false);
  });

  it("Toggle after the region's dose is spent is refused and the panel stays off", async () => {
    const onOff = onOffClient(await connect(client, nodeId));
    // Spend what is left of the low-back dose through the controller, as an automation would.
    while (bridge.controller.dose().regions["low-back-hips"].remainingFluenceJPerCm2 >= 0.024) {
      const out = await bridge.controller.start({ region: "low-back-hips", seconds: 3 }, "test");
      if (!out.ok) break;
      clock.advance(500);
      await bridge.controller.stop("panel-1", "test");
    }
    await idle();
    // The Toggle decides from the controller (off: an On), whatever OnOff still reads; it has caught up here anyway.
    expect(await eventually(() => onOff.getOnOffAttribute(true), false)).toBe(false);
    const before = bridge.driver.actions.length;
    await expect(onOff.toggle()).rejects.toThrow(/non-success result: 1/);
    // Past any session's time on the bridge's clock, and a later read's answer: nothing switched on meanwhile.
    clock.advance(3000);
    expect(await onOff.getOnOffAttribute(true)).toBe(false);
    expect(bridge.driver.actions.length).toBe(before);
  });

  it("the controller reconnects after a bridge restart (fabric persisted) and the dose still counts", async () => {
    await stopBridge(bridge);
    bridge = await startBridge();
    expect(bridge.driver.actions[0].action).toBe("off"); // panel commanded off at start-up
    const node = await connect(client, nodeId);
    const onOff = onOffClient(node);
    expect(await onOff.getOnOffAttribute(true)).toBe(false);
    await expect(onOff.on()).rejects.toThrow(/non-success result: 1/);
    expect(bridge.driver.actions.filter((a) => a.action === "on")).toEqual([]);
    await onOff.off(); // an accepted command over the persisted fabric
    expect(bridge.driver.actions.filter((a) => a.action === "on")).toEqual([]);
  }, 30_000);
});
