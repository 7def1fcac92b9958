/**
 * The panel endpoint follows the session controller by itself (no outside mirror): reachability, the
 * OnTime read-out counting down while on, and a controller's OnTime writes told from the bridge's own
 * updates by the write's context, not by its value. Driven by a real matter.js controller
 * commissioning the bridge over UDP on 127.0.0.1; assertions are on what the panel driver did. The
 * bridge runs on a fake clock the test moves (deadlines, retries, the time left); the OnTime read-out
 * ticks on matter.js's own time, once a real second.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { ActionContext } from "@matter/main";
import { hasRemoteActor } from "@matter/main/protocol";
import type { NodeId } from "@matter/main/types";
import type { CommissioningController } from "@project-chip/matter.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { type RunningMatterNode, startMatterNode } from "../../matter-bridge/matter/node.js";
import { PanelOnOffServer } from "../../matter-bridge/matter/panel-onoff.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { advanceUntilSeen, FakeClock } from "../helpers/fake-clock.js";
import { bridgedInfoClient, commission, connect, onOffClient, startController } from "../helpers/matter-controller.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until, untilValue } from "../helpers/until.js";

// Sessions of 3 s by default.
const config = makeConfig({
  dose: { maxSessionSeconds: 10, minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionsPerRegionPer7d: 20 },
  regions: { "low-back-hips": { defaultSeconds: 3 } },
});
const PASSCODE = 20202021;
const DISCRIMINATOR = 3842;
/** The bridge's time (deadlines, retries, the ledger, the driver's action times). */
const clock = new FakeClock(Date.now());

let storage: string;
let driver: SimulatedDriver;
let controller: SessionController;
let matter: RunningMatterNode;
let client: CommissioningController;
let nodeId: NodeId;

/** Every change of the endpoint's OnTime, and whether matter.js says a controller wrote it. */
const onTimeChanges: Array<{ value: number | null; byController: boolean }> = [];
const byController = (context?: ActionContext) => hasRemoteActor(context) && !context.command;

async function panel() {
  const node = await connect(client, nodeId);
  return { onOff: onOffClient(node), info: bridgedInfoClient(node) };
}

/** The driver's action number `count` (1-based), once it happened (without the clock moving). */
async function action(count: number) {
  await until(() => driver.actions.length >= count, `the driver's action ${count}`, 6000, 5);
  return driver.actions[count - 1];
}

/** The driver's action number `count`, moving the bridge's clock until it happens (a deadline, a retry). */
async function actionInTime(count: number) {
  await advanceUntilSeen(clock, () => driver.actions.length >= count, `the driver's action ${count}`);
  return driver.actions[count - 1];
}

async function idle() {
  await until(() => controller.panelState("panel-1") === "off", "the panel to be idle", 5000, 5);
}

beforeAll(async () => {
  storage = await tempDir();
  const port = await freeUdpPort();
  const ledger = await Ledger.open(storage, { clock });
  await ledger.acknowledgeCaution(1, "test");
  driver = new SimulatedDriver("panel-1", { log: () => {}, time: clock });
  driver.setReachable(false); // the panel does not answer at start-up
  controller = new SessionController({ config, ledger, drivers: { "panel-1": driver }, log: () => {}, clock });
  await controller.recover();
  matter = await startMatterNode({ controller, config, storageDir: storage, port, passcode: PASSCODE, discriminator: DISCRIMINATOR });
  const endpoint = matter.node.parts.require("aggregator").parts.require("panel-panel-1");
  endpoint.eventsOf(PanelOnOffServer).onTime$Changed.on((value, _old, context) => {
    onTimeChanges.push({ value, byController: byController(context) });
  });
  client = await startController(join(storage, "controller"));
  nodeId = (await commission(client, port, PASSCODE, DISCRIMINATOR)).nodeId;
}, 60_000);

afterEach(() => {
  jest.restoreAllMocks();
});

afterAll(async () => {
  // The bridge first, while the controller still listens: closed the other way round, the node's
  // close may wait for the gone controller's session.
  await controller?.shutdown();
  await matter?.close();
  await client?.close();
});
/** Below the afterAll above (hooks run in order): the storage goes once the bridge in it is closed. */
const tempDir = tempDirs("biolight-panel-state-");

