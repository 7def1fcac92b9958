/**
 * Scenes on the panel, driven by a real matter.js controller commissioning the bridge over UDP on
 * 127.0.0.1. Scenes Management is mandatory for On/Off Plug-in Units and On/Off Lights, so the
 * panel keeps it; a recall must go through the dose guard like any other "on", report a refusal to
 * the controller, and leave nothing pending that could switch the panel on after a later Off.
 * Assertions are on what the panel driver did, not only on attributes. Waiting out a transition
 * follows matter.js's own timers (test/helpers/matter-timers.ts), not a sleep.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { GroupId, type NodeId } from "@matter/main/types";
import type { CommissioningController } from "@project-chip/matter.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { type RunningMatterNode, startMatterNode } from "../../matter-bridge/matter/node.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import {
  commission,
  connect,
  onOffClient,
  onOffSceneFields,
  scenesClient,
  serverClusterIds,
  startController,
} from "../helpers/matter-controller.js";
import { watchMatterTimers } from "../helpers/matter-timers.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

// Sessions of 5 s by default (every test ends them early with Off); a weekly session limit the
// last test uses up.
const config = makeConfig({
  dose: { maxSessionSeconds: 10, minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionsPerRegionPer7d: 20 },
  regions: { "low-back-hips": { defaultSeconds: 5 } },
});
const PASSCODE = 20202021;
const DISCRIMINATOR = 3841;
const GROUP = GroupId(0);
/** Scene ids: an "on" scene added by the controller, one stored while on, an "off" scene. */
const ADDED_ON = 1;
const STORED_ON = 2;
const ADDED_OFF = 3;
/** A scene transition: short, but long enough that a deferred "on" would land after the Off. */
const TRANSITION_MS = 1000;
const REFUSED = /non-success result: 1\b/;

let storage: string;
let driver: SimulatedDriver;
let controller: SessionController;
let ledger: Ledger;
let matter: RunningMatterNode;
let client: CommissioningController;
let nodeId: NodeId;
/** The matter.js timers a test's recall armed (stopped after each test, should it fail first). */
let timers: ReturnType<typeof watchMatterTimers> | undefined;

const ons = () => driver.actions.filter((a) => a.action === "on").length;

/**
 * Waits until the session is closed in the ledger and the endpoint reads off: the bridge mirrors the
 * controller's state into the endpoint just after a command's own update, and a recall must find the
 * panel off (matter.js defers an "on" only when OnOff is false).
 */
async function settledOff(onOff: Awaited<ReturnType<typeof panel>>["onOff"], timeoutMs = 2000) {
  await until(() => controller.panelState("panel-1") === "off", "the session to close", timeoutMs, 5);
  await until(async () => !(await onOff.getOnOffAttribute(true)), "OnOff to read off", timeoutMs, 20);
}

async function panel() {
  const node = await connect(client, nodeId);
  return { onOff: onOffClient(node), scenes: scenesClient(node), node };
}

beforeAll(async () => {
  storage = await tempDir();
  const port = await freeUdpPort();
  ledger = await Ledger.open(storage);
  driver = new SimulatedDriver("panel-1", { log: () => {} });
  controller = new SessionController({ config, ledger, drivers: { "panel-1": driver }, log: () => {} });
  await controller.recover();
  matter = await startMatterNode({ controller, config, storageDir: storage, port, passcode: PASSCODE, discriminator: DISCRIMINATOR });
  // The caution is NOT acknowledged yet: the first tests see the guard refuse.
  client = await startController(join(storage, "controller"));
  nodeId = (await commission(client, port, PASSCODE, DISCRIMINATOR)).nodeId;
}, 60_000);

afterEach(() => timers?.stop());

