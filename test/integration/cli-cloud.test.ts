/**
 * The compiled bridge with a `cloud` section, against the test broker: a mistake in the section is
 * one line naming the field and exit 2 with nothing started; a running bridge retains an online
 * status, its last will says offline when it is killed, and a clean stop says offline itself.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { configFile, launch, startBridge, tempDir } from "../helpers/cli-bridge.js";
import { cloudSection, retainedStatus } from "../helpers/cloud-link.js";
import { call } from "../helpers/http.js";
import { Broker, type ThingCredentials } from "../helpers/mosquitto.js";
import { until } from "../helpers/until.js";

const PANELS = [{ id: "panel-1", name: "Test panel", driver: { kind: "simulated" } }];

describe("bridge CLI with a cloud link", () => {
  let broker: Broker;
  let home: ThingCredentials;
  let other: ThingCredentials;

  beforeAll(async () => {
    broker = await Broker.start();
    [home, other] = await Promise.all([broker.mintThing("cli-home"), broker.mintThing("cli-other")]);
  });
  afterAll(() => broker?.close());

  /** A storage folder holding `creds` under cloud/, and a config whose cloud section is `cloud` (merged over a valid one). */
  async function setUp(creds: ThingCredentials, cloud: Record<string, unknown> = {}) {
    const dir = await tempDir();
    const storage = join(dir, "data");
    const config = await configFile(dir, { panels: PANELS, cloud: { ...(await cloudSection(broker, creds, storage)), ...cloud } });
    return { storage, config };
  }

  it.each<[string, Record<string, string>, RegExp]>([
    ["a missing certificate", { cert: "cloud/nope.pem" }, /^Invalid cloud\.cert: cannot read \S+nope\.pem \(no such file\)$/],
    [
      "a key of another certificate",
      { key: "KEY_OF_OTHER" },
      /^Invalid cloud\.key: \S+ is not the key of the certificate cloud\/certificate\.pem$/,
    ],
    ["a url that is not mqtts", { url: "https://example.com" }, /^Invalid \S+bridge\.json: cloud\.url: must be mqtts:\/\/<host>\[:port\]/],
    ["a thing name with a slash", { thing: "home/1" }, /^Invalid \S+bridge\.json: cloud\.thing: must be 1–128 letters/],
  ])("stops on %s: one line naming the field, exit 2, nothing started", async (_what, cloud, message) => {
    const { storage, config } = await setUp(home, cloud.key === "KEY_OF_OTHER" ? { key: other.keyPath } : cloud);
    const bad = launch(["--storage", storage, "--config", config, "--api-port", "0"]);
    expect((await bad.exited).code).toBe(2);
    const lines = bad.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    // Nothing started: no lock, no token, no ledger beside the certificates.
    expect((await readdir(storage)).sort()).toEqual(["cloud"]);
  });

  it("retains online while it runs; its last will says offline when it is killed", async () => {
    const { storage, config } = await setUp(home);
    const bridge = await startBridge(storage, config);
    await bridge.waitFor(/Cloud link connected to 127\.0\.0\.1:\d+ as cli-home\./);
    expect(bridge.output()).toMatch(/Cloud link: {3}connecting to 127\.0\.0\.1:\d+ as cli-home|Cloud link: {3}connected to/);
    expect((await call(bridge.url, "GET", "/v1/health")).body).toEqual({ status: "ok", clock: "ok", cloud: "connected" });
    expect(await retainedStatus(broker.tcpUrl, "cli-home")).toEqual({
      online: true,
      since: expect.any(String),
      version: expect.any(String),
    });
    bridge.child.kill("SIGKILL");
    await bridge.exited;
    await until(async () => ((await retainedStatus(broker.tcpUrl, "cli-home")) as { online: boolean }).online === false, "the last will");
    expect(await retainedStatus(broker.tcpUrl, "cli-home")).toEqual({ online: false, version: expect.any(String) });
  });

  it("says offline itself, with the time, when stopped cleanly; without a broker it starts all the same", async () => {
    const { storage, config } = await setUp(home);
    const bridge = await startBridge(storage, config);
    await bridge.waitFor(/Cloud link connected/);
    bridge.child.kill("SIGTERM");
    expect((await bridge.exited).code).toBe(0);
    expect(await retainedStatus(broker.tcpUrl, "cli-home")).toEqual({
      online: false,
      since: expect.any(String),
      version: expect.any(String),
    });
    expect(bridge.output()).toMatch(/Cloud link closed\./);

    // A broker that is down never stops the bridge: HTTP answers, health says connecting.
    await broker.stop();
    try {
      const alone = await startBridge(storage, config);
      await alone.waitFor(/Cloud link cannot connect to 127\.0\.0\.1:\d+ as cli-home: .*; reconnecting in \d+\.\d s/);
      expect((await call(alone.url, "GET", "/v1/health")).body).toMatchObject({ status: "ok", cloud: "connecting" });
      alone.child.kill("SIGTERM");
      expect((await alone.exited).code).toBe(0);
    } finally {
      await broker.restart();
    }
    expect(existsSync(join(storage, "api-token"))).toBe(true);
  });
});
