/**
 * Hosted mode end to end (issue 21 §2): a bridge with no AWS account of its own joins the cloud
 * through the provisioning endpoint, connects, and a linked user's voice reaches it. Real parts: the
 * provisioning function served over HTTP as API Gateway would (as provision-endpoint.test.ts does)
 * on "moto_server" for AWS IoT and DynamoDB with real AWS SDK v3 calls; mosquitto playing IoT Core
 * (test/helpers/mosquitto.ts: each thing confined to its own topics by its certificate's CN); the
 * BUILT skill bundle (HOUSEHOLDS=dynamodb) in a process of its own as a Lambda container; real
 * bridges (bridge.ts's wiring), joined by `biolight-bridge cloud join` and by the dashboard in Chromium.
 *
 * THE ONE STAND-IN: moto 5.2's CreateCertificateFromCsr signs with a key of its own, so the
 * certificate it returns is not for the bridge's key (and no broker here trusts moto's CA). A
 * middleware on the test's IoT client replaces that one answer's certificatePem with a certificate
 * the test broker's CA signs from the same CSR, with CN = the thing moto created (what IoT Core's
 * policy variables do by thing name, mosquitto's ACL does by CN). Every other call and field —
 * the thing, the certificate id and ARN, the policy and thing attachments — is moto's.
 */
import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CreatePolicyCommand, IoTClient, ListThingPrincipalsCommand } from "@aws-sdk/client-iot";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { HouseholdStore } from "../../lambda/households/store.js";
import { handleProvision } from "../../lambda/provision/handler.js";
import { type Bridge, startBridge } from "../../matter-bridge/bridge.js";
import { cloudConnection } from "../../matter-bridge/cloud/options.js";
import { parseConfig } from "../../matter-bridge/config/load.js";
import { serveHttpApi } from "../helpers/api-gateway.js";
import { launchPage } from "../helpers/chromium.js";
import { FAST_BACKOFF } from "../helpers/cloud-link.js";
import { call } from "../helpers/http.js";
import { type LambdaContainer, startLambdaContainer } from "../helpers/lambda-container.js";
import { Broker } from "../helpers/mosquitto.js";
import { createHouseholdTable, type Moto, startMoto } from "../helpers/moto.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";
import { said } from "../helpers/voice.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const TABLE = "hosted-households";
const POLICY = "biolight-household";
const ANNA = "amzn1.ask.account.HOSTED-ANNA";
const BEN = "amzn1.ask.account.HOSTED-BEN";
const TOKEN = "hosted-join-token-0123456789abcdefghij";

let moto: Moto;
let broker: Broker;
let iot: IoTClient;
let store: HouseholdStore;
let provisionUrl: string;
let closeEndpoint: () => Promise<void>;
let skill: LambdaContainer;
let dir: string;
const bridges: Bridge[] = [];
/** The certificates the stand-in minted, by thing. */
const minted = new Map<string, string>();

/** The broker's CA signs `csr` with CN = `thing` (openssl, as test/helpers/mosquitto.ts mints things). */
async function mintFromCsr(csr: string, thing: string): Promise<string> {
  const name = `csr-${thing}`;
  await writeFile(join(broker.dir, `${name}.csr`), csr);
  await writeFile(join(broker.dir, `${name}.ext`), "extendedKeyUsage=clientAuth\n");
  await run(
    "openssl",
    ["x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2"].concat([
      "-subj",
      `/CN=${thing}`,
      "-extfile",
      `${name}.ext`,
      "-out",
      `${name}.pem`,
    ]),
    { cwd: broker.dir },
  );
  return readFile(join(broker.dir, `${name}.pem`), "utf8");
}

/** The stand-in: moto's CreateCertificateFromCsr answer gets a certificate of the broker's CA for the same CSR. */
function brokerSignsCertificates(client: IoTClient): void {
  let lastThing: string | undefined;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { thingName?: string; certificateSigningRequest?: string };
      const out = await next(args);
      if (context.commandName === "CreateThingCommand") lastThing = input.thingName;
      if (context.commandName === "CreateCertificateFromCsrCommand" && lastThing) {
        const pem = await mintFromCsr(input.certificateSigningRequest as string, lastThing);
        minted.set(lastThing, pem);
        (out.output as { certificatePem?: string }).certificatePem = pem;
      }
      return out;
    },
    { step: "initialize", name: "brokerSignsCertificates" },
  );
}

