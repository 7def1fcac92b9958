/**
 * `npm run bench -- households`: one local mosquitto, 1,000 simulated households (light MQTT 5
 * clients that answer like a bridge's link, each its own client id and biolight/v1/<thing>/ topics)
 * and DynamoDB played by moto_server (the real HouseholdStore, real AWS SDK calls; moto rather than
 * dynalite because the store's bindings are DynamoDB transactions, which dynalite lacks).
 *
 * 1. 1,000 households link at once through the link function's code path: each household publishes
 *    its user's spoken code on its own link topic, and also the code of the next household's user (so
 *    every code is tried by two homes at the same moment); a client playing the IoT topic rule hands
 *    each message to linkFunction (lambda/entry/link-function.ts), which answers over the broker. Every
 *    code must be accepted exactly once and every user bound to the home that was told "ok".
 * 2. The skill's own path with HOUSEHOLDS=dynamodb (lambda/entry/from-env.ts): storeHouseholds finds each
 *    user's thing in the table (looked up once per user before the timed part: the table is moto, an
 *    emulator), and the BridgeClient it gives, over MqttLinks (one connection for the container),
 *    asks that thing GET /v1/people; 2,000 requests spread over the users, 100 in flight. Each
 *    household answers with its own thing name as its one person's name: an answer naming another
 *    household than the asker's is "crossed" (must be 0). The skill's connections are counted from
 *    the broker's own log (its CONNECT lines, the households' excluded).
 *
 * Ends with the one line tools read.
 */
import { randomUUID } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import { BridgeClient } from "../lambda/bridge-api/client.js";
import { linkFunction } from "../lambda/entry/link-function.js";
import { storeHouseholds } from "../lambda/households/skill-households.js";
import { HouseholdStore } from "../lambda/households/store.js";
import { LINK_FUNCTION_CLIENT_ID_PREFIX, SKILL_CLIENT_ID_PREFIX } from "../lambda/link/client-ids.js";
import { MqttLinks } from "../lambda/link/mqtt-link.js";
import { MqttPublisher } from "../lambda/link/publisher.js";
import { type HouseholdAnswer, householdTopics, linkTopics } from "../matter-bridge/contract/cloud-link.js";
import { playLinkRule } from "../test/helpers/link-rule.js";
import { Broker } from "../test/helpers/mosquitto.js";
import { createHouseholdTable, startMoto } from "../test/helpers/moto.js";

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1000);
const REQUESTS = 2000;
const IN_FLIGHT = 100;
const TABLE = "bench-households";
/** Past this a link question counts as lost (the bench says so and stops) rather than waiting for ever. */
const LINK_ANSWER_MS = 10 * 60_000;

const connect = (url: string, clientId: string) =>
  new Promise<MqttClient>((resolve, reject) => {
    const c = mqtt.connect(url, { protocolVersion: 5, clientId, clean: true, reconnectPeriod: 0, keepalive: 60 });
    c.once("connect", () => resolve(c));
    c.once("error", reject);
  });

interface Household {
  thing: string;
  client: MqttClient;
  /** Sends `code` up this home's link; resolves with the link function's answer. */
  link(code: string): Promise<HouseholdAnswer>;
}

