/**
 * Endpoint numbers across bridge restarts and config changes. Home apps (Alexa, Apple Home, Google
 * Home, Home Assistant) bind routines and automations to a bridged device's endpoint number: if "Low
 * back session" came back after a restart under the number that used to be "Neck session", a routine
 * would start the wrong region. A real matter.js controller commissions the bridge once over UDP on
 * 127.0.0.1; the bridge is then restarted on the same storage and port, with the config unchanged
 * and then changed as a user would (a second panel added, region switches turned on for it, a switch
 * renamed, a panel replaced by another), and the controller (restarted on its own storage, so the
 * same fabric) reconnects each time. Every endpoint that existed keeps its number; a new one gets a
 * number nothing else ever had; an On sent to a switch's old number starts that switch's region on
 * its panel. Waits are on the controller's initialisation and the session controller's changes, not
 * on fixed sleeps.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Descriptor } from "@matter/main/clusters/descriptor";
import { EndpointNumber, type NodeId } from "@matter/main/types";
import type { CommissioningController } from "@project-chip/matter.js";
import type { PairedNode } from "@project-chip/matter.js/device";
import type { PanelStatus } from "../../matter-bridge/contract/api.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { BridgeConfig } from "../../matter-bridge/contract/config.js";
import { REGION_IDS, type RegionId } from "../../matter-bridge/contract/regions.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { type RunningMatterNode, startMatterNode } from "../../matter-bridge/matter/node.js";
import { regionSwitchEndpointId } from "../../matter-bridge/matter/region-switch.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { bridgedInfoClient, commission, onOffClient, startController } from "../helpers/matter-controller.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const PASSCODE = 20202021;
const DISCRIMINATOR = 3846;
// No rest between two sessions of a region, nor a weekly count: every switch is tried after every restart.
const base = {
  people: [{ id: "anna", name: "Anna" }],
  dose: { maxSessionSeconds: 60, minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionsPerRegionPer7d: 100 },
};
const panel1 = { id: "panel-1", name: "Panel", regionSwitches: true };
const panel2 = { id: "panel-2", name: "Other panel" };
/** The configs, in the order the bridge runs them. */
const configs = {
  first: makeConfig({ ...base, panels: [panel1] }),
  panelAdded: makeConfig({ ...base, panels: [panel1, panel2] }),
  switchesForPanel2: makeConfig({ ...base, panels: [panel1, { ...panel2, regionSwitches: true }] }),
  renamed: makeConfig({
    ...base,
    panels: [panel1, { ...panel2, regionSwitches: true }],
    regions: { "low-back-hips": { switchName: "Lower back" } },
  }),
  // Panel two replaced by panel three (region switches on), which must not inherit panel two's numbers.
  replaced: makeConfig({
    ...base,
    panels: [panel1, { id: "panel-3", name: "Bedroom", regionSwitches: true }],
    regions: { "low-back-hips": { switchName: "Lower back" } },
  }),
};

interface Bridge {
  config: BridgeConfig;
  ledger: Ledger;
  controller: SessionController;
  matter: RunningMatterNode;
}

/** What one bridged endpoint is: its number, its id on the bridge, and what the controller reads there. */
interface Seen {
  number: number;
  uniqueId: string;
  name: string;
}

let storage: string;
let port: number;
let controllerPort: number;
let bridge: Bridge;
let client: CommissioningController;
let nodeId: NodeId;
let node: PairedNode;
/** Every endpoint id the bridge ever had, with the number it had (the first time: later checks compare). */
const numberOf = new Map<string, number>();
/** Every number ever given out, with the endpoint id it went to. */
const ownerOf = new Map<number, string>();
/** The numbers seen at each start, for the report. */
const timeline: Record<string, Record<string, number>> = {};

async function startBridge(config: BridgeConfig): Promise<Bridge> {
  const ledger = await Ledger.open(storage);
  const drivers = Object.fromEntries(config.panels.map((p) => [p.id, new SimulatedDriver(p.id, { log: () => {} })]));
  const controller = new SessionController({ config, ledger, drivers, log: () => {} });
  await controller.recover();
  const matter = await startMatterNode({ controller, config, storageDir: storage, port, passcode: PASSCODE, discriminator: DISCRIMINATOR });
  return { config, ledger, controller, matter };
}

/** The controller's node, once it has read the bridge's current structure (not only its stored copy). */
async function connected(): Promise<PairedNode> {
  const paired = await client.getNode(nodeId);
  const fromRemote = paired.remoteInitializationDone
    ? Promise.resolve()
    : new Promise<void>((r) => paired.events.initializedFromRemote.once(() => r()));
  if (!paired.isConnected) paired.connect();
  await fromRemote;
  return paired;
}

/**
 * Bridge and controller closed, then started again: the bridge on the same storage and port with
 * `config`, the controller on its own storage (the same fabric), reconnecting to the bridge.
 */