beforeAll(async () => {
  // The skill's bundle is built once per run (test/global-setup.js).
  [moto, broker] = await Promise.all([startMoto(), Broker.start()]);
  iot = new IoTClient(moto.aws);
  brokerSignsCertificates(iot);
  await iot.send(new CreatePolicyCommand({ policyName: POLICY, policyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }));
  await createHouseholdTable(moto, TABLE);
  store = new HouseholdStore({ table: TABLE, dynamo: moto.aws });
  let url: string;
  ({ url, close: closeEndpoint } = await serveHttpApi((event) =>
    handleProvision(event, {
      iot,
      households: store,
      policyName: POLICY,
      // The "ATS endpoint" is the broker's TLS listener.
      endpoint: async () => `127.0.0.1:${broker.ports.tls}`,
      log: () => {},
    }),
  ));
  provisionUrl = `${url}/provision`;
  dir = await tempDir();
  skill = startLambdaContainer(
    join(root, "dist/lambda/index.js"),
    {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_REGION: "eu-west-1",
      HOUSEHOLDS: "dynamodb",
      HOUSEHOLDS_TABLE: TABLE,
      BRIDGE_LINK: "mqtt",
      MQTT_URL: broker.wsUrl,
      SKILL_DATA_DIR: join(dir, "skill"),
    },
    dir,
  );
}, 90_000);

afterAll(async () => {
  for (const b of bridges) await b.close();
  await skill?.close();
  await closeEndpoint?.();
  store?.destroy();
  iot?.destroy();
  await broker?.close();
  await moto?.close();
});
/** Below the afterAll above (hooks run in order): the folders go once the bridges and the skill in them are closed. */
const tempDir = tempDirs("biolight-hosted-join-");

/** "Alexa, ask bio light to link my bridge": the six digits Alexa spoke. */
async function spokenCode(userId: string): Promise<string> {
  const ssml: string = (await skill.alexa(userId).utter("link my bridge")).response.outputSpeech.ssml;
  const code = /<say-as interpret-as="digits">(\d{6})<\/say-as>/.exec(ssml)?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code as string;
}

/** A storage folder and a config file with no cloud section. */
async function home(name: string) {
  const storage = await tempDir(`${name}-`);
  const configPath = join(storage, "bridge.json");
  const config = { panels: [{ id: "panel-1", name: "Panel" }], dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 } };
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`);
  return { storage, configPath };
}

async function start(
  storage: string,
  configPath: string,
  extras: Parameters<typeof startBridge>[5] = {},
  { withoutConfigFile = false } = {},
): Promise<Bridge> {
  const config = parseConfig(JSON.parse(await readFile(configPath, "utf8")));
  const cli = {
    storage,
    config: withoutConfigFile ? undefined : configPath,
    matterPort: await freeUdpPort(),
    apiPort: 0,
    apiHost: "127.0.0.1",
    acknowledgeCaution: false,
    help: false,
  };
  const cloud = config.cloud ? await cloudConnection(config.cloud, storage) : undefined;
  const bridge = await startBridge(cli, config, { BRIDGE_API_TOKEN: TOKEN }, () => {}, undefined, {
    cloud,
    link: { backoff: FAST_BACKOFF },
    ...extras,
  });
  bridges.push(bridge);
  return bridge;
}

const panelOn = async (bridge: Bridge) => (await call(bridge.api.url, "GET", "/v1/panels", { token: TOKEN })).body.panels[0].on as boolean;

/** The caution answered, a two-minute session started (the panel goes on), then stopped. */
async function voiceSession(userId: string, bridge: Bridge) {
  const alexa = skill.alexa(userId);
  expect(said(await alexa.launch())).toMatch(/Before your first session, a safety check\./);
  expect(said(await alexa.utter("no"))).toContain("I've noted that none of those apply");
  expect(said(await alexa.utter("start a low back session for two minutes"))).toContain("Starting your low back and hips session");
  expect(await panelOn(bridge)).toBe(true);
  expect(said(await alexa.utter("stop the panel"))).toMatch(/^Stopped\./);
  expect(await panelOn(bridge)).toBe(false);
}

describe("biolight-bridge cloud join, then voice", () => {
  it("joins with the code Alexa spoke (the key stays home), connects as the thing the cloud made, and serves the linked user's voice", async () => {
    expect(said(await skill.alexa(ANNA).launch())).toMatch(/^This Alexa account isn't linked/);
    const code = await spokenCode(ANNA);
    const { storage, configPath } = await home("anna");
    const { stdout } = await run(
      process.execPath,
      // `biolight-bridge`: the compiled bridge (built for the run by test/global-setup.js).
      [join(root, "bin/biolight-bridge.mjs"), "cloud", "join", code].concat([
        "--provision-url",
        provisionUrl,
        "--config",
        configPath,
        "--storage",
        storage,
        "--ca",
        broker.caPath,
      ]),
      { cwd: root },
    );
    const { cloud } = JSON.parse(await readFile(configPath, "utf8"));
    expect(stdout).toContain(`Joined as ${cloud.thing}`);
    expect(cloud).toMatchObject({ url: `mqtts://127.0.0.1:${broker.ports.tls}`, thing: expect.stringMatching(/^bl-[0-9a-f]{16}$/) });
    // moto made the thing and attached a certificate to it; the bridge holds the stand-in's for its own key.
    expect((await iot.send(new ListThingPrincipalsCommand({ thingName: cloud.thing }))).principals).toHaveLength(1);
    expect(await readFile(join(storage, cloud.cert), "utf8")).toBe(minted.get(cloud.thing));
    expect(await store.thingOf(ANNA)).toBe(cloud.thing);

    const bridge = await start(storage, configPath);
    await until(() => bridge.cloud?.state === "connected", "the joined bridge's link", 10_000);
    await voiceSession(ANNA, bridge);
  });
});

