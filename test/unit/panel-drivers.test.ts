import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { PanelUnreachableError } from "../../matter-bridge/panels/driver.js";
import { createDriver } from "../../matter-bridge/panels/index.js";
import { ShellyDriver } from "../../matter-bridge/panels/shelly.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { PanelConfigSchema } from "../../matter-bridge/contract/config.js";
import { type FakeShelly, startFakeShelly } from "../helpers/fake-shelly.js";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shelly = (url: string, extra: { switchId?: number; timeoutMs?: number } = {}) =>
  new ShellyDriver({ kind: "shelly", url, switchId: extra.switchId ?? 0, timeoutMs: extra.timeoutMs ?? 500 });

describe("shelly driver (Gen2 RPC over HTTP)", () => {
  let device: FakeShelly;
  afterEach(async () => device?.close());

  it("switches on with toggle_after as a hardware backstop, which turns the relay off by itself", async () => {
    device = await startFakeShelly();
    const driver = shelly(device.url);
    await driver.on(0.4); // rounded up to whole seconds for the relay
    expect(device.requests).toEqual(["/rpc/Switch.Set?id=0&on=true&toggle_after=1"]);
    expect(await driver.status()).toEqual({ on: true, reachable: true });
    await wait(1150);
    expect(device.state().output).toBe(false);
    expect(await driver.status()).toEqual({ on: false, reachable: true });
  });

  it("switches off and reports the relay state", async () => {
    device = await startFakeShelly();
    const driver = shelly(`${device.url}/`); // trailing slash is fine
    await driver.on(600);
    await driver.off();
    expect(device.requests.at(-1)).toBe("/rpc/Switch.Set?id=0&on=false");
    expect(device.state().output).toBe(false);
    expect(device.state().timer).toBeUndefined();
  });

  it("reports a device that is down as unreachable and rejects commands", async () => {
    device = await startFakeShelly();
    device.setDown(true);
    const driver = shelly(device.url);
    await expect(driver.on(10)).rejects.toBeInstanceOf(PanelUnreachableError);
    await expect(driver.off()).rejects.toThrow(/Shelly at http:\/\/127\.0\.0\.1:\d+/);
    expect(await driver.status()).toEqual({ on: false, reachable: false });
  });

  it("gives up on a slow device after its timeout", async () => {
    device = await startFakeShelly();
    device.setDelayMs(2000);
    const driver = shelly(device.url, { timeoutMs: 200 });
    const t0 = performance.now();
    await expect(driver.on(10)).rejects.toThrow(/no answer within 200 ms/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("reports a closed port as unreachable", async () => {
    device = await startFakeShelly();
    const url = device.url;
    await device.close();
    await expect(shelly(url).on(10)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("passes on the device's own error for an unknown switch id", async () => {
    device = await startFakeShelly();
    await expect(shelly(device.url, { switchId: 7 }).on(10)).rejects.toThrow(/Argument 'id', value 7 not found!/);
  });
});

describe("simulated driver", () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("records what it did and writes its state file atomically", async () => {
    const dir = await mkdtemp(join(tmpdir(), "biolight-sim-"));
    dirs.push(dir);
    const lines: string[] = [];
    const driver = new SimulatedDriver("panel-1", { stateFile: join(dir, "panels", "panel-1.json"), log: (m) => lines.push(m) });
    await driver.on(900);
    let state = JSON.parse(await readFile(join(dir, "panels", "panel-1.json"), "utf8"));
    expect(state).toMatchObject({ on: true, seconds: 900 });
    await driver.off();
    state = JSON.parse(await readFile(join(dir, "panels", "panel-1.json"), "utf8"));
    expect(state.on).toBe(false);
    expect(state.actions.map((a: { action: string }) => a.action)).toEqual(["on", "off"]);
    expect(driver.actions.map((a) => a.action)).toEqual(["on", "off"]);
    expect(lines).toEqual(["[panel-1] ON for 900 s (simulated)", "[panel-1] OFF (simulated)"]);
    expect((await readdir(join(dir, "panels"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("can be made unreachable", async () => {
    const driver = new SimulatedDriver("p", { log: () => {} });
    driver.setReachable(false);
    await expect(driver.on(5)).rejects.toBeInstanceOf(PanelUnreachableError);
    expect(await driver.status()).toEqual({ on: false, reachable: false });
    expect(driver.actions).toEqual([]);
  });

  it("is what createDriver builds by default; shelly when configured", () => {
    expect(createDriver(PanelConfigSchema.parse({ id: "a", name: "A" }), { log: () => {} }).kind).toBe("simulated");
    expect(createDriver(PanelConfigSchema.parse({ id: "a", name: "A", driver: { kind: "shelly", url: "http://127.0.0.1:1" } })).kind).toBe("shelly");
  });
});
