/**
 * The dashboard's Alexa accounts card in real Chromium, on a real bridge (bridge.ts's wiring) whose
 * cloud link is up on mosquitto; the link function (from source) answers through the broker as the
 * IoT topic rule the test plays hands it each message; households in "moto_server".
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { MqttClient } from "mqtt";
import type { Browser, Page } from "playwright-core";
import { linkFunction } from "../../lambda/entry/link-function.js";
import { HouseholdStore } from "../../lambda/households/store.js";
import { MqttPublisher } from "../../lambda/link/publisher.js";
import { type Bridge, startBridge } from "../../matter-bridge/bridge.js";
import { launchPage } from "../helpers/chromium.js";
import { connectionFor, FAST_BACKOFF } from "../helpers/cloud-link.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { playLinkRule } from "../helpers/link-rule.js";
import { Broker } from "../helpers/mosquitto.js";
import { createHouseholdTable, type Moto, startMoto } from "../helpers/moto.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

const TABLE = "dashboard-households";
let moto: Moto;
let broker: Broker;
let bridge: Bridge;
let storage: string;
let store: HouseholdStore;
let publisher: MqttPublisher;
let rule: MqttClient;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [moto, broker] = await Promise.all([startMoto(), Broker.start()]);
  await createHouseholdTable(moto, TABLE);
  store = new HouseholdStore({ table: TABLE, dynamo: moto.aws });
  publisher = new MqttPublisher({ url: broker.wsUrl, clientIdPrefix: "biolight-linkfn-" });
  const answer = linkFunction({ store, publish: publisher.publish, log: () => {} });
  rule = await playLinkRule(broker, answer);

  storage = await tempDir();
  const cli = { storage, matterPort: await freeUdpPort(), apiPort: 0, apiHost: "127.0.0.1", acknowledgeCaution: false, help: false };
  const cloud = connectionFor(broker, await broker.mintThing("dash-home"));
  bridge = await startBridge(cli, makeConfig(), { BRIDGE_API_TOKEN: "dashboard-alexa-token-0123456789abcdef" }, () => {}, undefined, {
    cloud,
    link: { backoff: FAST_BACKOFF },
  });
  await until(() => bridge.cloud?.state === "connected", "the cloud link", 10_000);
  ({ browser, page } = await launchPage());
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await rule?.endAsync();
  await publisher?.close();
  store?.destroy();
  await broker?.close();
  await moto?.close();
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-dashboard-alexa-");

async function typeCode(code: string) {
  await page.fill("#alexa-code", code);
  const before = await page.textContent("#alexa-message");
  await page.click("#alexa-link-form button[type=submit]");
  await until(async () => {
    const now = await page.textContent("#alexa-message");
    return now !== before && now !== "Linking…";
  }, "the page's answer");
  return page.textContent("#alexa-message");
}

it("links two Alexa accounts by their codes, lists them, refuses a wrong code, and unlinks all", async () => {
  await page.goto(`${bridge.api.url}/dashboard/`);
  await page.fill("#token", bridge.token.token);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#alexa:not([hidden])");
  await until(async () => (await page.textContent("#alexa-count")) === "Linked: 0 Alexa accounts", "no accounts listed");

  const anna = await store.issueCode("amzn1.ask.account.DASH-ANNA");
  expect(await typeCode(anna.code)).toBe("Linked: 1 Alexa account");
  const ben = await store.issueCode("amzn1.ask.account.DASH-BEN");
  expect(await typeCode(ben.code)).toBe("Linked: 2 Alexa accounts");
  expect(await page.textContent("#alexa-count")).toBe("Linked: 2 Alexa accounts");
  expect(await page.locator("#alexa-accounts li").count()).toBe(2);
  expect(await store.thingOf("amzn1.ask.account.DASH-BEN")).toBe("dash-home");

  expect(await typeCode(anna.code)).toMatch(/already been used/);
  expect(await page.getAttribute("#alexa-message", "class")).toContain("refused");
  expect(await page.textContent("#alexa-count")).toBe("Linked: 2 Alexa accounts");

  page.once("dialog", (d) => void d.accept());
  await page.click("#alexa-unlink-all");
  await until(async () => (await page.textContent("#alexa-count")) === "Linked: 0 Alexa accounts", "no accounts listed");
  expect(await page.textContent("#alexa-message")).toBe("Unlinked 2 Alexa accounts.");
  expect(await store.thingOf("amzn1.ask.account.DASH-ANNA")).toBeUndefined();
});
