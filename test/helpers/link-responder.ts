/**
 * A light MQTT client that answers like the bridge's link (issue 20's protocol): it connects as a
 * thing, keeps a retained `status` (a last will sets it offline), and answers each request on `req`
 * to its response topic with the request's correlation data, by passing the request to a real
 * bridge's HTTP API. For the skill's transport tests before the bridge's own link, and for benches.
 */
import { readFileSync } from "node:fs";
import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { call } from "./http.js";
import type { Broker } from "./mosquitto.js";

export interface ResponderOptions {
  /** The broker URL (mqtts:// with `mqtt.cert`/`key`/`ca` for the TLS listener, or mqtt://). */
  url: string;
  thing: string;
  /** The bridge's HTTP API that answers each request. */
  bridgeUrl: string;
  token: string;
  mqtt?: IClientOptions;
}

export interface LinkResponder {
  /** Requests seen (their payloads), in order. */
  requests: Array<{ id: string; method: string; path: string; body?: unknown; exp: number }>;
  /** While true, requests are received but not answered (a bridge too slow to answer). */
  silent: boolean;
  /** The connection drops without a goodbye: the broker publishes the last will (offline, no `since`). */
  crash(): Promise<void>;
  /** A clean shutdown: the retained status set offline since now, then a normal disconnect. */
  shutdown(): Promise<void>;
  close(): Promise<void>;
}

const statusTopic = (thing: string) => `biolight/v1/${thing}/status`;

export async function startLinkResponder(o: ResponderOptions): Promise<LinkResponder> {
  const status = statusTopic(o.thing);
  const client: MqttClient = mqtt.connect(o.url, {
    protocolVersion: 5,
    clientId: o.thing,
    clean: true,
    keepalive: 30,
    reconnectPeriod: 0,
    will: { topic: status, payload: Buffer.from(JSON.stringify({ online: false, version: "test" })), qos: 1, retain: true },
    ...o.mqtt,
  });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  const responder: LinkResponder = {
    requests: [],
    silent: false,
    async crash() {
      client.stream.destroy();
      await new Promise<void>((r) => (client.connected ? client.once("close", () => r()) : r()));
      client.end(true);
    },
    async shutdown() {
      await client.publishAsync(status, JSON.stringify({ online: false, since: new Date().toISOString(), version: "test" }), {
        qos: 1,
        retain: true,
      });
      await client.endAsync();
    },
    close: () => client.endAsync(true),
  };
  const prefix = `biolight/v1/${o.thing}/res/`;
  client.on("message", async (_topic, payload, packet) => {
    const req = JSON.parse(payload.toString("utf8"));
    responder.requests.push(req);
    const { responseTopic, correlationData } = packet.properties ?? {};
    if (responder.silent || !responseTopic?.startsWith(prefix)) return;
    const answer = await call(o.bridgeUrl, req.method, req.path, { token: o.token, body: req.body });
    if (client.connected)
      await client.publishAsync(responseTopic, JSON.stringify({ id: req.id, status: answer.status, body: answer.body }), {
        qos: 1,
        properties: { correlationData },
      });
  });
  await client.subscribeAsync(`biolight/v1/${o.thing}/req`, { qos: 1 });
  await client.publishAsync(status, JSON.stringify({ online: true, since: new Date().toISOString(), version: "test" }), {
    qos: 1,
    retain: true,
  });
  return responder;
}

/** A responder connected as `thing` to the test broker's TLS listener, with a certificate minted for it, answering through `bridge`. */
export async function respondAsThing(broker: Broker, thing: string, bridge: { url: string; token: string }): Promise<LinkResponder> {
  const creds = await broker.mintThing(thing);
  return startLinkResponder({
    url: broker.tlsUrl,
    thing,
    bridgeUrl: bridge.url,
    token: bridge.token,
    mqtt: { cert: creds.cert, key: creds.key, ca: readFileSync(broker.caPath, "utf8") },
  });
}
