/**
 * `npm run bench -- households`: one local mosquitto, 1,000 simulated households (light MQTT 5
 * clients that answer like a bridge's link, each its own client id and biolight/v1/<thing>/ topics)
 * and one skill connection (one per container) sending 2,000 requests spread across them, 100 in
 * flight. Each answer names the household that gave it: an answer from another household than the
 * one asked is "crossed" (must be 0). Ends with the one line tools read.
 */
import { randomUUID } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import { linkTopics } from "../matter-bridge/contract/cloud-link.js";
import { Broker } from "../test/helpers/mosquitto.js";

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1000);
const REQUESTS = 2000;
const IN_FLIGHT = 100;

const connect = (url: string, clientId: string, extra: mqtt.IClientOptions = {}) =>
  new Promise<MqttClient>((resolve, reject) => {
    const c = mqtt.connect(url, { protocolVersion: 5, clientId, clean: true, reconnectPeriod: 0, keepalive: 60, ...extra });
    c.once("connect", () => resolve(c));
    c.once("error", reject);
  });

/** A household: answers each request on its response topic with the correlation data, naming itself. */
async function household(url: string, thing: string): Promise<MqttClient> {
  const t = linkTopics(thing);
  const c = await connect(url, thing);
  c.on("message", (_topic, payload, packet) => {
    const req = JSON.parse(payload.toString());
    const { responseTopic, correlationData } = packet.properties ?? {};
    if (!responseTopic?.startsWith(`biolight/v1/${thing}/res/`)) return;
    c.publish(responseTopic, JSON.stringify({ id: req.id, status: 200, body: { thing, state: "idle" } }), {
      qos: 1,
      properties: { correlationData },
    });
  });
  await c.subscribeAsync(t.requests, { qos: 1 });
  await c.publishAsync(t.status, JSON.stringify({ online: true, since: new Date().toISOString(), version: "bench" }), {
    qos: 1,
    retain: true,
  });
  return c;
}

export async function benchHouseholds(): Promise<string> {
  const broker = await Broker.start();
  const things = Array.from({ length: HOUSEHOLDS }, (_, i) => `bl-bench-${String(i).padStart(4, "0")}`);
  const homes: MqttClient[] = [];
  try {
    for (let i = 0; i < things.length; i += 50)
      homes.push(...(await Promise.all(things.slice(i, i + 50).map((t) => household(broker.tcpUrl, t)))));
    const rssBefore = process.memoryUsage().rss;
    const clientId = `biolight-skill-${randomUUID().slice(0, 12)}`;
    const skill = await connect(broker.wsUrl, clientId);
    const pending = new Map<string, { thing: string; resolve: (asked: string, answered: string) => void }>();
    skill.on("message", (_topic, payload, packet) => {
      const id = packet.properties?.correlationData?.toString();
      const p = id ? pending.get(id) : undefined;
      if (!p) return;
      pending.delete(id!);
      p.resolve(p.thing, JSON.parse(payload.toString()).body.thing);
    });
    await skill.subscribeAsync(`biolight/v1/+/res/${clientId}`, { qos: 1 });
    const latencies: number[] = [];
    let crossed = 0;
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const thing = things[next++ % things.length];
        const id = randomUUID();
        const t = linkTopics(thing);
        const start = performance.now();
        await new Promise<void>((resolve) => {
          pending.set(id, {
            thing,
            resolve: (asked, answered) => {
              latencies.push(performance.now() - start);
              if (asked !== answered) crossed++;
              resolve();
            },
          });
          skill.publish(t.requests, JSON.stringify({ id, method: "GET", path: "/v1/health", exp: Date.now() + 3000 }), {
            qos: 1,
            properties: { responseTopic: t.responses(clientId), correlationData: Buffer.from(id) },
          });
        });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    const rss = Math.max(process.memoryUsage().rss, rssBefore) / 2 ** 20;
    const connections = 1; // the skill's side opened exactly one MQTT connection for all households
    await skill.endAsync();
    console.log(
      `households: ${HOUSEHOLDS} clients in this process; the skill side: one MQTT connection, ${REQUESTS} requests, ${IN_FLIGHT} in flight (RSS is this whole process, households included)`,
    );
    return `households: ${HOUSEHOLDS} requests: ${latencies.length} crossed: ${crossed} p50: ${pct(50).toFixed(1)} ms p99: ${pct(99).toFixed(1)} ms connections: ${connections} rss: ${Math.round(rss)} MiB`;
  } finally {
    await Promise.all(homes.map((h) => h.endAsync(true)));
    await broker.close();
  }
}
