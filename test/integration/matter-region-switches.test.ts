/**
 * Region switches ("regionSwitches": true): one bridged On/Off endpoint per region, driven by a real
 * matter.js controller commissioning the bridge over UDP on 127.0.0.1, next to the real HTTP control
 * API. On starts the region on the panel through the guard, a refusal is a Matter failure status, Off
 * stops only that region, and the switch reads on exactly while its region runs, whoever started it.
 * Waits are on attribute reports and the controller's changes, not on fixed sleeps; the bridge runs
 * on a fake clock the test moves when a session's time must pass.
 */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type { NodeId } from "@matter/main/types";
import type { CommissioningController } from "@project-chip/matter.js";
import type { PairedNode } from "@project-chip/matter.js/device";
import { type Api, startApi } from "../../matter-bridge/api/server.js";
import type { PanelStatus } from "../../matter-bridge/contract/api.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { type RunningMatterNode, startMatterNode } from "../../matter-bridge/matter/node.js";
import { regionSwitchEndpointId } from "../../matter-bridge/matter/region-switch.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController, type StartOutcome } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { advanceUntilSeen, FakeClock } from "../helpers/fake-clock.js";
import { call } from "../helpers/http.js";
import { bridgedInfoClient, commission, connect, onOffClient, startController } from "../helpers/matter-controller.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";

// Sessions of a few seconds; an hour's rest between two sessions of one region. Two people: a
// switch's session is for its panel's default person.
const config = makeConfig({
  people: [
    { id: "anna", name: "Anna" },
    { id: "ben", name: "Ben" },
  ],
  panels: [
    { id: "panel-1", name: "Panel", regionSwitches: true, defaultPerson: "ben" },
    { id: "panel-2", name: "Other panel" },
  ],
  dose: { maxSessionSeconds: 30, minSessionSeconds: 1, minRestSameRegionSeconds: 3600 },
  regions: { "low-back-hips": { defaultSeconds: 20 }, "mid-back": { defaultSeconds: 2 } },
});
const PASSCODE = 20202021;
const DISCRIMINATOR = 3843;
const TOKEN = "region-switch-test-token-0123456789abcdef";
const REFUSED = /non-success result: 1\b/;
/** The panels are endpoints 2 and 3; panel-1's region switches follow. */
const PANEL_ENDPOINT = 2;
const LAST_ENDPOINT = 6;
/** The bridge's time (deadlines, rest intervals, the ledger). */
const clock = new FakeClock(Date.now());

let storage: string;
let driver: SimulatedDriver;
let controller: SessionController;
let ledger: Ledger;
let matter: RunningMatterNode;
let api: Api;
let client: CommissioningController;
let nodeId: NodeId;
let node: PairedNode;
/** Endpoint number of each switch, found by its name. */
const endpointOf: Record<string, number> = {};

type OnOffClient = ReturnType<typeof onOffClient>;
const switchOf = (name: string): OnOffClient => onOffClient(node, endpointOf[name]);
const panelOnOff = (): OnOffClient => onOffClient(node, PANEL_ENDPOINT);

interface Attribute<T = boolean> {
  name: string;
  read(): Promise<T>;
  listen(listener: (value: T) => void): void;
  unlisten(listener: (value: T) => void): void;
}
const onOffOf = (onOff: OnOffClient): Attribute => ({
  name: "OnOff",
  read: () => onOff.getOnOffAttribute(true),
  listen: (l) => onOff.addOnOffAttributeListener(l),
  unlisten: (l) => onOff.removeOnOffAttributeListener(l),
});
const onTimeOf = (onOff: OnOffClient): Attribute<number> => ({
  name: "OnTime",
  read: () => onOff.getOnTimeAttribute(true),
  listen: (l) => onOff.addOnTimeAttributeListener(l),
  unlisten: (l) => onOff.removeOnTimeAttributeListener(l),
});
const reachableOf = (info: ReturnType<typeof bridgedInfoClient>): Attribute => ({
  name: "Reachable",
  read: () => info.getReachableAttribute(true),
  listen: (l) => info.addReachableAttributeListener(l),
  unlisten: (l) => info.removeReachableAttributeListener(l),
});

