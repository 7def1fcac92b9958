/**
 * One skill, many households (issue 21 §1), end to end with real parts: the BUILT Lambda bundle (the
 * skill with HOUSEHOLDS=dynamodb, and the link function) each in a process of its own as a Lambda
 * container, on the real interaction model; DynamoDB is "moto_server"; mosquitto plays IoT Core
 * (per-thing ACLs by certificate) and the test plays the IoT topic rule, handing each message on
 * biolight/v1/+/link to the link function with the fields the rule's SQL selects. Two homes, each a
 * real bridge with its cloud link up.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import mqtt, { type MqttClient } from "mqtt";
import { type LinkRuleEvent, linkFunction } from "../../lambda/entry/link-function.js";
import { HouseholdStore } from "../../lambda/households/store.js";
import { userFileName } from "../../lambda/user-data/persistence/user-key.js";
import { householdTopics } from "../../matter-bridge/contract/cloud-link.js";
import { type LinkedBridge, retainedStatus, startLinkedBridge } from "../helpers/cloud-link.js";
import { skillEvent } from "../helpers/envelopes.js";
import { call } from "../helpers/http.js";
import { type LambdaContainer, startLambdaContainer } from "../helpers/lambda-container.js";
import { playLinkRule } from "../helpers/link-rule.js";
import { Broker } from "../helpers/mosquitto.js";
import { createHouseholdTable, type Moto, startMoto } from "../helpers/moto.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";
import { said } from "../helpers/voice.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const TABLE = "biolight-households";
const ANNA = "amzn1.ask.account.ANNA-HOME-A";
const BEN = "amzn1.ask.account.BEN-HOME-B";
const CARL = "amzn1.ask.account.CARL-HOME-A";
const MALLORY = "amzn1.ask.account.MALLORY-HOME-B";

let moto: Moto;
let broker: Broker;
let homeA: LinkedBridge;
let homeB: LinkedBridge;
let rule: MqttClient;
let dataDir: string;
let store: HouseholdStore;
let skill: LambdaContainer;
let linkFn: LambdaContainer;
/** What the rule handed the link function, and what it answered. */
const ruleEvents: LinkRuleEvent[] = [];
let aws: Record<string, string>;

