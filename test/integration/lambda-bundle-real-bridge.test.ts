/**
 * The BUILT Lambda bundle (BRIDGE_LINK=mqtt,
 * warm in its own process as a Lambda container) on the real interaction model, through mosquitto
 * playing IoT Core, to the REAL compiled bridge connected out with its `cloud` section (mutual TLS,
 * its own thing's certificate): a voice session switches the panel on and off; Matter and HTTP keep
 * working beside it; the bridge stopped → its retained offline status is spoken at once; the broker
 * stopped and restarted → the skill answers within 5 s meanwhile and the bridge reconnects by itself.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { configFile, panelState, startBridge } from "../helpers/cli-bridge.js";
import { cloudSection } from "../helpers/cloud-link.js";
import { call } from "../helpers/http.js";
import { type LambdaContainer, startLambdaContainer } from "../helpers/lambda-container.js";
import { commission, connect, onOffClient, startController } from "../helpers/matter-controller.js";
import { Broker } from "../helpers/mosquitto.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";
import { said } from "../helpers/voice.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bundle = join(root, "dist/lambda/index.js");
const THING = "home-e2e";
const USER = "amzn1.ask.account.REAL-BRIDGE";
const PASSCODE = 20202021;
const DISCRIMINATOR = 3841;

describe("the built skill through the link to the real bridge", () => {
  let broker: Broker;
  let dir: string;
  let storage: string;
  let bridge: Awaited<ReturnType<typeof startBridge>>;
  const containers: LambdaContainer[] = [];

  beforeAll(async () => {
    // The bundle is built once per run (test/global-setup.js).
    broker = await Broker.start();
    dir = await tempDir();
    storage = join(dir, "storage");
    const config = await configFile(dir, {
      panels: [{ id: "panel-1", name: "Test panel", driver: { kind: "simulated" } }],
      dose: { minSessionSeconds: 1, maxSessionSeconds: 120, minRestSameRegionSeconds: 0 },
      cloud: await cloudSection(broker, await broker.mintThing(THING), storage),
    });
    bridge = await startBridge(storage, config, ["--passcode", String(PASSCODE), "--discriminator", String(DISCRIMINATOR)]);
    await until(
      async () => (await call(bridge.url, "GET", "/v1/health", { token: bridge.token })).body?.cloud === "connected",
      "the bridge's link connected",
      15_000,
    );
  }, 90_000);
  afterAll(async () => {
    for (const c of containers) await c.close();
    bridge?.child.kill("SIGTERM");
    await bridge?.exited;
    await broker?.close();
  });
  /** Below the afterAll above (hooks run in order): the folder goes once the bridge in it is closed. */
  const tempDir = tempDirs("biolight-e2e-link-");

  const container = () => {
    const c = startLambdaContainer(
      bundle,
      { BRIDGE_LINK: "mqtt", MQTT_URL: broker.wsUrl, BRIDGE_THING: THING, SKILL_DATA_DIR: join(dir, "skill") },
      dir,
    );
    containers.push(c);
    return c;
  };

  it("a voice session through the link switches the panel on and off; HTTP works beside it", async () => {
    const alexa = container().alexa(USER);
    expect(said(await alexa.launch())).toMatch(/^Welcome to Bio Light\. Before your first session, a safety check\./);
    expect(said(await alexa.utter("no"))).toContain("I've noted that none of those apply");
    expect(said(await alexa.utter("start a low back session for two minutes"))).toContain("Starting your low back and hips session");
    expect((await panelState(storage)).on).toBe(true);
    const http = await call(bridge.url, "GET", "/v1/panels", { token: bridge.token });
    expect([http.status, http.body.panels[0].on]).toEqual([200, true]);
    expect(said(await alexa.utter("stop the panel"))).toMatch(/^Stopped\./);
    expect((await panelState(storage)).on).toBe(false);
  });

  it("Matter works beside the link: a paired controller's On and Off switch the same panel, and the skill sees it", async () => {
    const controller = await startController(join(dir, "controller"));
    try {
      const { nodeId } = await commission(controller, bridge.matterPort, PASSCODE, DISCRIMINATOR);
      const onOff = onOffClient(await connect(controller, nodeId));
      await onOff.on();
      await until(async () => (await panelState(storage)).on === true, "the panel on by Matter");
      expect(said(await container().alexa(USER).utter("how long is left"))).toMatch(/left/);
      await onOff.off();
      await until(async () => (await panelState(storage)).on === false, "the panel off by Matter");
      expect((await call(bridge.url, "GET", "/v1/health", { token: bridge.token })).body.cloud).toBe("connected");
      // The controller says goodbye (CloseSession), as a hub that unpairs or shuts down does: else the
      // bridge, stopped in the last test, retries its own CloseSession to a gone peer for ~12 s first.
      await controller.disconnectNode(nodeId, true);
    } finally {
      await controller.close();
    }
  }, 90_000);

  it("the broker stopped: the skill answers within 5 s; restarted: the bridge reconnects by itself and the skill reaches it", async () => {
    await broker.stop();
    const t0 = Date.now();
    expect(said(await container().alexa(USER).launch())).toMatch(/^Sorry, I couldn't reach your Bio Light bridge\./);
    expect(Date.now() - t0).toBeLessThan(5000);
    await broker.restart();
    await until(
      async () => (await call(bridge.url, "GET", "/v1/health", { token: bridge.token })).body?.cloud === "connected",
      "the bridge reconnected",
      150_000,
    );
    expect(said(await container().alexa(USER).launch())).toMatch(/^Welcome to Bio Light\. You can say/);
  }, 180_000);

  it("the bridge stopped: its retained offline status is spoken at once", async () => {
    bridge.child.kill("SIGTERM");
    await bridge.exited;
    expect(said(await container().alexa(USER).launch())).toMatch(
      /^Your Bio Light bridge is offline( since [^;]+)?; nothing was started\.$/,
    );
  });
});