/** Resolves once the attribute reads `expected`: now (a fresh read) or by a later attribute report. */
function becomes<T>(attribute: Attribute<T>, expected: T, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const seen = (value: T) => {
      if (value !== expected) return;
      clearTimeout(timer);
      attribute.unlisten(seen);
      resolve(value);
    };
    const timer = setTimeout(() => {
      attribute.unlisten(seen);
      reject(new Error(`${attribute.name} did not read ${expected} within ${timeoutMs} ms`));
    }, timeoutMs);
    attribute.listen(seen);
    attribute.read().then(seen, reject);
  });
}
const reads = (onOff: OnOffClient, expected: boolean) => becomes(onOffOf(onOff), expected);

/** Resolves with the panel's status once `done` holds for it (now or at a later change). */
function panelWhen(done: (status: PanelStatus) => boolean): Promise<PanelStatus> {
  return new Promise((resolve) => {
    const check = (status: PanelStatus) => {
      if (status.id !== "panel-1" || !done(status)) return false;
      unsubscribe();
      resolve(status);
      return true;
    };
    const unsubscribe = controller.onChange(check);
    check(controller.status()[0]);
  });
}

const idle = () => panelWhen((s) => s.state === "off");

/** The refusal codes the guard gave the starts made while `act` ran (with the regions asked for). */
async function refusals(act: () => Promise<void>): Promise<string[]> {
  const start = jest.spyOn(controller, "start");
  await act();
  const outcomes = await Promise.all(start.mock.results.map((r) => r.value as Promise<StartOutcome>));
  const regions = start.mock.calls.map(([request]) => request.region);
  return outcomes.map((o, i) => `${regions[i]}: ${o.ok ? "granted" : o.refusal.code}`);
}
const ons = () => driver.actions.filter((a) => a.action === "on").length;

beforeAll(async () => {
  storage = await tempDir();
  const port = await freeUdpPort();
  ledger = await Ledger.open(storage, { clock });
  await ledger.acknowledgeCaution(CAUTION_VERSION, "test");
  driver = new SimulatedDriver("panel-1", { log: () => {} });
  const drivers = { "panel-1": driver, "panel-2": new SimulatedDriver("panel-2", { log: () => {} }) };
  controller = new SessionController({ config, ledger, drivers, log: () => {}, clock });
  await controller.recover();
  matter = await startMatterNode({ controller, config, storageDir: storage, port, passcode: PASSCODE, discriminator: DISCRIMINATOR });
  api = await startApi({ controller, token: TOKEN, host: "127.0.0.1", port: 0, log: () => {} });
  client = await startController(join(storage, "controller"));
  nodeId = (await commission(client, port, PASSCODE, DISCRIMINATOR)).nodeId;
  node = await connect(client, nodeId, LAST_ENDPOINT);
  for (let endpoint = PANEL_ENDPOINT; endpoint <= LAST_ENDPOINT; endpoint++)
    endpointOf[await bridgedInfoClient(node, endpoint).getNodeLabelAttribute(true)] = endpoint;
}, 90_000);

afterEach(() => {
  jest.restoreAllMocks();
});