async function restart(config: BridgeConfig) {
  // The bridge first, while the controller still listens: closed the other way round, the node's
  // close sometimes waits ~13 s on the gone controller's session.
  await bridge.controller.shutdown();
  await bridge.matter.close();
  await client.close();
  // The controller back on its port before the bridge starts: the bridge first restores its former
  // subscription there (the new controller refuses it at once; a gone one would cost ~2 s of waiting).
  client = await startController(join(storage, "controller"), undefined, controllerPort);
  bridge = await startBridge(config);
  node = await connected();
}

/** The bridged endpoints as the bridge has them, by endpoint id. */
function bridgeView(): Map<string, Seen> {
  const view = new Map<string, Seen>();
  for (const part of bridge.matter.node.parts.require("aggregator").parts) {
    const info = (part.state as unknown as { bridgedDeviceBasicInformation: { uniqueId: string; nodeLabel: string } })
      .bridgedDeviceBasicInformation;
    view.set(part.id, { number: part.number, uniqueId: info.uniqueId, name: info.nodeLabel });
  }
  return view;
}

/** The bridged endpoints as the controller reads them now: the aggregator's parts, each with its UniqueID and NodeLabel. */
async function controllerView(): Promise<Seen[]> {
  const aggregator = bridge.matter.node.parts.require("aggregator").number;
  const descriptor = node.getClusterClientForDevice(EndpointNumber(aggregator), Descriptor.Cluster);
  if (!descriptor) throw new Error("no Descriptor on the aggregator endpoint");
  const seen: Seen[] = [];
  for (const number of await descriptor.getPartsListAttribute(true)) {
    const info = bridgedInfoClient(node, number);
    seen.push({ number, uniqueId: await info.getUniqueIdAttribute(true), name: await info.getNodeLabelAttribute(true) });
  }
  return seen.sort((a, b) => a.number - b.number);
}

/**
 * Both views after a start, checked against every earlier start: the controller reads what the bridge
 * has; the endpoints that existed keep their numbers; a new endpoint gets a number no other endpoint
 * ever had. Returns the endpoint names by id.
 */
async function checkNumbers(stage: string): Promise<Record<string, string>> {
  const view = bridgeView();
  // The controller reads the bridge's endpoints under the bridge's numbers.
  expect(await controllerView()).toEqual([...view.values()].sort((a, b) => a.number - b.number));
  const now = Object.fromEntries([...view].map(([id, s]) => [id, s.number]));
  timeline[stage] = now;
  const known = [...view.keys()].filter((id) => numberOf.has(id));
  expect(Object.fromEntries(known.map((id) => [id, now[id]]))).toEqual(Object.fromEntries(known.map((id) => [id, numberOf.get(id)])));
  const added = [...view.keys()].filter((id) => !numberOf.has(id));
  // For a new endpoint: who had its number before (nobody).
  expect(Object.fromEntries(added.map((id) => [id, ownerOf.get(now[id]) ?? null]))).toEqual(
    Object.fromEntries(added.map((id) => [id, null])),
  );
  for (const id of added) {
    numberOf.set(id, now[id]);
    ownerOf.set(now[id], id);
  }
  return Object.fromEntries([...view].map(([id, s]) => [id, s.name]));
}

/** Resolves with `panelId`'s status once `done` holds for it (now or at a later change). */
function panelWhen(panelId: string, done: (status: PanelStatus) => boolean): Promise<PanelStatus> {
  return new Promise((resolve) => {
    const check = (status: PanelStatus) => {
      if (status.id !== panelId || !done(status)) return false;
      unsubscribe();
      resolve(status);
      return true;
    };
    const unsubscribe = bridge.controller.onChange(check);
    const current = bridge.controller.status().find((s) => s.id === panelId);
    if (current) check(current);
  });
}

/**
 * On sent to `number` (as a routine bound to it would), then Off: what ran, as the session controller
 * and the ledger have it ("<panel> <region>", or what else happened).
 */
async function whatOnStarts(number: number): Promise<string> {
  const onOff = onOffClient(node, number);
  await onOff.on();
  const running = bridge.controller.status().filter((s) => s.state !== "off");
  const started = running.map((s) => `${s.id} ${s.session?.region ?? "(no session)"}`).join(", ") || "nothing";
  await onOff.off();
  for (const s of running) await panelWhen(s.id, (status) => status.state === "off");
  const last = bridge.ledger.sessions().at(-1);
  expect(`${last?.panelId} ${last?.region} ${last?.endReason}`).toBe(`${started} matter-off`);
  return started;
}

/** The region each switch endpoint must start, by endpoint id, for the panels of `config` with switches. */
function switchRegions(config: BridgeConfig): Record<string, string> {
  return Object.fromEntries(
    config.panels
      .filter((p) => p.regionSwitches)
      .flatMap((p) => REGION_IDS.map((region: RegionId) => [regionSwitchEndpointId(p.id, region), `${p.id} ${region}`])),
  );
}

/** Every region switch, by the number it had when first seen: the region its On starts now. */
async function checkSwitches(config: BridgeConfig) {
  const expected = switchRegions(config);
  const started: Record<string, string> = {};
  for (const id of Object.keys(expected)) started[id] = await whatOnStarts(numberOf.get(id)!);
  expect(started).toEqual(expected);
}

