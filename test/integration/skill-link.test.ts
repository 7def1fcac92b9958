/**
 * The skill's MQTT transport (lambda/link) through a real mosquitto playing IoT Core, answered by a
 * responder that speaks the bridge's link protocol in front of a real bridge: one connection per
 * container reused while warm and re-opened after a sleep past the keepalive, answers matched by
 * correlation data, the signed WebSocket URL for IoT Core, and the time budget when the broker is
 * stopped or paused or the bridge does not answer.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import mqtt from "mqtt";
import { BridgeClient } from "../../lambda/bridge-api/client.js";
import { LinkAwayError, MqttLink, MqttLinks } from "../../lambda/link/mqtt-link.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { advanceUntil, FakeClock } from "../helpers/fake-clock.js";
import { type LinkResponder, respondAsThing } from "../helpers/link-responder.js";
import { Broker } from "../helpers/mosquitto.js";
import { nextTurn, until } from "../helpers/until.js";

/** Alexa's own limit is 8 s; the skill's budget for a broker or bridge that is away is 5 s. */
const BUDGET_MS = 5000;

describe("the skill's MQTT link", () => {
  let broker: Broker;
  let ca: string;
  let bridge: ControlBridge;
  let responder: LinkResponder;
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  const THING = "home-link";

  beforeAll(async () => {
    broker = await Broker.start();
    ca = readFileSync(broker.caPath, "utf8");
    bridge = await startControlBridge({ acknowledged: true, config: { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 } } });
    responder = await respondAsThing(broker, THING, bridge);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    responder.silent = false;
  });
  afterAll(async () => {
    await responder?.close();
    await broker?.close();
  });

  /** The skill's client through a new link (a new container); on a fake `clock`, time is moved by the test (a container's sleep, a timeout). */
  function skillClient(opts: Partial<ConstructorParameters<typeof MqttLink>[0]> = {}) {
    const link = new MqttLink({ url: broker.wsUrl, thing: THING, ...opts });
    cleanups.push(() => link.close());
    return { link, client: new BridgeClient({ url: broker.wsUrl, token: "", link }) };
  }

  /** Who connects to the broker, read from its log ("New client connected … as <id>"). */
  const connectsOf = (clientId: string) => broker.log.split("\n").filter((l) => l.includes(` as ${clientId} `)).length;

  it("answers through the link as over HTTP, and starts and stops a session", async () => {
    const { client } = skillClient();
    const panels = await client.panels();
    expect(panels).toMatchObject({ kind: "ok", value: { panels: [expect.objectContaining({ id: expect.any(String) })] } });
    const started = await client.startSession({ region: "low-back-hips", seconds: 5 });
    expect(started).toMatchObject({ kind: "ok" });
    expect((await bridge.panel()).on).toBe(true);
    const panelId = started.kind === "ok" ? started.value.session.panelId : "";
    expect((await client.stopSession(panelId)).kind).toBe("ok");
    expect((await bridge.panel()).on).toBe(false);
    // A refusal comes back as one, with the bridge's code.
    expect(await client.stopSession("no-such-panel")).toMatchObject({ kind: "refused", status: 404 });
  });

  it("sends each request to the thing's req topic with its own response topic, an id and an exp a few seconds ahead", async () => {
    const { link, client } = skillClient();
    const seen: Array<{ topic: string; responseTopic?: string; correlation?: string; expiryS?: number }> = [];
    const spy = mqtt.connect(broker.tcpUrl, { protocolVersion: 5, reconnectPeriod: 0 });
    cleanups.push(() => spy.endAsync(true));
    await spy.subscribeAsync("biolight/v1/#", { qos: 1 });
    spy.on("message", (topic, _p, packet) =>
      seen.push({
        topic,
        responseTopic: packet.properties?.responseTopic,
        correlation: packet.properties?.correlationData?.toString(),
        expiryS: packet.properties?.messageExpiryInterval,
      }),
    );
    const before = Date.now();
    await client.dose();
    const request = responder.requests.at(-1)!;
    expect(request).toMatchObject({ method: "GET", path: "/v1/dose", id: expect.any(String) });
    expect(request.exp).toBeGreaterThan(before);
    expect(request.exp).toBeLessThanOrEqual(Date.now() + 3000);
    await until(() => seen.some((s) => s.topic.includes("/res/")), "the answer on the response topic");
    expect(link.clientId).toMatch(new RegExp(`^${THING}-skill-[0-9a-f]{12}$`));
    const req = seen.find((s) => s.topic === `biolight/v1/${THING}/req`);
    expect(req).toEqual({
      topic: `biolight/v1/${THING}/req`,
      responseTopic: `biolight/v1/${THING}/res/${link.clientId}`,
      correlation: request.id,
      // The broker's message expiry, the answer time: what keeps a request fresh whatever the clocks say (mosquitto forwards what is left).
      expiryS: expect.any(Number),
    });
    expect(req?.expiryS).toBeGreaterThanOrEqual(1);
    expect(req?.expiryS).toBeLessThanOrEqual(3);
    expect(seen.find((s) => s.topic.includes("/res/"))).toMatchObject({ topic: req?.responseTopic, correlation: request.id });
  });

  it("matches answers by correlation data: requests at once each get their own answer", async () => {
    const { client } = skillClient();
    const [panels, people, caution] = await Promise.all([client.panels(), client.people(), client.cautionStatus()]);
    expect(panels).toMatchObject({ kind: "ok", value: { panels: expect.any(Array) } });
    expect(people).toMatchObject({ kind: "ok", value: { people: expect.any(Array) } });
    expect(caution).toMatchObject({ kind: "ok", value: { acknowledged: true } });
  });

  it("keeps one connection per container while warm, and opens a new one after sleeping past the keepalive", async () => {
    const clock = new FakeClock(Date.now());
    const { link, client } = skillClient({ keepaliveSeconds: 30, clock });
    for (let i = 0; i < 3; i++) expect((await client.panels()).kind).toBe("ok");
    clock.advance(20_000);
    expect((await client.panels()).kind).toBe("ok");
    expect(connectsOf(link.clientId)).toBe(1);
    clock.advance(31_000); // the container slept; the broker may have dropped the connection without a word
    expect((await client.panels()).kind).toBe("ok");
    await until(() => connectsOf(link.clientId) === 2, "a second connection");
    // Another container has its own client id.
    expect(skillClient().link.clientId).not.toBe(link.clientId);
  });

  it("a bridge that does not answer: unreachable after the answer budget, within 5 s", async () => {
    const clock = new FakeClock(Date.now());
    const { client } = skillClient({ clock });
    expect((await client.panels()).kind).toBe("ok");
    responder.silent = true;
    const asked = responder.requests.length;
    let answer: unknown;
    const answered = client.panels().then((a) => (answer = a));
    await until(() => responder.requests.length > asked, "the request at the silent responder");
    clock.advance(2999); // the answer budget is 3 s, well within the 5 s
    expect(clock.pending).toBe(1);
    await nextTurn();
    expect(answer).toBeUndefined();
    clock.advance(1);
    await answered;
    expect(answer).toEqual({ kind: "unreachable", reason: "timeout" });
  });

  it("a broker paused (SIGSTOP): unreachable within the budget, warm or cold, and answers again once it runs", async () => {
    const clock = new FakeClock(Date.now());
    const warm = skillClient({ failFastMs: 0, clock }).client;
    expect((await warm.panels()).kind).toBe("ok");
    broker.pause();
    cleanups.push(() => broker.resume());
    for (const client of [warm, skillClient({ clock }).client]) {
      const t0 = clock.monotonic();
      expect(await advanceUntil(clock, client.panels())).toMatchObject({ kind: "unreachable" });
      expect(clock.monotonic() - t0).toBeLessThan(BUDGET_MS);
    }
    broker.resume();
    expect((await warm.panels()).kind).toBe("ok");
  });

  it("a broker paused, asked for a household new to the warm connection: unreachable at the answer time, the subscription's wait included; that connection is dropped", async () => {
    const clock = new FakeClock(Date.now());
    // A container serving many households (hosted): each is followed on its first request over the connection.
    const links = new MqttLinks({ url: broker.wsUrl, clientIdPrefix: "skill-hosted-", clock });
    cleanups.push(() => links.close());
    const health = { method: "GET", path: "/v1/health" } as const;
    expect(await links.request(THING, health)).toMatchObject({ status: 200 });
    broker.pause(); // the SUBACK for the new household's topics never comes
    cleanups.push(() => broker.resume());
    const t0 = clock.monotonic();
    const asked = links.request("home-new", health).then(
      () => "answered",
      (err: Error) => (err instanceof LinkAwayError ? err.reason : err.message),
    );
    expect(await advanceUntil(clock, asked, 10, BUDGET_MS)).toBe("timeout");
    expect(clock.monotonic() - t0).toBeLessThan(BUDGET_MS);
    // Recorded for fail-fast: the same household again fails at once, without another wait.
    await expect(links.request("home-new", health)).rejects.toMatchObject({ reason: "timeout" });
    broker.resume();
    // The connection that let the answer time out was dropped: the next request opens another.
    expect(await links.request(THING, health)).toMatchObject({ status: 200 });
    await until(() => connectsOf(links.clientId) === 2, "a second connection");
  });

  it("a broker stopped: unreachable within the budget; after a restart the same container answers again", async () => {
    const { client } = skillClient({ failFastMs: 0 });
    expect((await client.panels()).kind).toBe("ok");
    await broker.stop();
    try {
      for (let i = 0; i < 2; i++) {
        const t0 = Date.now();
        expect(await client.panels()).toMatchObject({ kind: "unreachable" });
        expect(Date.now() - t0).toBeLessThan(BUDGET_MS);
      }
    } finally {
      await broker.restart();
    }
    // The responder lost its connection with the broker: a new one, as the bridge reconnects by itself.
    await responder.close();
    responder = await respondAsThing(broker, THING, bridge);
    expect((await client.panels()).kind).toBe("ok");
  });

  it("wss:// is signed for IoT Core with the function's credentials (SigV4, iotdevicegateway, token appended)", async () => {
    const upgrades: string[] = [];
    const server = createServer({ cert: readFileSync(join(broker.dir, "server.pem")), key: readFileSync(join(broker.dir, "server.key")) });
    server.on("upgrade", (req, socket) => {
      upgrades.push(req.url ?? "");
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const port = (server.address() as AddressInfo).port;
    const { client } = skillClient({
      url: `wss://127.0.0.1:${port}/mqtt`,
      env: { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "token/+=", AWS_REGION: "eu-west-1" },
      mqtt: { ca },
    });
    expect(await client.panels()).toMatchObject({ kind: "unreachable" });
    expect(upgrades).toHaveLength(1);
    const query = new URL(upgrades[0], "https://x").searchParams;
    expect(new URL(upgrades[0], "https://x").pathname).toBe("/mqtt");
    expect(query.get("X-Amz-Credential")).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/iotdevicegateway\/aws4_request$/);
    expect(query.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(query.get("X-Amz-Security-Token")).toBe("token/+=");
  });
});