beforeAll(async () => {
  [moto, broker] = await Promise.all([startMoto(), Broker.start()]);
  await createHouseholdTable(moto, TABLE);
  store = new HouseholdStore({ table: TABLE, dynamo: moto.aws });
  const quick = { config: { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 } } };
  [homeA, homeB] = await Promise.all([
    broker.mintThing("home-a").then((c) => startLinkedBridge(broker, c, quick)),
    broker.mintThing("home-b").then((c) => startLinkedBridge(broker, c, quick)),
  ]);
  await until(() => homeA.link.state === "connected" && homeB.link.state === "connected", "both links up", 10_000);
  dataDir = await tempDir();
  aws = {
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_REGION: "eu-west-1",
    HOUSEHOLDS_TABLE: TABLE,
    MQTT_URL: broker.wsUrl,
  };
  skill = startLambdaContainer(
    join(root, "dist/lambda/index.js"),
    { ...aws, HOUSEHOLDS: "dynamodb", BRIDGE_LINK: "mqtt", SKILL_DATA_DIR: join(dataDir, "skill") },
    dataDir,
  );
  linkFn = startLambdaContainer(join(root, "dist/lambda/link-function.js"), aws, dataDir);
  rule = await playLinkRule(broker, (event) => {
    ruleEvents.push(event);
    return linkFn.invoke(event as never);
  });
}, 90_000);
afterAll(async () => {
  await rule?.endAsync();
  await skill?.close();
  await linkFn?.close();
  await homeA?.close();
  await homeB?.close();
  store?.destroy();
  await broker?.close();
  await moto?.close();
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-households-");

const alexa = (userId: string) => skill.alexa(userId);
/** "Link my bridge": the code Alexa spoke, digit by digit. */
async function spokenCode(userId: string): Promise<string> {
  const reply = await alexa(userId).utter("link my bridge");
  const ssml: string = reply.response.outputSpeech.ssml;
  const digits = [...ssml.matchAll(/<say-as interpret-as="digits">(\d{6})<\/say-as>/g)].map((m) => m[1]);
  expect(digits).toHaveLength(2);
  expect(digits[0]).toBe(digits[1]);
  expect(reply.response.card).toMatchObject({ type: "Simple", content: expect.stringContaining(digits[0]) });
  return digits[0];
}
const linkOn = (home: LinkedBridge, code: string) => call(home.url, "POST", "/v1/alexa/link", { token: home.token, body: { code } });

describe("linking an Alexa account by a spoken code", () => {
  it("an unlinked account hears how to link, and nothing else happens", async () => {
    expect(said(await alexa(ANNA).launch())).toMatch(
      /^This Alexa account isn't linked to a Bio Light bridge yet\. To link it, say: link my bridge\./,
    );
    expect(said(await alexa(ANNA).utter("start a low back session"))).toMatch(/^This Alexa account isn't linked/);
    expect((await homeA.panel()).on).toBe(false);
    expect((await homeB.panel()).on).toBe(false);
  });

  it("links by the code typed on the bridge, then a voice session runs through the link on that home only", async () => {
    const code = await spokenCode(ANNA);
    const linked = await linkOn(homeA, code);
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ linked: true, count: 1 });
    expect(await store.thingOf(ANNA)).toBe("home-a");
    // The rule saw the thing from the topic; the payload carried only the code.
    expect(ruleEvents.at(-1)).toMatchObject({
      thing: "home-a",
      responseTopic: expect.stringMatching(/^biolight\/v1\/home-a\/link\/res\//),
    });
    expect(JSON.parse(Buffer.from(ruleEvents.at(-1)!.payload, "base64").toString())).toEqual({ op: "link", code, id: expect.any(String) });

    const anna = alexa(ANNA);
    expect(said(await anna.launch())).toMatch(/^Welcome to Bio Light\. Before your first session, a safety check\./);
    expect(said(await anna.utter("no"))).toContain("I've noted that none of those apply");
    expect(said(await anna.utter("start a low back session for two minutes"))).toContain("Starting your low back and hips session");
    expect((await homeA.panel()).on).toBe(true);
    expect((await homeB.panel()).on).toBe(false);
    expect(said(await anna.utter("stop the panel"))).toMatch(/^Stopped\./);
    expect((await homeA.panel()).on).toBe(false);
  });

  it("a second user in another household sees and starts only their own: home B's gate is closed, home A's panel stays off", async () => {
    const code = await spokenCode(BEN);
    expect((await linkOn(homeB, code)).status).toBe(200);
    const ben = alexa(BEN);
    // Home A's caution was answered; home B's was not: Ben hears his own home's gate.
    expect(said(await ben.launch())).toMatch(/Before your first session, a safety check\./);
    expect(said(await ben.utter("no"))).toContain("I've noted that none of those apply");
    // Anna's low back session was in home A: Ben's home has had no light.
    expect(said(await ben.utter("how much have I used today"))).toContain("low back and hips 0 percent");
    expect(said(await ben.utter("start a neck session for two minutes"))).toContain("Starting your neck and shoulders session");
    expect((await homeB.panel()).on).toBe(true);
    expect((await homeA.panel()).on).toBe(false);
    expect(said(await ben.utter("stop the panel"))).toMatch(/^Stopped\./);
    expect((await homeB.panel()).on).toBe(false);
    // Home A's history holds only Anna's session.
    const historyA = await call(homeA.url, "GET", "/v1/history?days=1", { token: homeA.token });
    expect(JSON.stringify(historyA.body)).not.toContain("neck-shoulders");
  });

  it("the bridge lists its linked accounts (count and when): 'Linked: 2 Alexa accounts' from the CLI", async () => {
    const code = await spokenCode(CARL);
    const { stdout } = await run(
      process.execPath,
      [join(root, "bin/biolight-bridge.mjs"), "link", code, "--api-port", new URL(homeA.url).port],
      {
        cwd: root,
        env: { ...process.env, BRIDGE_API_TOKEN: homeA.token },
      },
    );
    expect(stdout.trim()).toBe("Linked: 2 Alexa accounts");
    const accounts = await call(homeA.url, "GET", "/v1/alexa/accounts", { token: homeA.token });
    expect(accounts.body).toEqual({ count: 2, accounts: [{ linkedAt: expect.any(String) }, { linkedAt: expect.any(String) }] });
    expect(JSON.stringify(accounts.body)).not.toContain("amzn1.ask.account");
  });

  it("refuses a reused code, a wrong code and, after 5 refusals in an hour, every code from that bridge", async () => {
    const used = await spokenCode(MALLORY);
    expect((await linkOn(homeB, used)).status).toBe(200);
    const reused = await linkOn(homeA, used);
    expect([reused.status, reused.body.error.code]).toEqual([422, "LINK_CODE_REUSED"]);
    expect(await store.thingOf(MALLORY)).toBe("home-b");
    const fresh = await spokenCode(MALLORY);
    const wrong = String((Number(fresh) + 1) % 1e6).padStart(6, "0");
    for (let i = 0; i < 5; i++) expect((await linkOn(homeB, wrong)).body.error.code).toBe("LINK_CODE_WRONG");
    const limited = await linkOn(homeB, fresh);
    expect([limited.status, limited.body.error.code]).toEqual([429, "LINK_CODE_RATE_LIMITED"]);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(3000);
    expect(await store.thingOf(MALLORY)).toBe("home-b");
    // Home A has its own count.
    expect((await linkOn(homeA, wrong)).body.error.code).toBe("LINK_CODE_WRONG");
  });

  it("a code sent with another bridge's certificate cannot attach anyone to someone else's home", async () => {
    const code = await store.issueCode("amzn1.ask.account.INTRUDER");
    const creds = await broker.mintThing("home-c");
    const intruder = await mqtt.connectAsync(broker.tlsUrl, {
      protocolVersion: 5,
      clientId: "home-a", // pretends to be home A: the broker goes by the certificate
      cert: creds.cert,
      key: creds.key,
      ca: (await import("node:fs")).readFileSync(broker.caPath),
    });
    const before = ruleEvents.length;
    const sent = await intruder
      .publishAsync(householdTopics("home-a").requests, JSON.stringify({ id: "x", op: "link", code: code.code }), {
        qos: 1,
        properties: { responseTopic: householdTopics("home-c").responses("x"), correlationData: Buffer.from("x") },
      })
      .then(
        (packet) => (packet as { reasonCode?: number } | undefined)?.reasonCode ?? 0,
        (err: { code?: number }) => err.code ?? -1,
      );
    expect(sent).toBe(135); // MQTT 5 "not authorized"
    await intruder.endAsync();
    expect(ruleEvents.slice(before)).toEqual([]);
    expect(await store.thingOf("amzn1.ask.account.INTRUDER")).toBeUndefined();
    expect((await store.accounts("home-a")).length).toBe(2);
    // mosquitto, unlike IoT Core (whose policy ties the client id to the certificate's thing), let the
    // intruder's client id take over home A's connection: its last will said offline. The tests after
    // this one need home A back: its link reconnected and its retained status online again.
    await until(
      async () =>
        homeA.link.state === "connected" &&
        ((await retainedStatus(broker.tcpUrl, "home-a")) as { online?: boolean } | undefined)?.online === true,
      "home A's link back online after the intruder took its client id",
      10_000,
      50,
    );
  });
});

describe("unlinking", () => {
  it("'unlink my bridge' removes that account only: it then hears how to link; the other stays linked", async () => {
    expect(said(await alexa(CARL).utter("unlink my bridge"))).toMatch(/^Done: this Alexa account is no longer linked/);
    expect(said(await alexa(CARL).utter("start a low back session"))).toMatch(/^This Alexa account isn't linked/);
    expect((await homeA.panel()).on).toBe(false);
    expect(said(await alexa(ANNA).launch())).toMatch(/^Welcome to Bio Light\./);
    expect((await call(homeA.url, "GET", "/v1/alexa/accounts", { token: homeA.token })).body.count).toBe(1);
  });

  it("SkillDisabled removes the user's binding and what the skill kept for them", async () => {
    const bensFile = join(dataDir, "skill", userFileName(BEN));
    expect(existsSync(bensFile)).toBe(true);
    await skill.invoke(skillEvent("AlexaSkillEvent.SkillDisabled", { userId: BEN }));
    expect(await store.thingOf(BEN)).toBeUndefined();
    expect(existsSync(bensFile)).toBe(false);
    expect(said(await alexa(BEN).launch())).toMatch(/^This Alexa account isn't linked/);
    expect((await homeB.panel()).on).toBe(false);
  });

  it("'unlink all' on the bridge removes every account of that home, and no other", async () => {
    const all = await call(homeA.url, "POST", "/v1/alexa/unlink-all", { token: homeA.token, body: {} });
    expect(all.body).toEqual({ unlinked: 1, count: 0, accounts: [] });
    expect(said(await alexa(ANNA).launch())).toMatch(/^This Alexa account isn't linked/);
    expect(await store.thingOf(MALLORY)).toBe("home-b");
  });
});

describe("the link function's own guards (invoked as the rule would)", () => {
  const published: string[] = [];
  const fn = () =>
    linkFunction({
      store,
      publish: async (topic) => {
        published.push(topic);
      },
      log: () => {},
    });
  const payload = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64");

  it("answers only under the asking thing's link/res/ prefix, and only a client id that is the thing's", async () => {
    const code = await store.issueCode("amzn1.ask.account.GUARD");
    const request = payload({ id: "1", op: "link", code: code.code });
    for (const responseTopic of [
      "biolight/v1/home-b/link/res/x",
      "biolight/v1/home-a/res/skill",
      "biolight/v1/home-a/link/res/#",
      undefined,
    ])
      expect(await fn()({ thing: "home-a", payload: request, responseTopic })).toBeUndefined();
    expect(
      await fn()({ thing: "home-a", clientId: "home-b", payload: request, responseTopic: "biolight/v1/home-a/link/res/x" }),
    ).toBeUndefined();
    expect(published).toEqual([]);
    expect(await store.thingOf("amzn1.ask.account.GUARD")).toBeUndefined();
  });

  it("binds to the topic's thing, whatever the payload says", async () => {
    const code = await store.issueCode("amzn1.ask.account.GUARD2");
    const answer = await fn()({
      thing: "home-d",
      payload: payload({ id: "2", op: "link", code: code.code, thing: "home-a" }),
      responseTopic: "biolight/v1/home-d/link/res/x",
    });
    // A payload with fields of its own is not a request at all.
    expect(answer).toMatchObject({ ok: false, reason: "invalid" });
    expect(await store.thingOf("amzn1.ask.account.GUARD2")).toBeUndefined();
    const good = await fn()({
      thing: "home-d",
      payload: payload({ id: "3", op: "link", code: code.code }),
      responseTopic: "biolight/v1/home-d/link/res/x",
    });
    expect(good).toMatchObject({ ok: true });
    expect(await store.thingOf("amzn1.ask.account.GUARD2")).toBe("home-d");
  });
});