afterAll(async () => {
  // The bridge first, while the controller still listens: closed the other way round, the node's
  // close may wait for the gone controller's session.
  await api?.close();
  await controller?.shutdown();
  await matter?.close();
  await client?.close();
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-region-switches-");

describe("region switches", () => {
  it("a panel with regionSwitches has one bridged switch per region, named after it, with stable endpoint ids; a panel without has none", async () => {
    expect(Object.keys(endpointOf).sort()).toEqual(["Low back session", "Mid back session", "Neck session", "Other panel", "Panel"]);
    const aggregator = matter.node.parts.require("aggregator");
    for (const region of ["neck-shoulders", "mid-back", "low-back-hips"] as RegionId[]) {
      expect(aggregator.parts.has(regionSwitchEndpointId("panel-1", region))).toBe(true);
      expect(aggregator.parts.has(regionSwitchEndpointId("panel-2", region))).toBe(false);
    }
    expect(aggregator.parts.size).toBe(5);
    for (const name of ["Neck session", "Mid back session", "Low back session"]) {
      expect(await bridgedInfoClient(node, endpointOf[name]).getReachableAttribute(true)).toBe(true);
      expect(await switchOf(name).getOnOffAttribute(true)).toBe(false);
    }
  });

  it("a session started through the API turns its region's switch on, and off again when its time is up", async () => {
    await idle();
    const midBack = switchOf("Mid back session");
    const answer = await call(api.url, "POST", "/v1/sessions", {
      token: TOKEN,
      body: { region: "mid-back", panelId: "panel-1" },
    });
    expect(answer.status).toBe(201);
    expect(await reads(midBack, true)).toBe(true);
    expect(await switchOf("Low back session").getOnOffAttribute(true)).toBe(false);
    // The deadline ends it (2 s of the bridge's time): the switch reads off by itself.
    await advanceUntilSeen(clock, () => !driver.isOn, "the switch-off at the session's deadline");
    expect(await reads(midBack, false)).toBe(false);
    await idle();
    expect(ledger.sessions().at(-1)).toMatchObject({ region: "mid-back", endReason: "completed" });
  }, 30_000);

  it("On starts the region on the panel, which the API shows and the panel endpoint reads; another region's switch stays off", async () => {
    await idle();
    const lowBack = switchOf("Low back session");
    const before = driver.actions.length;
    await lowBack.on();
    expect(driver.actions[before]).toMatchObject({ action: "on", seconds: 20 });
    const panels = await call(api.url, "GET", "/v1/panels", { token: TOKEN });
    expect(panels.body.panels[0]).toMatchObject({ id: "panel-1", on: true, region: "low-back-hips" });
    expect(panels.body.panels[0].session).toMatchObject({ region: "low-back-hips", source: "matter", person: "ben" });
    expect(await lowBack.getOnOffAttribute(true)).toBe(true);
    expect(await reads(panelOnOff(), true)).toBe(true);
    expect(await switchOf("Neck session").getOnOffAttribute(true)).toBe(false);
    // On while its region runs changes nothing.
    await lowBack.on();
    expect(driver.actions.length).toBe(before + 1);
  });

  it("another region's switch cannot start while the panel runs (a failure status) and its Off leaves the session alone", async () => {
    const neck = switchOf("Neck session");
    const before = ons();
    const codes = await refusals(async () => {
      await expect(neck.on()).rejects.toThrow(REFUSED);
      await expect(neck.toggle()).rejects.toThrow(REFUSED);
      await neck.off();
    });
    expect(codes).toEqual(["neck-shoulders: PANEL_BUSY", "neck-shoulders: PANEL_BUSY"]);
    // Nor can its OnTime cut the other region's session short.
    const shorten = jest.spyOn(controller, "shorten");
    await neck.setOnTimeAttribute(5);
    expect(await becomes(onTimeOf(neck), 0)).toBe(0);
    expect(shorten).not.toHaveBeenCalled();
    expect(ons()).toBe(before);
    expect(controller.status()[0].session).toMatchObject({ region: "low-back-hips" });
    expect(await neck.getOnOffAttribute(true)).toBe(false);
    expect(await switchOf("Low back session").getOnOffAttribute(true)).toBe(true);
  });

  it("Off stops the region's session and the switch and the panel read off", async () => {
    const lowBack = switchOf("Low back session");
    await lowBack.off();
    const status = await idle();
    expect(status.session ?? null).toBeNull();
    expect(driver.isOn).toBe(false);
    expect(ledger.sessions().at(-1)).toMatchObject({ region: "low-back-hips", endReason: "matter-off" });
    expect(await reads(lowBack, false)).toBe(false);
    expect(await reads(panelOnOff(), false)).toBe(false);
  });

  it("the switches follow the panel's reachability", async () => {
    const infos = ["Neck session", "Low back session"].map((name) => reachableOf(bridgedInfoClient(node, endpointOf[name])));
    driver.setReachable(false);
    await controller.pollPanel("panel-1");
    for (const info of infos) expect(await becomes(info, false)).toBe(false);
    driver.setReachable(true);
    await controller.pollPanel("panel-1");
    for (const info of infos) expect(await becomes(info, true)).toBe(true);
  });

  it("an On the guard refuses (the region's rest interval) is a failure status and nothing runs", async () => {
    const lowBack = switchOf("Low back session");
    const before = ons();
    const codes = await refusals(async () => {
      await expect(lowBack.on()).rejects.toThrow(REFUSED);
      await expect(lowBack.onWithTimedOff({ onOffControl: { acceptOnlyWhenOn: false }, onTime: 50, offWaitTime: 0 })).rejects.toThrow(
        REFUSED,
      );
    });
    expect(codes).toEqual(["low-back-hips: REST_INTERVAL", "low-back-hips: REST_INTERVAL"]);
    expect(ons()).toBe(before);
    expect(controller.panelState("panel-1")).toBe("off");
    expect(await lowBack.getOnOffAttribute(true)).toBe(false);
  });

  it("the switch reads on for its region's session whoever it is for, and Off stops it", async () => {
    // Ben's low back rests (above); Anna's is her own.
    const lowBack = switchOf("Low back session");
    const answer = await call(api.url, "POST", "/v1/sessions", {
      token: TOKEN,
      body: { region: "low-back-hips", panelId: "panel-1", person: "anna", seconds: 20 },
    });
    expect(answer.status).toBe(201);
    expect(await reads(lowBack, true)).toBe(true);
    await lowBack.off();
    await idle();
    expect(ledger.sessions().at(-1)).toMatchObject({ region: "low-back-hips", person: "anna", endReason: "matter-off" });
    expect(await reads(lowBack, false)).toBe(false);
  });

  it("a region switch's Off cancels that region's start still being set up (nothing is switched on); another region's Off leaves it alone", async () => {
    await idle();
    const before = ons();
    // Another start (panel two's) holds the start queue: its ledger entry is being written.
    const begin = ledger.begin.bind(ledger);
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    const entered = new Promise<void>((enter) => {
      ledger.begin = async (entry) => {
        ledger.begin = begin;
        enter();
        await released;
        return begin(entry);
      };
    });
    const other = controller.start({ panelId: "panel-2", region: "mid-back", person: "anna", seconds: 5 }, "test");
    await entered;
    // A neck session for panel one (the API, the skill) waits its turn.
    const start = controller.start({ panelId: "panel-1", region: "neck-shoulders" }, "api");
    expect(controller.panelState("panel-1")).toBe("starting");
    await switchOf("Low back session").off();
    expect(controller.panelState("panel-1")).toBe("starting");
    await switchOf("Neck session").off();
    expect(controller.panelState("panel-1")).toBe("off");
    release();
    expect(await start).toMatchObject({ ok: false, refusal: { code: "STOPPED" } });
    expect((await other).ok).toBe(true);
    await controller.stop("panel-2", "stopped");
    expect(ons()).toBe(before);
    expect(ledger.sessions().filter((s) => s.region === "neck-shoulders")).toEqual([]);
    expect(await switchOf("Neck session").getOnOffAttribute(true)).toBe(false);
  }, 30_000);

  it("with the caution not acknowledged, On is a failure status and nothing runs", async () => {
    await controller.withdrawCaution("test", "test");
    const neck = switchOf("Neck session");
    const before = ons();
    expect(await refusals(() => expect(neck.on()).rejects.toThrow(REFUSED))).toEqual(["neck-shoulders: CAUTION_REQUIRED"]);
    expect(ons()).toBe(before);
    expect(controller.panelState("panel-1")).toBe("off");
    expect(await neck.getOnOffAttribute(true)).toBe(false);
  });

  it("a red flag for Ben (the panel's default person) is not cleared by Anna's acknowledgement: On stays a failure until Ben acknowledges", async () => {
    await controller.caution.acknowledge(CAUTION_VERSION, "test", "ben");
    await Promise.all((await controller.withdrawCaution("numbness", "test", "ben")).stops);
    await controller.caution.acknowledge(CAUTION_VERSION, "test", "anna");
    expect(controller.caution.acknowledged()).toBe(true);
    const neck = switchOf("Neck session");
    const before = ons();
    expect(await refusals(() => expect(neck.on()).rejects.toThrow(REFUSED))).toEqual(["neck-shoulders: CAUTION_REQUIRED"]);
    expect(ons()).toBe(before);
    await controller.caution.acknowledge(CAUTION_VERSION, "test", "ben");
    await neck.on();
    expect(ons()).toBe(before + 1);
    await neck.off();
    await idle();
  });
});