afterAll(async () => {
  // The bridge first, while the controller still listens: closed the other way round, the node's
  // close may wait for the gone controller's session.
  await controller?.shutdown();
  await matter?.close();
  await client?.close();
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-scenes-");

describe("scenes on the panel", () => {
  it("keeps the Scenes Management cluster the device type requires (and Groups)", async () => {
    const { node } = await panel();
    const ids = await serverClusterIds(node);
    expect(ids).toEqual(expect.arrayContaining([0x0004, 0x0006, 0x0062]));
  });

  it("a recall the guard refuses (caution not acknowledged) fails at the controller and nothing switches on later", async () => {
    const { scenes } = await panel();
    const added = await scenes.addScene({
      groupId: GROUP,
      sceneId: ADDED_ON,
      transitionTime: 0,
      sceneName: "on",
      extensionFieldSetStructs: onOffSceneFields(true),
    });
    expect(added.status).toBe(0);
    const before = driver.actions.length;
    timers = watchMatterTimers();
    await expect(scenes.recallScene({ groupId: GROUP, sceneId: ADDED_ON })).rejects.toThrow(REFUSED);
    await expect(scenes.recallScene({ groupId: GROUP, sceneId: ADDED_ON, transitionTime: TRANSITION_MS })).rejects.toThrow(REFUSED);
    // Waiting out the transition is the point: a deferred "on" would have fired once matter.js's timers have.
    await timers.settled(TRANSITION_MS);
    expect(driver.actions.slice(before)).toEqual([]);
    expect(controller.panelState("panel-1") !== "off").toBe(false);
  });

  it("OnWithRecallGlobalScene is refused the same way", async () => {
    const { onOff } = await panel();
    const before = driver.actions.length;
    await onOff.offWithEffect({ effectIdentifier: 0, effectVariant: 0 }); // GlobalSceneControl := false
    await expect(onOff.onWithRecallGlobalScene()).rejects.toThrow(REFUSED);
    expect(driver.actions.slice(before).filter((a) => a.action === "on")).toEqual([]);
    expect(await onOff.getOnOffAttribute(true)).toBe(false);
  });

  it("a recall with a transition time switches on at once through the guard, and a later Off leaves the panel off", async () => {
    await ledger.acknowledgeCaution(1, "test");
    const { onOff, scenes } = await panel();
    // Store a scene while on (what a controller's "save scene" does), then switch off.
    await onOff.on();
    expect(ons()).toBe(1);
    const stored = await scenes.storeScene({ groupId: GROUP, sceneId: STORED_ON });
    expect(stored.status).toBe(0);
    await onOff.off();
    expect(driver.actions.at(-1)?.action).toBe("off");
    await settledOff(onOff);

    const before = driver.actions.length;
    timers = watchMatterTimers();
    await scenes.recallScene({ groupId: GROUP, sceneId: STORED_ON, transitionTime: TRANSITION_MS });
    // Switched on before the command's response, by a session the guard granted.
    expect(driver.actions.slice(before)).toMatchObject([{ action: "on", seconds: 5 }]);
    expect(ledger.sessions().at(-1)).toMatchObject({ source: "matter-scene", plannedSeconds: 5 });
    expect(await onOff.getOnOffAttribute(true)).toBe(true);

    await onOff.off();
    const afterOff = driver.actions.length;
    expect(driver.actions.at(-1)?.action).toBe("off");
    // Waiting out the transition is the point: matter.js would have applied the deferred "on" once its timers have run.
    await timers.settled(TRANSITION_MS);
    expect(driver.actions.slice(afterOff)).toEqual([]);
    expect(controller.panelState("panel-1") !== "off").toBe(false);
    expect(await onOff.getOnOffAttribute(true)).toBe(false);
  });

  it("the same when the scene was added with its own transition time, recalled while off", async () => {
    const { onOff, scenes } = await panel();
    await settledOff(onOff);
    await scenes.addScene({
      groupId: GROUP,
      sceneId: ADDED_ON,
      transitionTime: TRANSITION_MS,
      sceneName: "slow on",
      extensionFieldSetStructs: onOffSceneFields(true),
    });
    const before = driver.actions.length;
    timers = watchMatterTimers();
    await scenes.recallScene({ groupId: GROUP, sceneId: ADDED_ON }); // uses the scene's transition time
    expect(driver.actions.slice(before)).toMatchObject([{ action: "on" }]);
    await onOff.off();
    const afterOff = driver.actions.length;
    await timers.settled(TRANSITION_MS);
    expect(driver.actions.slice(afterOff)).toEqual([]);
  });

  it("an Off scene switches off at once, whatever the transition time", async () => {
    const { onOff, scenes } = await panel();
    await scenes.addScene({
      groupId: GROUP,
      sceneId: ADDED_OFF,
      transitionTime: 0,
      sceneName: "off",
      extensionFieldSetStructs: onOffSceneFields(false),
    });
    await onOff.on();
    const before = driver.actions.length;
    await scenes.recallScene({ groupId: GROUP, sceneId: ADDED_OFF, transitionTime: 5000 });
    expect(driver.actions.slice(before)).toMatchObject([{ action: "off" }]);
    expect(ledger.sessions().at(-1)).toMatchObject({ endReason: "matter-scene" });
    expect(controller.isOn("panel-1")).toBe(false);
  });

  it("OnWithRecallGlobalScene after OffWithEffect switches on through the guard", async () => {
    const { onOff } = await panel();
    await onOff.on();
    await onOff.offWithEffect({ effectIdentifier: 0, effectVariant: 0 });
    expect(driver.actions.at(-1)?.action).toBe("off");
    const before = driver.actions.length;
    await onOff.onWithRecallGlobalScene();
    expect(driver.actions.slice(before)).toMatchObject([{ action: "on", seconds: 5 }]);
    expect(ledger.sessions().at(-1)).toMatchObject({ source: "matter" });
    await onOff.off();
    expect(driver.actions.at(-1)?.action).toBe("off");
  });

  it("a recall the guard refuses (weekly session limit used up) fails at the controller and switches nothing", async () => {
    const { onOff, scenes } = await panel();
    // Use up the region's sessions through the controller, as an automation would.
    for (;;) {
      const out = await controller.start({ region: "low-back-hips", seconds: 1 }, "test");
      if (!out.ok) {
        expect(out.refusal).toMatchObject({ code: "WEEKLY_LIMIT" });
        break;
      }
      await controller.stop("panel-1", "test");
    }
    const before = driver.actions.length;
    timers = watchMatterTimers();
    await expect(scenes.recallScene({ groupId: GROUP, sceneId: STORED_ON })).rejects.toThrow(REFUSED);
    await expect(scenes.recallScene({ groupId: GROUP, sceneId: STORED_ON, transitionTime: TRANSITION_MS })).rejects.toThrow(REFUSED);
    await onOff.offWithEffect({ effectIdentifier: 0, effectVariant: 0 });
    await expect(onOff.onWithRecallGlobalScene()).rejects.toThrow(REFUSED);
    await timers.settled(TRANSITION_MS);
    expect(driver.actions.slice(before).filter((a) => a.action === "on")).toEqual([]);
    expect(await onOff.getOnOffAttribute(true)).toBe(false);
  });
});
