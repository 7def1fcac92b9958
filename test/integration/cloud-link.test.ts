/**
 * The bridge's cloud link against a real broker playing IoT Core (mosquitto, mutual TLS, per-thing
 * ACL): requests through the link get the same answers as over HTTP, and every refusal the issue
 * names (replay, expiry, foreign response topic, oversized or malformed payload, a path outside the
 * public API, a certificate of another thing) changes nothing. The link comes back by itself after
 * the broker restarts, and HTTP keeps working beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import mqtt, { type MqttClient } from "mqtt";
import { CloudUnavailableError, householdTopics, LINK_CLOCK_SKEW_MS } from "../../matter-bridge/contract/cloud-link.js";
import { type LinkedBridge, retainedStatus, SkillClient, startLinkedBridge } from "../helpers/cloud-link.js";
import { advanceUntil, FakeClock } from "../helpers/fake-clock.js";
import { call } from "../helpers/http.js";
import { Broker, type ThingCredentials } from "../helpers/mosquitto.js";
import { until } from "../helpers/until.js";

const START = { region: "low-back-hips", seconds: 120 };
const health = async (b: LinkedBridge) => (await call(b.url, "GET", "/v1/health")).body;
const sessionsIn = (b: LinkedBridge) => b.ledger.sessions().length;

describe("the cloud link", () => {
  let broker: Broker;
  let home: ThingCredentials;
  let bridge: LinkedBridge;
  let skill: SkillClient;

  beforeAll(async () => {
    broker = await Broker.start();
    home = await broker.mintThing("home-1");
    bridge = await startLinkedBridge(broker, home, { acknowledged: true, config: { dose: { minRestSameRegionSeconds: 0 } } });
    await until(() => bridge.link.state === "connected", "the link to connect");
    skill = await SkillClient.connect(broker.tcpUrl, "home-1");
  });

  afterAll(async () => {
    await skill?.close();
    await bridge?.close();
    await broker?.close();
  });

  it("reports itself connected in health and retains an online status", async () => {
    expect(await health(bridge)).toEqual({ status: "ok", clock: "ok", cloud: "connected" });
    expect(await retainedStatus(broker.tcpUrl, "home-1")).toEqual({ online: true, since: expect.any(String), version: "0.0.0-test" });
    expect(bridge.logs).toContain(`Cloud link connected to 127.0.0.1:${broker.ports.tls} as home-1.`);
  });

  it("starts and stops a session through the link, answering as HTTP does", async () => {
    const started = await skill.request(SkillClient.envelope("POST", "/v1/sessions", START));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ session: { panelId: "panel-1", region: "low-back-hips" } });
    expect((await bridge.panel()).on).toBe(true);

    // The panels over the link are the panels over HTTP, byte for byte.
    const viaLink = await skill.request(SkillClient.envelope("GET", "/v1/panels"));
    const viaHttp = await call(bridge.url, "GET", "/v1/panels", { token: bridge.token });
    expect(viaLink).toEqual({ id: expect.any(String), status: 200, body: viaHttp.body });

    const stopped = await skill.request(SkillClient.envelope("POST", "/v1/panels/panel-1/stop"));
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ session: { panelId: "panel-1", deliveredSeconds: expect.any(Number) } });
    expect((await bridge.panel()).on).toBe(false);

    // A refusal is the same code and body on both edges.
    const again = await skill.request(SkillClient.envelope("POST", "/v1/panels/panel-1/stop"));
    const againHttp = await call(bridge.url, "POST", "/v1/panels/panel-1/stop", { token: bridge.token });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(againHttp.body);
    const invalid = { region: "elbows", seconds: 1e2 };
    const badLink = await skill.request(
      `{"id":"bad-1","method":"POST","path":"/v1/sessions","body":{"region":"elbows"},"exp":${Date.now() + 60_000}}`,
    );
    const badHttp = await call(bridge.url, "POST", "/v1/sessions", { token: bridge.token, body: { region: invalid.region } });
    expect(badLink.status).toBe(400);
    expect(badLink.body).toEqual(badHttp.body);
  });

  it("answers a replayed request again without acting twice", async () => {
    const before = sessionsIn(bridge);
    const request = SkillClient.envelope("POST", "/v1/sessions", START);
    const [first, second] = await Promise.all([skill.request(request), skill.request(request)]);
    const third = await skill.request(request);
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(sessionsIn(bridge)).toBe(before + 1);
    await skill.request(SkillClient.envelope("POST", "/v1/panels/panel-1/stop"));
  });

  it("refuses a request expired by more than the clocks' allowance and switches nothing, naming both times", async () => {
    const before = sessionsIn(bridge);
    const late = await skill.request(SkillClient.envelope("POST", "/v1/sessions", START, Date.now() - LINK_CLOCK_SKEW_MS - 1));
    expect(late.status).toBe(408);
    expect(late.body).toMatchObject({ error: { code: "REQUEST_EXPIRED" } });
    expect(JSON.stringify(late.body)).toMatch(/before the bridge got it \(the bridge's clock says \d{4}-/);
    expect((await bridge.panel()).on).toBe(false);
    expect(sessionsIn(bridge)).toBe(before);
  });

  it("serves a request whose exp a home clock a few seconds fast has already passed: a spoken stop is not refused", async () => {
    const started = await skill.request(SkillClient.envelope("POST", "/v1/sessions", START));
    expect(started.status).toBe(201);
    expect((await bridge.panel()).on).toBe(true);
    // The bridge's clock 5 s ahead of the skill's: the skill's 3 s exp is behind it on arrival.
    const stop = await skill.request(SkillClient.envelope("POST", "/v1/panels/panel-1/stop", undefined, Date.now() - 2000));
    expect(stop.status).toBe(200);
    expect((await bridge.panel()).on).toBe(false);
  });

  it("does not answer, nor act on, a request whose response topic is outside the thing's prefix", async () => {
    const before = sessionsIn(bridge);
    const foreign = skill.request(SkillClient.envelope("POST", "/v1/sessions", START), {
      responseTopic: "biolight/v1/home-2/res/x",
      timeoutMs: 60_000,
    });
    foreign.catch(() => {});
    // Requests are handled in order: once a later one is answered, the foreign one was seen.
    expect((await skill.request(SkillClient.envelope("GET", "/v1/health"))).status).toBe(200);
    await until(
      () => bridge.logs.some((l) => l.includes('"biolight/v1/home-2/res/x" is not under biolight/v1/home-1/res/')),
      "the log line",
    );
    expect(skill.answers.filter((a) => a.topic.includes("home-2"))).toEqual([]);
    expect(sessionsIn(bridge)).toBe(before);
    expect((await bridge.panel()).on).toBe(false);
  });

  it("refuses an oversized, a malformed and an exponent payload, and a path outside the public API, changing nothing", async () => {
    const before = sessionsIn(bridge);
    const big = await skill.request({ ...SkillClient.envelope("POST", "/v1/sessions", START), pad: "x".repeat(17 * 1024) });
    expect(big).toMatchObject({ id: null, status: 413, body: { error: { code: "BODY_TOO_LARGE" } } });
    expect(await skill.request("{not json")).toMatchObject({ id: null, status: 400, body: { error: { code: "INVALID_JSON" } } });
    const noExp = await skill.request({ id: "no-exp", method: "POST", path: "/v1/sessions", body: START });
    expect(noExp).toMatchObject({ id: "no-exp", status: 400, body: { error: { code: "VALIDATION_ERROR" } } });
    expect(JSON.stringify(noExp.body)).toContain("exp: ");
    const exponent = await skill.request(
      `{"id":"e","method":"POST","path":"/v1/sessions","body":{"region":"neck","seconds":1e2},"exp":${Date.now() + 60_000}}`,
    );
    expect(exponent).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_ERROR", issues: [{ field: "seconds" }] } } });
    const pairing = await skill.request(SkillClient.envelope("GET", "/v1/pairing"));
    expect(pairing).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect(JSON.stringify(pairing.body)).toContain("local network");
    // The owner's clock confirmation is for someone who can see the machine, never the voice skill.
    const clock = await skill.request(SkillClient.envelope("POST", "/v1/clock/confirm", { behindSeconds: 0 }));
    expect(clock).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    // Nor a person's exported history: their health data leaves the home only by the owner's hand.
    const exported = await skill.request(SkillClient.envelope("GET", "/v1/history/export?person=household"));
    expect(exported).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect(sessionsIn(bridge)).toBe(before);
    expect((await bridge.panel()).on).toBe(false);
  });

  it("reconnects by itself after the broker restarts, while HTTP keeps working", async () => {
    await broker.stop();
    await until(async () => (await health(bridge)).cloud === "connecting", "health to say connecting");
    // HTTP and the guard go on without the broker.
    expect((await call(bridge.url, "POST", "/v1/sessions", { token: bridge.token, body: START })).status).toBe(201);
    expect((await call(bridge.url, "POST", "/v1/panels/panel-1/stop", { token: bridge.token })).status).toBe(200);
    expect(bridge.logs.some((l) => l.startsWith("Cloud link disconnected from ") && /reconnecting in/.test(l))).toBe(true);

    await broker.restart();
    await until(async () => (await health(bridge)).cloud === "connected", "health to say connected again", 10_000);
    await skill.close();
    skill = await SkillClient.connect(broker.tcpUrl, "home-1");
    expect((await skill.request(SkillClient.envelope("GET", "/v1/panels"))).status).toBe(200);
  });

  it("closing the link answers a question still waiting for the cloud at once, leaving no timer behind", async () => {
    const clock = new FakeClock(Date.now());
    const other = await startLinkedBridge(broker, await broker.mintThing("home-3"), { acknowledged: true, link: { clock } });
    // The test's client sees the question reach the broker (nothing here plays the cloud's link function).
    const cloud = await mqtt.connectAsync(broker.tcpUrl, { protocolVersion: 5, reconnectPeriod: 0 });
    try {
      await until(() => other.link.state === "connected", "the link to connect");
      await cloud.subscribeAsync(householdTopics("home-3").requests, { qos: 1 });
      const sent = new Promise<void>((resolve) => cloud.on("message", () => resolve()));
      const asked = other.link.askHousehold({ op: "accounts" });
      asked.catch(() => {});
      await sent;
      expect(clock.pending).toBe(1); // the 10 s the bridge waits for an answer
      await other.link.close();
      const settled = await Promise.race([asked.catch((err: Error) => err), new Promise((r) => setImmediate(() => r("still waiting")))]);
      expect(settled).toBeInstanceOf(CloudUnavailableError);
      expect((settled as Error).message).toMatch(/cloud link closed before the cloud answered/);
      expect(clock.pending).toBe(0);
    } finally {
      await cloud.endAsync(true);
      await other.close();
    }
  });

  it("a broker that stalls: the owner's link request is a 503 after the 10 s answer time; closing answers the waiting question and cuts the connection, with no reconnect after", async () => {
    const clock = new FakeClock(Date.now());
    const other = await startLinkedBridge(broker, await broker.mintThing("home-5"), { acknowledged: true, link: { clock } });
    try {
      await until(() => other.link.state === "connected", "the link to connect");
      const client = (other.link as unknown as { client: MqttClient }).client;
      broker.pause(); // SIGSTOP: the TCP connection stays open, nothing is acknowledged (the question's PUBACK included)
      const t0 = clock.monotonic();
      const linked = await advanceUntil(clock, call(other.url, "POST", "/v1/alexa/link", { token: other.token, body: { code: "123456" } }));
      expect(linked).toMatchObject({ status: 503, body: { error: { code: "CLOUD_UNAVAILABLE" } } });
      expect(clock.monotonic() - t0).toBeLessThan(10_500);
      const asked = other.link.askHousehold({ op: "accounts" });
      asked.catch(() => {});
      // The offline status and the DISCONNECT are each given 1 s (on the link's clock), then the link gives up on them.
      await advanceUntil(clock, other.link.close());
      const settled = await Promise.race([asked.catch((err: Error) => err), new Promise((r) => setImmediate(() => r("still waiting")))]);
      expect(settled).toBeInstanceOf(CloudUnavailableError);
      expect({ streamDestroyed: client.stream.destroyed, timersLeft: clock.pending }).toEqual({ streamDestroyed: true, timersLeft: 0 });
    } finally {
      broker.resume();
      await other.close();
    }
  });

  it("a request read once the link has begun to close is not served: no session starts", async () => {
    const other = await startLinkedBridge(broker, await broker.mintThing("home-6"), { acknowledged: true });
    const asker = await SkillClient.connect(broker.tcpUrl, "home-6");
    try {
      // Connected comes before the SUBACK: a request sent meanwhile is lost, so until one is answered.
      const health = () => asker.request(SkillClient.envelope("GET", "/v1/health"), { timeoutMs: 100 }).catch(() => undefined);
      await until(async () => (await health())?.status === 200, "the link to take requests");
      const before = sessionsIn(other);
      // Every start the controller is asked for, to wait for its outcome (the controller itself acts).
      const starts: Promise<unknown>[] = [];
      const start = other.controller.start.bind(other.controller);
      other.controller.start = (...args) => {
        const outcome = start(...args);
        starts.push(outcome);
        return outcome;
      };
      // The shutdown begins just as the start's packet is read (the link's own listener runs after this one).
      const client = (other.link as unknown as { client: MqttClient }).client;
      let closing: Promise<void> | undefined;
      client.prependListener("message", () => {
        closing ??= other.link.close();
      });
      asker.request(SkillClient.envelope("POST", "/v1/sessions", START), { timeoutMs: 60_000 }).catch(() => {});
      await until(() => closing !== undefined, "the start to reach the link");
      // Served, the start would have reached the controller by now: the close took broker round trips.
      await closing;
      await Promise.allSettled(starts);
      expect({ starts: starts.length, sessionsStarted: sessionsIn(other) - before, on: (await other.panel()).on }).toEqual({
        starts: 0,
        sessionsStarted: 0,
        on: false,
      });
      expect(other.logs).toContain("Cloud link closed.");
    } finally {
      await asker.close();
      await other.close();
    }
  });

  it("cannot use another thing's topics with its own certificate", async () => {
    // A bridge holding home-1's certificate but configured as home-2: the broker's ACL confines it to home-1.
    const impostor = await startLinkedBridge(broker, home, { thing: "home-2", acknowledged: true });
    try {
      await until(() => impostor.link.state === "connected", "the impostor to connect");
      const victim = await SkillClient.connect(broker.tcpUrl, "home-2");
      try {
        await expect(victim.request(SkillClient.envelope("POST", "/v1/sessions", START), { timeoutMs: 1500 })).rejects.toThrow(/no answer/);
        expect((await impostor.panel()).on).toBe(false);
        expect(await retainedStatus(broker.tcpUrl, "home-2")).toBeUndefined();
      } finally {
        await victim.close();
      }
    } finally {
      await impostor.close();
    }
  });
});