/** A household: answers the skill's requests naming itself, and asks the link function as a bridge does. */
async function household(url: string, thing: string): Promise<Household> {
  const t = linkTopics(thing);
  const h = householdTopics(thing);
  const c = await connect(url, thing);
  const waiting = new Map<string, (a: HouseholdAnswer) => void>();
  c.on("message", (topic, payload, packet) => {
    const { responseTopic, correlationData } = packet.properties ?? {};
    if (topic.startsWith(h.responsePrefix)) {
      const id = correlationData?.toString();
      if (id) waiting.get(id)?.(JSON.parse(payload.toString()));
      return;
    }
    const req = JSON.parse(payload.toString());
    if (!responseTopic?.startsWith(`biolight/v1/${thing}/res/`)) return;
    const body = req.path === "/v1/people" ? { people: [{ id: "household", name: thing, defaultForPanels: [] }] } : {};
    c.publish(responseTopic, JSON.stringify({ id: req.id, status: 200, body }), { qos: 1, properties: { correlationData } });
  });
  await c.subscribeAsync([t.requests, `${h.responsePrefix}#`], { qos: 1 });
  await c.publishAsync(t.status, JSON.stringify({ online: true, since: new Date().toISOString(), version: "bench" }), {
    qos: 1,
    retain: true,
  });
  return {
    thing,
    client: c,
    link: (code) =>
      new Promise<HouseholdAnswer>((resolve, reject) => {
        const id = randomUUID();
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${thing}: no answer from the link function within ${LINK_ANSWER_MS / 1000} s`));
        }, LINK_ANSWER_MS);
        waiting.set(id, (a) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(a);
        });
        c.publish(h.requests, JSON.stringify({ id, op: "link", code }), {
          qos: 1,
          properties: { responseTopic: h.responses(thing), correlationData: Buffer.from(id) },
        });
      }),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Part 1: every household links its user at once (and tries its neighbour's code at the same moment). */
async function linkAll(broker: Broker, store: HouseholdStore, homes: Household[], users: string[]) {
  const publisher = new MqttPublisher({ url: broker.wsUrl, clientIdPrefix: LINK_FUNCTION_CLIENT_ID_PREFIX });
  const fn = linkFunction({ store, publish: publisher.publish, log: () => {} });
  const rule = await playLinkRule(broker, fn, "bench-iot-rule");
  try {
    const issuing = performance.now();
    const codes = await Promise.all(users.map(async (u) => (await store.issueCode(u)).code));
    if (process.env.BENCH_VERBOSE) console.log(`issued ${codes.length} codes in ${((performance.now() - issuing) / 1000).toFixed(1)} s`);
    const started = performance.now();
    const tries = homes.flatMap((home, i) => [
      { code: i, home, attempt: home.link(codes[i]) },
      { code: (i + homes.length - 1) % homes.length, home, attempt: home.link(codes[(i + homes.length - 1) % homes.length]) },
    ]);
    const answers = await Promise.all(tries.map(async (t) => ({ ...t, answer: await t.attempt })));
    const seconds = (performance.now() - started) / 1000;
    const acceptedBy = new Map<number, string[]>();
    for (const { code, home, answer } of answers) if (answer.ok) acceptedBy.set(code, [...(acceptedBy.get(code) ?? []), home.thing]);
    const twice = [...acceptedBy.values()].filter((things) => things.length > 1).length;
    const bound = await Promise.all(users.map((u) => store.thingOf(u)));
    const right = users.filter((_, i) => acceptedBy.get(i)?.length === 1 && bound[i] === acceptedBy.get(i)![0]).length;
    const refusals = new Map<string, number>();
    for (const { answer } of answers) if (!answer.ok) refusals.set(answer.reason, (refusals.get(answer.reason) ?? 0) + 1);
    console.log(
      `linking: ${homes.length} households at once, ${answers.length} link requests (each code tried by two homes) in ${seconds.toFixed(1)} s; ` +
        `bindings right: ${right}/${users.length}; codes accepted twice: ${twice}; codes accepted by no one: ${users.length - acceptedBy.size}; ` +
        `refused: ${[...refusals].map(([r, n]) => `${n} ${r}`).join(", ") || "none"}`,
    );
    if (right !== users.length || twice !== 0) throw new Error("households bench: linking went wrong (see the line above)");
    return new Map(users.map((u, i) => [u, bound[i] as string]));
  } finally {
    await rule.endAsync(true);
    await publisher.close();
  }
}

export async function benchHouseholds(): Promise<string> {
  const [broker, moto] = await Promise.all([Broker.start(), startMoto()]);
  await createHouseholdTable(moto, TABLE);
  const store = new HouseholdStore({ table: TABLE, dynamo: { ...moto.aws, maxAttempts: 10 } });
  const things = Array.from({ length: HOUSEHOLDS }, (_, i) => `bl-bench-${String(i).padStart(4, "0")}`);
  const users = things.map((_, i) => `amzn1.ask.account.BENCH-${String(i).padStart(4, "0")}`);
  const homes: Household[] = [];
  let links: MqttLinks | undefined;
  try {
    for (let i = 0; i < things.length; i += 50)
      homes.push(...(await Promise.all(things.slice(i, i + 50).map((t) => household(broker.tcpUrl, t)))));
    const bindings = await linkAll(broker, store, homes, users);

    // Part 2: the skill's path. From here on, every CONNECT the broker logs that is not a household's is the skill's.
    const logMark = broker.log.length;
    const rssBefore = process.memoryUsage().rss;
    links = new MqttLinks({ url: broker.wsUrl, clientIdPrefix: SKILL_CLIENT_ID_PREFIX });
    const skillLinks = links;
    const households = storeHouseholds(
      store,
      (thing) => new BridgeClient({ url: broker.wsUrl, token: "", link: skillLinks.forThing(thing) }),
    );
    // Each user's household as the skill finds it (the binding in the table → that thing's BridgeClient),
    // looked up once here: the lookup runs in moto, an emulator far slower than DynamoDB, and timing it
    // inside each request would measure moto. What the timed requests use is what bridgeFor returned.
    const lookups: number[] = [];
    const bridges = new Map<string, BridgeClient>();
    let looking = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (looking < users.length) {
          const user = users[looking++];
          const started = performance.now();
          const bridge = await households.bridgeFor(user);
          lookups.push(performance.now() - started);
          if (bridge) bridges.set(user, bridge);
        }
      }),
    );
    const latencies: number[] = [];
    let crossed = 0;
    const failed = new Map<string, number>();
    if (bridges.size < users.length) failed.set("not linked", users.length - bridges.size);
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const user = users[next++ % users.length];
        const bridge = bridges.get(user);
        if (!bridge) continue;
        const start = performance.now();
        const answer = await bridge.people();
        if (answer.kind !== "ok") {
          const why = answer.kind === "unreachable" ? answer.reason : answer.kind;
          failed.set(why, (failed.get(why) ?? 0) + 1);
          continue;
        }
        latencies.push(performance.now() - start);
        if (answer.value.people[0]?.name !== bindings.get(user)) crossed++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const rss = Math.max(process.memoryUsage().rss, rssBefore) / 2 ** 20;
    await links.close();
    const homeIds = new Set(things);
    const connects = [...broker.log.slice(logMark).matchAll(/New client connected from \S+ as (\S+) /g)].map((m) => m[1]);
    const skillConnects = connects.filter((id) => !homeIds.has(id));
    latencies.sort((a, b) => a - b);
    lookups.sort((a, b) => a - b);
    console.log(
      `skill: ${REQUESTS} requests through storeHouseholds + BridgeClient + MqttLinks, ${IN_FLIGHT} in flight; ` +
        `the broker logged ${skillConnects.length} connection(s) other than the households' (${[...new Set(skillConnects)].join(", ")}); ` +
        `failed: ${[...failed].map(([r, n]) => `${n} ${r}`).join(", ") || "none"}; ` +
        `each user's binding looked up first (${lookups.length} lookups in moto_server, p50 ${percentile(lookups, 50).toFixed(1)} ms, not in the latency below); ` +
        `RSS is this whole process, the ${HOUSEHOLDS} household clients included`,
    );
    return `households: ${HOUSEHOLDS} requests: ${latencies.length} crossed: ${crossed} p50: ${percentile(latencies, 50).toFixed(1)} ms p99: ${percentile(latencies, 99).toFixed(1)} ms connections: ${skillConnects.length} rss: ${Math.round(rss)} MiB`;
  } finally {
    await links?.close();
    await Promise.all(homes.map((h) => h.client.endAsync(true)));
    store.destroy();
    await Promise.all([broker.close(), moto.close()]);
  }
}