describe("the dashboard's Join the cloud (Chromium), the link started in place", () => {
  let browser: Browser;
  let page: Page;
  let bridge: Bridge;
  let configPath: string;
  beforeAll(async () => {
    const h = await home("ben");
    configPath = h.configPath;
    bridge = await start(h.storage, h.configPath, { joinCaPath: broker.caPath });
    ({ browser, page } = await launchPage());
    await page.goto(`${bridge.api.url}/dashboard/`);
    await page.fill("#token", TOKEN);
    await page.click("#login-form button[type=submit]");
    await page.waitForSelector("#cloud-join:not([hidden])");
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function join(code: string, url = provisionUrl) {
    await page.fill("#cloud-join-code", code);
    await page.fill("#cloud-join-url", url);
    await page.click("#cloud-join-form button[type=submit]");
  }

  it("refuses a code that is not one Alexa gave, in words, writing nothing and starting nothing", async () => {
    const before = await readFile(configPath, "utf8");
    await join("000000");
    await until(async () => (await page.textContent("#cloud-join-message")) !== "Joining…", "the page's answer");
    expect(await page.textContent("#cloud-join-message")).toMatch(/not one Alexa gave/);
    expect(await page.getAttribute("#cloud-join-message", "class")).toContain("refused");
    expect(await readFile(configPath, "utf8")).toBe(before);
    expect(bridge.cloud).toBeUndefined();
    expect((await call(bridge.api.url, "GET", "/v1/health")).body.cloud).toBe("off");
  });

  it("joins with a spoken code: the running bridge connects without a restart, the page shows its Alexa accounts, and voice reaches it", async () => {
    await join(await spokenCode(BEN));
    await page.waitForSelector("#alexa:not([hidden])");
    await until(async () => /^Joined the cloud as bl-/.test((await page.textContent("#alexa-message")) ?? ""), "the joined message");
    expect(await page.isHidden("#cloud-join")).toBe(true);
    const { cloud } = JSON.parse(await readFile(configPath, "utf8"));
    expect(await page.textContent("#alexa-message")).toContain(cloud.thing);
    await until(() => bridge.cloud?.state === "connected", "the link started in place", 10_000);
    expect((await call(bridge.api.url, "GET", "/v1/health")).body.cloud).toBe("connected");
    expect(await store.thingOf(BEN)).toBe(cloud.thing);
    await voiceSession(BEN, bridge);
    // Anna's home is another thing: Ben's session did not reach it, nor hers his.
    expect(await store.thingOf(ANNA)).not.toBe(cloud.thing);
  });

  it("refuses a second join while joined (409), and a request of the wrong shape by its field (400); the link keeps running", async () => {
    const bad = await call(bridge.api.url, "POST", "/v1/cloud/join", { token: TOKEN, body: { code: "12", provisionUrl } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toMatch(/code/);
    const again = await call(bridge.api.url, "POST", "/v1/cloud/join", { token: TOKEN, body: { code: "123456", provisionUrl } });
    expect([again.status, again.body.error.code]).toEqual([409, "CLOUD_ALREADY_JOINED"]);
    expect(bridge.cloud?.state).toBe("connected");
  });

  it("a bridge started without a config file: 409 naming how to start it, nothing written and no link started", async () => {
    const carol = await home("carol");
    const alone = await start(carol.storage, carol.configPath, { joinCaPath: broker.caPath }, { withoutConfigFile: true });
    const before = await readdir(carol.storage);
    const refused = await call(alone.api.url, "POST", "/v1/cloud/join", { token: TOKEN, body: { code: "123456", provisionUrl } });
    expect([refused.status, refused.body.error.code]).toEqual([409, "CLOUD_JOIN_NO_CONFIG"]);
    expect(refused.body.error.message).toMatch(/without a config file \(--config or BRIDGE_CONFIG\)/);
    expect(await readdir(carol.storage)).toEqual(before);
    expect(alone.cloud).toBeUndefined();
  });
});
