/**
 * The broker harness plays IoT Core's part: only a certificate from the test CA connects on TLS, each
 * thing is confined to its own prefix, the skill's WebSocket listener and the test's TCP listener work,
 * and the broker can be stopped, restarted on the same ports, paused and resumed.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import mqtt, { type MqttClient } from "mqtt";
import { Broker, type ThingCredentials } from "../helpers/mosquitto.js";
import { until } from "../helpers/until.js";

const clients: MqttClient[] = [];
const connect = (url: string, opts: mqtt.IClientOptions = {}) => {
  const c = mqtt.connect(url, { protocolVersion: 5, reconnectPeriod: 0, connectTimeout: 5000, ...opts });
  clients.push(c);
  return c;
};
const connected = (c: MqttClient) =>
  new Promise<void>((resolve, reject) => {
    c.once("connect", () => resolve());
    c.once("error", reject);
    c.once("close", () => reject(new Error("closed before connecting")));
  });
const asThing = (broker: Broker, t: ThingCredentials) => connect(broker.tlsUrl, { clientId: t.thing, cert: t.cert, key: t.key, ca: caPem });

let caPem = "";

describe("the mosquitto harness", () => {
  let broker: Broker;
  let a: ThingCredentials;

  beforeAll(async () => {
    broker = await Broker.start();
    caPem = readFileSync(broker.caPath, "utf8");
    a = await broker.mintThing("home-a");
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await broker?.close();
  });

  it("lets a thing use its own prefix and refuses it another thing's", async () => {
    const thing = asThing(broker, a);
    await connected(thing);
    await thing.subscribeAsync("biolight/v1/home-a/req", { qos: 1 });
    await thing.subscribeAsync("biolight/v1/home-b/req", { qos: 1 }); // granted, but nothing may be read through it
    const seen: string[] = [];
    thing.on("message", (topic) => seen.push(topic));
    const test = connect(broker.tcpUrl);
    await connected(test);
    await test.publishAsync("biolight/v1/home-b/req", "for b", { qos: 1 });
    await test.publishAsync("biolight/v1/home-a/req", "for a", { qos: 1 });
    await until(() => seen.length > 0, "the thing's own message");
    expect(seen).toEqual(["biolight/v1/home-a/req"]);

    // Publishing into another thing's prefix is refused (MQTT 5 PUBACK "not authorized").
    const spy: string[] = [];
    await test.subscribeAsync("biolight/v1/#", { qos: 1 });
    test.on("message", (topic) => spy.push(topic));
    await expect(thing.publishAsync("biolight/v1/home-b/res/x", "forged", { qos: 1 })).rejects.toThrow();
    await thing.publishAsync("biolight/v1/home-a/status", "mine", { qos: 1 });
    await until(() => spy.length > 0, "the thing's own publish");
    expect(spy).toEqual(["biolight/v1/home-a/status"]);
    thing.removeAllListeners("message");

    // A message from the skill's WebSocket listener reaches the thing's subscription.
    const skill = connect(broker.wsUrl);
    await connected(skill);
    const got = new Promise<string>((r) => thing.once("message", (_t, p) => r(p.toString())));
    await skill.publishAsync("biolight/v1/home-a/req", "hello", { qos: 1 });
    expect(await got).toBe("hello");
  });

  it("refuses a TLS client without a certificate from the test CA", async () => {
    const anonymous = connect(broker.tlsUrl, { ca: caPem });
    await expect(connected(anonymous)).rejects.toThrow();
  });

  it("restarts on the same ports, and a paused broker answers nothing until resumed", async () => {
    const { tcp } = broker.ports;
    await broker.stop();
    expect(broker.running).toBe(false);
    await expect(connected(connect(broker.tcpUrl))).rejects.toThrow();
    await broker.restart();
    expect(broker.ports.tcp).toBe(tcp);
    const c = connect(broker.tcpUrl);
    await connected(c);

    broker.pause();
    let answered = false;
    const pub = c.publishAsync("t", "x", { qos: 1 }).then(() => {
      answered = true;
    });
    // The broker is stopped: a ping round trip on another client cannot complete either.
    const other = connect(broker.tcpUrl, { connectTimeout: 300 });
    await expect(connected(other)).rejects.toThrow();
    expect(answered).toBe(false);
    broker.resume();
    await pub;
    expect(answered).toBe(true);
  });
});
