/**
 * One request's round trip as the skill makes it, to the same running bridge: through the local
 * broker with the skill's own transport (lambda/link/mqtt-link.ts over WebSocket; the bridge on
 * mutual TLS), and directly over HTTP with the skill's own client (lambda/bridge-api/http-fetch.ts, keep-alive).
 * The floor: the same transport to a bare MQTT.js client on the same TLS listener that answers at
 * once (the broker's two hops, no bridge). The same requests, taking turns, the first path rotating.
 */
import { readFileSync } from "node:fs";
import mqtt from "mqtt";
import { httpFetch } from "../lambda/bridge-api/http-fetch.js";
import { MqttLink } from "../lambda/link/mqtt-link.js";
import type { Broker, ThingCredentials } from "../test/helpers/mosquitto.js";
import type { BenchBridge } from "./linked-bridge.js";
import { sleep } from "./processes.js";
import { median, percentile } from "./stats.js";

const PATHS = ["/v1/panels", "/v1/dose"];
const WARM_UP = 50;
const KINDS = ["link", "http", "echo"] as const;
type Kind = (typeof KINDS)[number];
type Summary = { p50: number; p99: number };
export type RoundTrip = Record<Kind, Summary> & { samples: number };

/** A thing that answers every request on its `req` topic at once, with an empty body: the broker's part of a round trip. */
async function startEcho(broker: Broker, creds: ThingCredentials) {
  const client = await mqtt.connectAsync(broker.tlsUrl, {
    protocolVersion: 5,
    clientId: creds.thing,
    clean: true,
    reconnectPeriod: 0,
    cert: creds.cert,
    key: creds.key,
    ca: readFileSync(broker.caPath, "utf8"),
  });
  client.on("message", (_topic, payload, packet) => {
    const { responseTopic, correlationData } = packet.properties ?? {};
    const { id } = JSON.parse(payload.toString());
    if (responseTopic)
      client.publish(responseTopic, JSON.stringify({ id, status: 200, body: {} }), { qos: 1, properties: { correlationData } });
  });
  await client.subscribeAsync(`biolight/v1/${creds.thing}/req`, { qos: 1 });
  return client;
}

/** `bridge`'s link is up as `thing`; `echoCreds`: another thing's, for the floor. */
export async function benchLinkRoundTrip(
  broker: Broker,
  bridge: BenchBridge,
  thing: string,
  echoCreds: ThingCredentials,
  samples: number,
): Promise<RoundTrip> {
  const echo = await startEcho(broker, echoCreds);
  const link = new MqttLink({ url: broker.wsUrl, thing });
  const echoLink = new MqttLink({ url: broker.wsUrl, thing: echoCreds.thing });
  const send: Record<Kind, (path: string) => Promise<unknown>> = {
    link: (path) => link.request({ method: "GET", path }).then((a) => a.status === 200 || Promise.reject(new Error(`link: ${a.status}`))),
    echo: (path) => echoLink.request({ method: "GET", path }),
    http: async (path) => {
      const res = await httpFetch(`${bridge.url}${path}`, { headers: { Authorization: `Bearer ${bridge.token}` } });
      if (!res.ok) throw new Error(`http: GET ${path} answered ${res.status}`);
      return res.json();
    },
  };
  const times: Record<Kind, number[]> = { link: [], http: [], echo: [] };
  try {
    // The bridge logs "connected" before its subscription is granted: the first request may find nobody listening.
    for (let attempt = 1; ; attempt++) {
      try {
        await send.link(PATHS[0]);
        break;
      } catch (err) {
        if (attempt >= 5) throw err;
        await sleep(3000); // the link fails fast for 3 s after a failure
      }
    }
    for (let i = 0; i < WARM_UP + samples; i++) {
      const path = PATHS[i % PATHS.length];
      for (let j = 0; j < KINDS.length; j++) {
        const kind = KINDS[(Math.floor(i / PATHS.length) + j) % KINDS.length];
        const t0 = performance.now();
        await send[kind](path);
        if (i >= WARM_UP) times[kind].push(performance.now() - t0);
      }
    }
  } finally {
    await Promise.all([link.close(), echoLink.close(), echo.endAsync(true)]);
  }
  const summary = (xs: number[]): Summary => ({ p50: median(xs), p99: percentile(xs, 99) });
  return { link: summary(times.link), http: summary(times.http), echo: summary(times.echo), samples };
}