describe("the panel endpoint follows the session controller", () => {
  it("a panel that did not answer at start-up reads unreachable, and reachable once it answers", async () => {
    const { info } = await panel();
    expect(await info.getReachableAttribute(true)).toBe(false);
    const before = driver.actions.length;
    driver.setReachable(true);
    await controller.pollPanel("panel-1");
    expect(
      await untilValue(
        () => info.getReachableAttribute(true),
        (r) => r,
        "Reachable to read true",
        3000,
        20,
      ),
    ).toBe(true);
    // The start-up switch-off, retried until the panel answers, lands before any session starts.
    expect(await actionInTime(before + 1)).toMatchObject({ action: "off" });
  });

  it("OnTime counts down once a second while on, written in the bridge's own context, and the session runs its full time", async () => {
    const { onOff } = await panel();
    const shorten = jest.spyOn(controller, "shorten");
    const before = driver.actions.length;
    const from = onTimeChanges.length;
    await onOff.on();
    const on = await action(before + 1);
    expect(on).toMatchObject({ action: "on", seconds: 3 });
    const first = await onOff.getOnTimeAttribute(true);
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThanOrEqual(30);
    // Two ticks of the read-out, seen by a controller: a second of the bridge's time passes before each.
    clock.advance(1000);
    await untilValue(
      () => onOff.getOnTimeAttribute(true),
      (t) => t <= first - 5,
      "the first tick of OnTime",
      3000,
      20,
    );
    clock.advance(1000);
    expect(
      await untilValue(
        () => onOff.getOnTimeAttribute(true),
        (t) => t <= first - 15,
        "the second tick of OnTime",
        3000,
        20,
      ),
    ).toBeLessThanOrEqual(first - 15);
    const off = await actionInTime(before + 2);
    expect(off.action).toBe("off");
    expect(off.at - on.at).toBeGreaterThanOrEqual(2950);
    expect(off.at - on.at).toBeLessThan(3300);
    expect(
      await untilValue(
        () => onOff.getOnTimeAttribute(true),
        (t) => t === 0,
        "OnTime to read 0 after the session",
        3000,
        20,
      ),
    ).toBe(0);

    // A controller may read a value before matter.js has told the observers of its change.
    const changes = await untilValue(
      async () => onTimeChanges.slice(from),
      (seen) => seen.at(-1)?.value === 0,
      "the endpoint's OnTime change to 0",
      3000,
      20,
    );
    expect(changes.length).toBeGreaterThanOrEqual(4); // on, two ticks or more, off
    expect(changes.filter((c) => c.byController)).toEqual([]);
    expect(shorten).not.toHaveBeenCalled();
  });

  it("a controller's OnTime of 0, 0xFFFF or longer than the time left is refused: the read-out is restored and the session is not held or extended", async () => {
    const { onOff } = await panel();
    await idle();
    const shorten = jest.spyOn(controller, "shorten");
    const before = driver.actions.length;
    const from = onTimeChanges.length;
    await onOff.on();
    const on = await action(before + 1);
    const left = () => Math.ceil(controller.remainingSeconds("panel-1") * 10);
    for (const written of [600, 0xffff, 0, left() + 5]) {
      await onOff.setOnTimeAttribute(written);
      const shown = await untilValue(
        () => onOff.getOnTimeAttribute(true),
        (t) => t !== written && t > 0 && t <= 30,
        `OnTime restored after writing ${written}`,
        3000,
        20,
      );
      expect(shown).not.toBe(written);
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThanOrEqual(30);
      expect(controller.isOn("panel-1")).toBe(true);
    }
    const off = await actionInTime(before + 2);
    expect(off.action).toBe("off");
    expect(off.at - on.at).toBeGreaterThanOrEqual(2950);
    expect(off.at - on.at).toBeLessThan(3300);
    expect(shorten).not.toHaveBeenCalled();
    // The four writes, and nothing the bridge wrote, came from the controller.
    expect(
      onTimeChanges
        .slice(from)
        .filter((c) => c.byController)
        .map((c) => c.value),
    ).toEqual([600, 0xffff, 0, expect.any(Number)]);
  });

  it("a controller's OnTime shorter than the time left shortens the session, once", async () => {
    const { onOff } = await panel();
    await idle();
    const shorten = jest.spyOn(controller, "shorten");
    const before = driver.actions.length;
    await onOff.on();
    await action(before + 1);
    const sent = clock.now();
    await onOff.setOnTimeAttribute(5); // half a second
    const off = await actionInTime(before + 2);
    expect(off.action).toBe("off");
    expect(off.at - sent).toBeLessThan(2000); // about 0.5 s: well before the ~3 s the session had left
    expect(shorten).toHaveBeenCalledTimes(1);
    expect(shorten).toHaveBeenCalledWith("panel-1", 0.5);
  });

  it("writing OnTime while off switches nothing on and reads 0 again", async () => {
    const { onOff } = await panel();
    await idle();
    const before = driver.actions.length;
    await onOff.setOnTimeAttribute(100);
    expect(
      await untilValue(
        () => onOff.getOnTimeAttribute(true),
        (t) => t === 0,
        "OnTime to read 0 again",
        3000,
        20,
      ),
    ).toBe(0);
    expect(await onOff.getOnOffAttribute(true)).toBe(false);
    expect(driver.actions.slice(before)).toEqual([]);
  });
});
