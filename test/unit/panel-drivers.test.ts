import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { PanelConfigSchema } from "../../matter-bridge/contract/config.js";
import { PanelUnreachableError } from "../../matter-bridge/panels/driver.js";
import { createDriver } from "../../matter-bridge/panels/index.js";
import { ShellyDriver, shellyFailSafeConfig } from "../../matter-bridge/panels/shelly.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { type FakeShelly, startFakeShelly } from "../helpers/fake-shelly.js";
import { tempDirs } from "../helpers/temp-dirs.js";

/** Moves the device's clock 1 ms at a time until its relay is off (its own timer did it); answers the ms that took. */
function msUntilOff(device: FakeShelly, clock: FakeClock, maxMs = 5000): number {
  let ms = 0;
  for (; device.state().output; ms++) {
    if (ms >= maxMs) throw new Error(`the relay was still on after ${maxMs} ms`);
    clock.advance(1);
  }
  return ms;
}
/** The `config` object of each Switch.SetConfig request the device received. */
const setConfigWrites = (device: FakeShelly) =>
  device.requests
    .filter((r) => r.startsWith("/rpc/Switch.SetConfig?"))
    .map((r) => JSON.parse(new URL(r, "http://x").searchParams.get("config") ?? "null"));
/** A raw RPC call to the fake device, as any client would make it. */
async function rawRpc(device: FakeShelly, pathAndQuery: string) {
  const res = await fetch(`${device.url}${pathAndQuery}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const shelly = (url: string, extra: { switchId?: number; timeoutMs?: number } = {}) =>
  new ShellyDriver({ kind: "shelly", url, switchId: extra.switchId ?? 0, timeoutMs: extra.timeoutMs ?? 500 });

describe("shelly driver (Gen2 RPC over HTTP)", () => {
  let device: FakeShelly;
  afterEach(async () => device?.close());

  it("switches on with toggle_after as a hardware backstop, which turns the relay off by itself", async () => {
    const clock = new FakeClock(Date.now());
    device = await startFakeShelly({ clock });
    const driver = shelly(device.url);
    await driver.on(0.4); // rounded up to whole seconds for the relay
    expect(device.requests).toEqual(["/rpc/Switch.Set?id=0&on=true&toggle_after=1"]);
    expect(await driver.status()).toEqual({ on: true, reachable: true, powerW: 0 });
    clock.advance(999);
    expect(device.state().output).toBe(true);
    clock.advance(1);
    expect(device.state().output).toBe(false);
    expect(await driver.status()).toEqual({ on: false, reachable: true, powerW: 0 });
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

  it("reports the power drawn from apower where the device meters it, and none where it does not", async () => {
    device = await startFakeShelly();
    device.setLoadW(92.5);
    const driver = shelly(device.url);
    expect(await driver.status()).toEqual({ on: false, reachable: true, powerW: 0 });
    await driver.on(60);
    expect(await driver.status()).toEqual({ on: true, reachable: true, powerW: 92.5 });
    device.setLoadW(0); // relay on, but the panel's own switch is off
    expect(await driver.status()).toEqual({ on: true, reachable: true, powerW: 0 });
    device.setPowerW(88); // relay reports off but current flows (welded contacts): the meter tells
    await driver.off();
    expect(await driver.status()).toEqual({ on: false, reachable: true, powerW: 88 });
    await device.close();

    device = await startFakeShelly({ metering: false });
    expect(await shelly(device.url).status()).toEqual({ on: false, reachable: true });
  });
});

describe("shelly fail-safes (the relay's own config)", () => {
  let device: FakeShelly;
  afterEach(async () => device?.close());

  it("writes initial_state off, auto_on off and auto_off after the session cap with Switch.SetConfig, and verifies", async () => {
    device = await startFakeShelly();
    expect(device.state().config).toMatchObject({ initial_state: "restore_last", auto_off: false }); // as shipped
    await shelly(device.url).applyFailSafes({ maxSessionSeconds: 1200 });
    expect(device.state().config).toMatchObject({ initial_state: "off", auto_on: false, auto_off: true, auto_off_delay: 1200 });
    expect(device.state().config.in_mode).toBe("flip"); // the rest of the device's config is left alone
    expect(device.requests.map((r) => r.split("?")[0])).toEqual([
      "/rpc/Switch.GetConfig",
      "/rpc/Switch.SetConfig",
      "/rpc/Switch.GetConfig",
    ]);
    expect(device.requests.every((r) => new URL(r, "http://x").searchParams.get("id") === "0")).toBe(true);
    expect(setConfigWrites(device)).toEqual([{ initial_state: "off", auto_on: false, auto_off: true, auto_off_delay: 1200 }]);
  });

  it("does not write again when the device already has the settings; writes when the cap changes", async () => {
    device = await startFakeShelly();
    const driver = shelly(device.url);
    await driver.applyFailSafes({ maxSessionSeconds: 1200 });
    device.requests.length = 0;
    await driver.applyFailSafes({ maxSessionSeconds: 1200 }); // e.g. a bridge restart
    expect(device.requests.map((r) => r.split("?")[0])).toEqual(["/rpc/Switch.GetConfig"]);
    await driver.applyFailSafes({ maxSessionSeconds: 900.7 }); // whole seconds, never longer than the cap
    expect(setConfigWrites(device)).toEqual([{ initial_state: "off", auto_on: false, auto_off: true, auto_off_delay: 900 }]);
    expect(device.state().config.auto_off_delay).toBe(900);
  });

  it("turns someone's press at the device off by itself after auto_off_delay, bridge or no bridge", async () => {
    const clock = new FakeClock(Date.now());
    device = await startFakeShelly({ clock });
    const driver = shelly(device.url);
    await driver.applyFailSafes({ maxSessionSeconds: 1.9 }); // auto_off_delay 1 s
    expect(device.state().config.auto_off_delay).toBe(1);
    device.press();
    expect(await driver.status()).toMatchObject({ on: true, reachable: true });
    device.setDown(true); // the bridge cannot reach the device any more: only the relay's own timer is left
    expect(msUntilOff(device, clock)).toBe(1000);
    expect(device.state().source).toBe("timer");
    device.setDown(false);
    expect(await driver.status()).toMatchObject({ on: false, reachable: true });
  });

  it("keeps the bridge's own toggle_after timer working under auto_off", async () => {
    const clock = new FakeClock(Date.now());
    device = await startFakeShelly({ clock });
    const driver = shelly(device.url);
    await driver.applyFailSafes({ maxSessionSeconds: 30 });
    await driver.on(1);
    expect(device.state().timerDuration).toBe(1);
    expect(msUntilOff(device, clock)).toBe(1000); // toggle_after's 1 s, not auto_off's 30 s
  });

  it("comes back off after a power cut once armed (restore_last as shipped would have kept it on)", async () => {
    device = await startFakeShelly();
    const driver = shelly(device.url);
    await driver.on(600);
    device.reboot();
    expect(device.state().output).toBe(true); // shipped config: restore_last, and the toggle_after timer is lost
    await driver.applyFailSafes({ maxSessionSeconds: 1200 });
    device.reboot();
    expect(device.state().output).toBe(false);
    expect(device.state().timer).toBeUndefined();
    expect(await driver.status()).toMatchObject({ on: false, reachable: true });
  });

  it("rejects with PanelUnreachableError when the device is down, refuses, or does not keep the settings", async () => {
    device = await startFakeShelly();
    device.setDown(true);
    await expect(shelly(device.url).applyFailSafes({ maxSessionSeconds: 1200 })).rejects.toBeInstanceOf(PanelUnreachableError);
    device.setDown(false);

    device.setDelayMs(2000);
    await expect(shelly(device.url, { timeoutMs: 100 }).applyFailSafes({ maxSessionSeconds: 1200 })).rejects.toThrow(
      /no answer within 100 ms/,
    );
    device.setDelayMs(0);

    const refused = shelly(device.url, { switchId: 7 }).applyFailSafes({ maxSessionSeconds: 1200 });
    await expect(refused).rejects.toBeInstanceOf(PanelUnreachableError);
    await expect(refused).rejects.toThrow(/refused Switch.GetConfig: Argument 'id', value 7 not found!/);

    device.setIgnoreConfigWrites(true);
    const ignored = shelly(device.url).applyFailSafes({ maxSessionSeconds: 1200 });
    await expect(ignored).rejects.toBeInstanceOf(PanelUnreachableError);
    await expect(ignored).rejects.toThrow(/did not keep its fail-safe settings: initial_state is "restore_last", wanted "off"/);

    const url = device.url;
    await device.close();
    await expect(shelly(url).applyFailSafes({ maxSessionSeconds: 1200 })).rejects.toThrow(/^Shelly at http:\/\/127\.0\.0\.1:\d+: /);
  });

  it("refuses a session cap under one second before touching the device", async () => {
    device = await startFakeShelly();
    await expect(shelly(device.url).applyFailSafes({ maxSessionSeconds: 0.5 })).rejects.toThrow(RangeError);
    expect(() => shellyFailSafeConfig(Number.NaN)).toThrow(RangeError);
    expect(device.requests).toEqual([]);
  });

  it("the fake device answers bad Switch.SetConfig input with an RPC error, like a real one, and keeps its config", async () => {
    device = await startFakeShelly();
    const before = { ...device.state().config };
    const bad = [
      ["/rpc/Switch.SetConfig?id=0", "Missing required argument 'config'!"],
      ["/rpc/Switch.SetConfig?id=0&config=%7Bauto_off%3Atrue", "Invalid argument 'config'!"], // not JSON
      ["/rpc/Switch.SetConfig?id=0&config=5", "Invalid argument 'config'!"],
      [`/rpc/Switch.SetConfig?id=0&config=${encodeURIComponent('{"auto_off_delay":"soon"}')}`, "Invalid argument 'config.auto_off_delay'!"],
      [
        `/rpc/Switch.SetConfig?id=0&config=${encodeURIComponent('{"auto_off":true,"auto_off_delay":-1}')}`,
        "Invalid argument 'config.auto_off_delay'!",
      ],
      [
        `/rpc/Switch.SetConfig?id=0&config=${encodeURIComponent('{"initial_state":"sometimes"}')}`,
        "Invalid argument 'config.initial_state'!",
      ],
      [`/rpc/Switch.SetConfig?id=3&config=${encodeURIComponent('{"auto_off":true}')}`, "Argument 'id', value 3 not found!"],
    ] as const;
    for (const [path, message] of bad) {
      const { status, body } = await rawRpc(device, path);
      expect({ path, status, message: body.message }).toEqual({ path, status: 500, message });
      expect(typeof body.code).toBe("number");
    }
    expect(device.state().config).toEqual(before);
    const good = await rawRpc(device, `/rpc/Switch.SetConfig?id=0&config=${encodeURIComponent('{"auto_off":true,"auto_off_delay":0.5}')}`);
    expect(good).toEqual({ status: 200, body: { restart_required: false } });
    expect((await rawRpc(device, "/rpc/Switch.GetConfig?id=0")).body).toMatchObject({ id: 0, auto_off: true, auto_off_delay: 0.5 });
  });
});

describe("simulated driver", () => {
  const tempDir = tempDirs("biolight-sim-");

  it("records what it did and writes its state file atomically", async () => {
    const dir = await tempDir();
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

  it("test hooks: a press at the device is recorded and persisted, and works while unreachable", async () => {
    const dir = await tempDir();
    const file = join(dir, "panels", "p.json");
    const driver = new SimulatedDriver("p", { stateFile: file, log: () => {} });
    driver.setReachable(false);
    await driver.press();
    expect(driver.isOn).toBe(true);
    expect(driver.actions.map((a) => a.action)).toEqual(["press"]);
    const state = JSON.parse(await readFile(file, "utf8"));
    expect(state.on).toBe(true);
    expect(state.actions.map((a: { action: string }) => a.action)).toEqual(["press"]);
    driver.setReachable(true);
    expect(await driver.status()).toEqual({ on: true, reachable: true });
  });

  it("test hooks: reports powerW only once a meter reading is set", async () => {
    const driver = new SimulatedDriver("p", { log: () => {} });
    expect(await driver.status()).toEqual({ on: false, reachable: true });
    driver.setPowerW(95);
    await driver.on(60);
    expect(await driver.status()).toEqual({ on: true, reachable: true, powerW: 95 });
    driver.setReachable(false);
    expect(await driver.status()).toEqual({ on: true, reachable: false });
    driver.setReachable(true);
    driver.setPowerW(undefined);
    expect(await driver.status()).toEqual({ on: true, reachable: true });
  });

  it("records applyFailSafes limits; rejects while unreachable", async () => {
    const lines: string[] = [];
    const driver = new SimulatedDriver("p", { log: (m) => lines.push(m) });
    expect(driver.failSafes).toBeUndefined();
    await driver.applyFailSafes({ maxSessionSeconds: 1200 });
    expect(driver.failSafes).toEqual({ maxSessionSeconds: 1200 });
    expect(driver.failSafeCalls).toBe(1);
    expect(driver.actions).toEqual([]); // not a switching action
    expect(lines).toEqual(["[p] fail-safes: off at power-up, auto-off after 1200 s (simulated)"]);
    driver.setReachable(false);
    await expect(driver.applyFailSafes({ maxSessionSeconds: 600 })).rejects.toBeInstanceOf(PanelUnreachableError);
    expect(driver.failSafes).toEqual({ maxSessionSeconds: 1200 });
  });

  it("is what createDriver builds by default; shelly when configured", () => {
    expect(createDriver(PanelConfigSchema.parse({ id: "a", name: "A" }), { log: () => {} }).kind).toBe("simulated");
    expect(createDriver(PanelConfigSchema.parse({ id: "a", name: "A", driver: { kind: "shelly", url: "http://127.0.0.1:1" } })).kind).toBe(
      "shelly",
    );
  });
});