beforeAll(async () => {
  storage = await tempDir();
  port = await freeUdpPort();
  controllerPort = await freeUdpPort();
  bridge = await startBridge(configs.first);
  await bridge.ledger.acknowledgeCaution(CAUTION_VERSION, "test");
  client = await startController(join(storage, "controller"), undefined, controllerPort);
  nodeId = (await commission(client, port, PASSCODE, DISCRIMINATOR)).nodeId;
  node = await connected();
}, 60_000);

afterAll(async () => {
  // The bridge first, as in restart().
  await bridge?.controller.shutdown();
  await bridge?.matter.close();
  await client?.close();
  console.log(`endpoint numbers: ${JSON.stringify(timeline)}`);
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-endpoint-stability-");

/** One panel with its region switches: the names as the first start gives them. */
const ONE_PANEL_NAMES = {
  "panel-panel-1": "Panel",
  "region-panel-1-neck-shoulders": "Neck session",
  "region-panel-1-mid-back": "Mid back session",
  "region-panel-1-low-back-hips": "Low back session",
};

describe("endpoint numbers across restarts and config changes", () => {
  it("first start: the panel and its three region switches, each switch starting its own region", async () => {
    const names = await checkNumbers("first");
    expect(names).toEqual(ONE_PANEL_NAMES);
    await checkSwitches(configs.first);
  }, 30_000);

  it("same config, bridge restarted: every endpoint has its number and name, and On at Low back's number starts low back", async () => {
    await restart(configs.first);
    const names = await checkNumbers("restarted");
    expect(names).toEqual(ONE_PANEL_NAMES);
    expect(await whatOnStarts(numberOf.get("region-panel-1-low-back-hips")!)).toBe("panel-1 low-back-hips");
    await checkSwitches(configs.first);
  }, 30_000);

  it("(a) a second panel added after the first: the old endpoints keep their numbers, the new panel gets a new one", async () => {
    await restart(configs.panelAdded);
    const names = await checkNumbers("panelAdded");
    expect(names).toEqual({
      "panel-panel-1": "Panel",
      "panel-panel-2": "Other panel",
      "region-panel-1-neck-shoulders": "Neck session",
      "region-panel-1-mid-back": "Mid back session",
      "region-panel-1-low-back-hips": "Low back session",
    });
    await checkSwitches(configs.panelAdded);
    expect(await whatOnStarts(numberOf.get("panel-panel-2")!)).toMatch(/^panel-2 /);
  }, 30_000);

  it("(b) region switches turned on for the second panel: the old endpoints keep their numbers, its switches get new ones", async () => {
    await restart(configs.switchesForPanel2);
    const names = await checkNumbers("switchesForPanel2");
    // With switches on two panels, each switch's name starts with its panel's (contract/config.ts).
    expect(names).toEqual({
      "panel-panel-1": "Panel",
      "panel-panel-2": "Other panel",
      "region-panel-1-neck-shoulders": "Panel neck session",
      "region-panel-1-mid-back": "Panel mid back session",
      "region-panel-1-low-back-hips": "Panel low back session",
      "region-panel-2-neck-shoulders": "Other panel neck session",
      "region-panel-2-mid-back": "Other panel mid back session",
      "region-panel-2-low-back-hips": "Other panel low back session",
    });
    await checkSwitches(configs.switchesForPanel2);
  }, 30_000);

  it("(c) a region switch renamed (regions.<id>.switchName): every endpoint keeps its number, the renamed ones read the new name", async () => {
    await restart(configs.renamed);
    const names = await checkNumbers("renamed");
    expect(names).toEqual({
      "panel-panel-1": "Panel",
      "panel-panel-2": "Other panel",
      "region-panel-1-neck-shoulders": "Panel neck session",
      "region-panel-1-mid-back": "Panel mid back session",
      "region-panel-1-low-back-hips": "Panel Lower back",
      "region-panel-2-neck-shoulders": "Other panel neck session",
      "region-panel-2-mid-back": "Other panel mid back session",
      "region-panel-2-low-back-hips": "Other panel Lower back",
    });
    await checkSwitches(configs.renamed);
  }, 30_000);

  it("(d) the second panel replaced by a third: the first panel's endpoints keep their numbers, the third's never reuse the second's", async () => {
    await restart(configs.replaced);
    const names = await checkNumbers("replaced");
    expect(names).toEqual({
      "panel-panel-1": "Panel",
      "panel-panel-3": "Bedroom",
      "region-panel-1-neck-shoulders": "Panel neck session",
      "region-panel-1-mid-back": "Panel mid back session",
      "region-panel-1-low-back-hips": "Panel Lower back",
      "region-panel-3-neck-shoulders": "Bedroom neck session",
      "region-panel-3-mid-back": "Bedroom mid back session",
      "region-panel-3-low-back-hips": "Bedroom Lower back",
    });
    await checkSwitches(configs.replaced);
  }, 30_000);
});
