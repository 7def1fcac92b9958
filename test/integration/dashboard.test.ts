/**
 * The dashboard in real headless Chromium (Debian's chromium via playwright-core), served by a
 * real bridge (Matter node, control API, simulated panel) on loopback.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { type Browser, chromium, type Page } from "playwright-core";
import { type Bridge, startBridge } from "../../matter-bridge/cli/bridge.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { freeUdpPort } from "../helpers/ports.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Browser;
let bridge: Bridge;
let storage: string;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Headless Chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it).`);
  storage = await mkdtemp(join(tmpdir(), "biolight-dashboard-"));
  const config = makeConfig({ dose: { minSessionSeconds: 1, maxSessionSeconds: 60, minRestSameRegionSeconds: 0 } });
  const cli = { storage, matterPort: await freeUdpPort(), apiPort: 0, apiHost: "127.0.0.1", acknowledgeCaution: false, help: false };
  bridge = await startBridge(cli, config, { BRIDGE_API_TOKEN: "dashboard-test-token-0123456789abcdef" }, () => {});
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  page = await browser.newPage();
  // Everything must be served by the bridge itself: no CDN.
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
  await rm(storage, { recursive: true, force: true });
});

const panelOn = () => bridge.controller.status()[0].on;

it("refuses a wrong token and shows nothing of the bridge", async () => {
  await page.goto(`${bridge.api.url}/dashboard/`);
  await page.fill("#token", "not-the-token");
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#login-error:not([hidden])");
  expect(await page.textContent("#login-error")).toContain("Wrong token");
  expect(await page.isHidden("#app")).toBe(true);
  expect(await page.locator("[data-panel]").count()).toBe(0);
});

it("signs in, asks the caution, starts a session with a live countdown and a moving dose bar, then stops it", async () => {
  await page.fill("#token", bridge.token.token);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("[data-panel=panel-1]");
  expect(await page.textContent("[data-panel=panel-1] [data-state]")).toBe("off");

  // The pairing QR code and manual code, served by the bridge.
  await page.waitForSelector("#qr svg");
  expect(await page.textContent("#manual-code")).toBe(bridge.pairing.manualPairingCode);

  // First use: the caution card until acknowledged.
  await page.waitForSelector("#caution:not([hidden])");
  expect(await page.textContent("#caution-text")).toContain("numbness");
  await page.click("#caution-ack");
  await page.waitForSelector("#caution", { state: "hidden" });
  expect(bridge.ledger?.caution()?.source).toBe("dashboard");

  const usedBefore = Number(await page.getAttribute("[data-dose=mid-back] [data-used]", "data-used"));
  await page.click("[data-panel=panel-1] [data-start=mid-back]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=on]");
  expect(panelOn()).toBe(true);
  expect(bridge.controller.status()[0].region).toBe("mid-back");
  expect(await page.textContent("#action-message")).toContain("Started Mid back");

  const countdown = () => page.textContent("[data-countdown=panel-1]");
  const first = await countdown();
  expect(first).toMatch(/^\d+:\d\d$/);
  await page.waitForFunction(
    (was) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector("[data-countdown=panel-1]")?.textContent !== was,
    first,
    { timeout: 5000 },
  );
  const later = (await countdown()) as string;
  const secs = (t: string) => Number(t.split(":")[0]) * 60 + Number(t.split(":")[1]);
  expect(secs(later)).toBeLessThan(secs(first as string));

  // Let a few seconds of light accrue, then stop from the page: the bar shows what was delivered.
  await page.waitForTimeout(2000);
  await page.click("[data-stop=panel-1]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=off]");
  expect(panelOn()).toBe(false);
  expect(await page.textContent("#action-message")).toContain("Stopped after");
  const usedAfter = Number(await page.getAttribute("[data-dose=mid-back] [data-used]", "data-used"));
  expect(usedAfter).toBeGreaterThan(usedBefore);
  const width = await page.getAttribute("[data-dose=mid-back] .bar span", "style");
  expect(Number(/width:\s*([\d.]+)%/.exec(width ?? "")?.[1])).toBeGreaterThan(0);
  expect(await page.locator("#history-chart svg rect").count()).toBeGreaterThan(0);
}, 30_000);

it("a start the bridge rejects is shown with its reason and the panel stays off", async () => {
  await page.fill("[data-panel=panel-1] input[type=number]", "0.001");
  await page.click("[data-panel=panel-1] [data-start=neck-shoulders]");
  await page.waitForSelector("#action-message.refused");
  expect(await page.textContent("#action-message")).toContain("Not started");
  expect(panelOn()).toBe(false);
});
