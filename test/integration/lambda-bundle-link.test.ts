/**
 * The BUILT Lambda bundle with BRIDGE_LINK=mqtt, warm in a process of its own as a Lambda container,
 * on the real interaction model (virtual-alexa), through a real mosquitto playing IoT Core to a
 * responder speaking the bridge's link protocol in front of a real bridge: a voice session switches
 * the panel on and off while the bridge's HTTP API keeps working beside it; the bridge's retained
 * offline status is spoken at once; a stopped broker is said within 5 s.
 */

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { call } from "../helpers/http.js";
import { type LambdaContainer, startLambdaContainer } from "../helpers/lambda-container.js";
import { type LinkResponder, respondAsThing } from "../helpers/link-responder.js";
import { Broker } from "../helpers/mosquitto.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { said } from "../helpers/voice.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bundle = join(root, "dist/lambda/index.js");
const THING = "home-bundle";

describe("the built skill through the MQTT link", () => {
  let broker: Broker;
  let bridge: ControlBridge;
  let responder: LinkResponder;
  let dataDir: string;
  const containers: LambdaContainer[] = [];

  beforeAll(async () => {
    // The bundle is built once per run (test/global-setup.js).
    broker = await Broker.start();
    bridge = await startControlBridge({ config: { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 } } });
    responder = await respondAsThing(broker, THING, bridge);
    dataDir = await tempDir();
  }, 60_000);
  afterAll(async () => {
    for (const c of containers) await c.close();
    await responder?.close();
    await broker?.close();
  });
  /** Below the afterAll above (hooks run in order): the folder goes once the containers in it are closed. */
  const tempDir = tempDirs("biolight-bundle-link-");

  /** A new container: no bridge token anywhere, only the broker and the thing. */
  const container = () => {
    const c = startLambdaContainer(
      bundle,
      { BRIDGE_LINK: "mqtt", MQTT_URL: broker.wsUrl, BRIDGE_THING: THING, SKILL_DATA_DIR: join(dataDir, "skill") },
      dataDir,
    );
    containers.push(c);
    return c;
  };

  it("a voice session through the link: the caution, then the panel on and off; HTTP works beside it", async () => {
    const alexa = container().alexa("amzn1.ask.account.BUNDLE-LINK");
    expect(said(await alexa.launch())).toMatch(/^Welcome to Bio Light\. Before your first session, a safety check\./);
    expect(said(await alexa.utter("no"))).toContain("I've noted that none of those apply");
    expect(said(await alexa.utter("start a low back session for two minutes"))).toContain("Starting your low back and hips session");
    expect((await bridge.panel()).on).toBe(true);
    const http = await call(bridge.url, "GET", "/v1/panels", { token: bridge.token });
    expect(http.status).toBe(200);
    expect(http.body.panels[0]).toMatchObject({ on: true });
    expect(said(await alexa.utter("stop the panel"))).toMatch(/^Stopped\./);
    expect((await bridge.panel()).on).toBe(false);
    // Every request went through the link.
    expect(responder.requests.map((r) => `${r.method} ${r.path.split("?")[0]}`)).toEqual(
      expect.arrayContaining(["GET /v1/people", "POST /v1/caution/acknowledge", "POST /v1/sessions"]),
    );
  });

  it("the bridge went offline: its retained status is spoken at once; the broker stopped: the unreachable sentence within 5 s", async () => {
    const warm = container();
    const alexa = warm.alexa("amzn1.ask.account.BUNDLE-LINK");
    expect(said(await alexa.launch())).toMatch(/^Welcome to Bio Light\. You can say/);
    await responder.shutdown();
    expect(said(await alexa.launch())).toBe("Your Bio Light bridge is offline since a minute ago; nothing was started.");
    await broker.stop();
    const t0 = Date.now();
    expect(said(await container().alexa("amzn1.ask.account.BUNDLE-LINK").launch())).toMatch(
      /^Sorry, I couldn't reach your Bio Light bridge\./,
    );
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
