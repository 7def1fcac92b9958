/**
 * One warm skill container serving many households in turn through one MQTT connection: AWS IoT
 * Core allows 50 subscriptions per connection, so the transport lets go of the households it served
 * longest ago (MAX_FOLLOWED_THINGS, two subscriptions each) and follows one again when asked again.
 * mosquitto has no such limit, so the test counts the broker's own figure ($SYS subscriptions).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import mqtt, { type MqttClient } from "mqtt";
import { MAX_FOLLOWED_THINGS, MqttLinks } from "../../lambda/link/mqtt-link.js";
import { Broker } from "../helpers/mosquitto.js";
import { until } from "../helpers/until.js";

const HOUSEHOLDS = 40;
const things = Array.from({ length: HOUSEHOLDS }, (_, i) => `home-${i}`);

describe("one skill connection, many households", () => {
  let broker: Broker;
  let homes: MqttClient;
  let watcher: MqttClient;
  /** The broker's figures as they come, one a second. */
  const counts: number[] = [];

  beforeAll(async () => {
    broker = await Broker.start();
    // Every household's bridge, played by one client: it answers each request with its own thing's name.
    homes = await mqtt.connectAsync(broker.tcpUrl, { protocolVersion: 5, clientId: "homes" });
    await homes.subscribeAsync("biolight/v1/+/req", { qos: 1 });
    homes.on("message", (topic, payload, packet) => {
      const thing = topic.split("/")[2];
      const { id } = JSON.parse(payload.toString());
      const { responseTopic, correlationData } = packet.properties ?? {};
      if (responseTopic)
        void homes.publishAsync(responseTopic, JSON.stringify({ id, status: 200, body: { thing } }), {
          qos: 1,
          properties: { correlationData },
        });
    });
    watcher = await mqtt.connectAsync(broker.tcpUrl, { protocolVersion: 5, clientId: "watcher" });
    watcher.on("message", (_t, payload) => {
      counts.push(Number(payload.toString()));
    });
    await watcher.subscribeAsync("$SYS/broker/subscriptions/count");
  });
  afterAll(async () => {
    await homes?.endAsync();
    await watcher?.endAsync();
    await broker?.close();
  });

  /**
   * The broker's subscription count once it has stopped changing (mosquitto publishes the figure
   * at most once a second, and only when it changed), less the two this test's own clients hold.
   */
  async function skillSubscriptions(): Promise<number> {
    let seen = counts.length;
    let quietSince = Date.now();
    await until(
      () => {
        if (counts.length !== seen) [seen, quietSince] = [counts.length, Date.now()];
        return counts.length > 0 && Date.now() - quietSince >= 2500;
      },
      "the broker's subscription count to settle",
      20_000,
      100,
    );
    return (counts.at(-1) as number) - 2;
  }

  it(`holds at most ${MAX_FOLLOWED_THINGS} households' subscriptions, answers every one from its own thing, and follows one again when asked again`, async () => {
    const links = new MqttLinks({ url: broker.wsUrl, clientIdPrefix: "skill-many-" });
    try {
      for (const thing of things) {
        const answer = await links.forThing(thing).request({ method: "GET", path: "/v1/health" });
        expect(answer).toEqual({ status: 200, body: { thing } });
      }
      const held = await skillSubscriptions();
      expect(held).toBeLessThanOrEqual(2 * MAX_FOLLOWED_THINGS);
      expect(held).toBeLessThanOrEqual(50);
      expect(held).toBeGreaterThan(0);
      // The first household was let go long ago: asked again, it is followed again and answers.
      expect(await links.forThing(things[0]).request({ method: "GET", path: "/v1/health" })).toEqual({
        status: 200,
        body: { thing: things[0] },
      });
    } finally {
      await links.close();
    }
  }, 60_000);
});
