/**
 * An offline home is not a new user: a user who answered the caution long ago, whose bridge is
 * down, hears that the bridge cannot be reached (or, through the MQTT link, that it is offline
 * since when), nothing else, at a launch and on a start; a truly new user still hears the caution
 * first. The real skill on the real en-US model through virtual-alexa, against a real bridge over
 * HTTP, and through mosquitto and a responder answering like the bridge's link.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BridgeClient } from "../../lambda/bridge-api/client.js";
import { MqttLink } from "../../lambda/link/mqtt-link.js";
import { startControlBridge } from "../helpers/control-bridge.js";
import { useFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { type LinkResponder, respondAsThing } from "../helpers/link-responder.js";
import { Broker } from "../helpers/mosquitto.js";
import { alexaFor, said, testSkill } from "../helpers/voice.js";

const CONFIG = { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 } };
const USER = "amzn1.ask.account.OFFLINE-HOME";
const UNREACHABLE = /^Sorry, I couldn't reach your Bio Light bridge\. .*Nothing was started\.$/;

const fake = useFakeAlexaApi();

/** Acknowledges the caution at a launch and ends the skill session, as a returning user did long ago. */
async function acknowledged(alexa: ReturnType<typeof alexaFor>) {
  expect(said(await alexa.launch())).toContain("Does any of this apply to you?");
  expect(said(await alexa.utter("no"))).toContain("I've noted that none of those apply");
  await alexa.utter("stop");
}

describe("an offline home over HTTP", () => {
  it("a returning user whose bridge is down hears that it cannot be reached, at a launch and on a start, never the caution", async () => {
    const bridge = await startControlBridge({ config: CONFIG });
    const { skill } = await testSkill(bridge.url, bridge.token);
    const alexa = () => alexaFor(skill, fake.api(), { userId: USER });
    await acknowledged(alexa());
    await bridge.close();

    expect(said(await alexa().launch())).toMatch(UNREACHABLE);
    expect(said(await alexa().utter("start a mid back session"))).toMatch(UNREACHABLE);
  });
});

describe("an offline home through the MQTT link", () => {
  let broker: Broker;
  beforeAll(async () => {
    broker = await Broker.start();
  });
  afterAll(() => broker?.close());

  async function home(thing: string) {
    const bridge = await startControlBridge({ config: CONFIG });
    const responder: LinkResponder = await respondAsThing(broker, thing, bridge);
    fake.cleanups.push(() => responder.close());
    // An answer budget far beyond the test's: an offline status must be said without waiting for it.
    const link = new MqttLink({ url: broker.wsUrl, thing, answerTimeoutMs: 60_000 });
    fake.cleanups.push(() => link.close());
    const { skill } = await testSkill(bridge.url, bridge.token, { bridge: new BridgeClient({ url: broker.wsUrl, token: "", link }) });
    return { bridge, responder, alexa: () => alexaFor(skill, fake.api(), { userId: USER }) };
  }

  it("a bridge that shut down: 'offline since …' at once, at a launch and on a start", async () => {
    const { bridge, responder, alexa } = await home("offline-clean");
    await acknowledged(alexa());
    await responder.shutdown();
    await bridge.close();
    const offline = "Your Bio Light bridge is offline since a minute ago; nothing was started.";
    expect(said(await alexa().launch())).toBe(offline);
    expect(said(await alexa().utter("start a mid back session"))).toBe(offline);
  });

  it("a bridge whose connection dropped (its last will): 'offline' at once", async () => {
    const { responder, alexa } = await home("offline-crash");
    await acknowledged(alexa());
    await responder.crash();
    expect(said(await alexa().launch())).toBe("Your Bio Light bridge is offline; nothing was started.");
  });

  it("a truly new user still hears the caution first, through the link", async () => {
    const { alexa } = await home("offline-new");
    expect(said(await alexa().launch())).toMatch(/^Welcome to Bio Light\. Before your first session, a safety check\./);
  });
});
