/**
 * The dashboard in real headless Chromium (Debian's chromium via playwright-core), served by a
 * real bridge (Matter node, control API, simulated panel) on loopback.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { type Bridge, startBridge } from "../../matter-bridge/bridge.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import { REGION_IDS, REGIONS } from "../../matter-bridge/contract/regions.js";
import { launchPage, textChanged } from "../helpers/chromium.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";

let browser: Browser;
let bridge: Bridge;
let storage: string;
let page: Page;

beforeAll(async () => {
  storage = await tempDir();
  const config = makeConfig({ dose: { minSessionSeconds: 1, maxSessionSeconds: 60, minRestSameRegionSeconds: 0 } });
  const cli = { storage, matterPort: await freeUdpPort(), apiPort: 0, apiHost: "127.0.0.1", acknowledgeCaution: false, help: false };
  bridge = await startBridge(cli, config, { BRIDGE_API_TOKEN: "dashboard-test-token-0123456789abcdef" }, () => {});
  ({ browser, page } = await launchPage());
  // The page's own clock: it keeps time, and is moved over the page's 2 s refresh where a test waits for one (nextRefresh).
  await page.clock.install();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-dashboard-");

/** Brings the page's next refresh (every 2 s) forward rather than waiting for it. */
const nextRefresh = () => page.clock.runFor(2000);
const panelOn = () => bridge.controller.status()[0].on;
/** What the simulated panel itself last did (its state file, written on every change). */
const driverState = async () =>
  JSON.parse(await readFile(join(storage, "panels", "panel-1.json"), "utf8")) as { on: boolean; actions: Array<{ action: string }> };
const apiGet = (path: string, token = bridge.token.token) => call(bridge.api.url, "GET", path, { token });
const usedOnPage = async (region: string) => Number(await page.getAttribute(`[data-dose=${region}] [data-used]`, "data-used"));
const barWidthOnPage = async (region: string) =>
  Number(/width:\s*([\d.]+)%/.exec((await page.getAttribute(`[data-dose=${region}] .bar span`, "style")) ?? "")?.[1]);

it("refuses a wrong token and shows nothing of the bridge", async () => {
  await page.goto(`${bridge.api.url}/dashboard/`);
  await page.fill("#token", "not-the-token");
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("#login-error:not([hidden])");
  expect(await page.textContent("#login-error")).toContain("Wrong token");
  expect(await page.isHidden("#app")).toBe(true);
  expect(await page.isVisible("#login-form")).toBe(true);
  expect(await page.locator("[data-panel]").count()).toBe(0);
  expect((await apiGet("/v1/panels", "not-the-token")).status).toBe(401);
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

  const usedBefore = await usedOnPage("mid-back");
  const widthBefore = await barWidthOnPage("mid-back");
  await page.click("[data-panel=panel-1] [data-start=mid-back]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=on]");
  expect(panelOn()).toBe(true);
  expect(bridge.controller.status()[0].region).toBe("mid-back");
  expect((await driverState()).on).toBe(true);
  expect(await page.textContent("#action-message")).toContain("Started Mid back");

  // A running session counts at its planned dose: the region's bar moves as soon as it starts.
  const usedDuring = await usedOnPage("mid-back");
  expect(usedDuring).toBeGreaterThan(usedBefore);
  expect(await barWidthOnPage("mid-back")).toBeGreaterThan(widthBefore);
  expect(await usedOnPage("neck-shoulders")).toBe(0);

  const countdown = () => page.textContent("[data-countdown=panel-1]");
  const first = await countdown();
  expect(first).toMatch(/^\d+:\d\d$/);
  await textChanged(page, "[data-countdown=panel-1]", first);
  const later = (await countdown()) as string;
  const secs = (t: string) => Number(t.split(":")[0]) * 60 + Number(t.split(":")[1]);
  expect(secs(later)).toBeLessThan(secs(first as string));

  // Let a few seconds of light accrue, then stop from the page: the bar shows what was delivered.
  await page.waitForTimeout(1000);
  await page.click("[data-stop=panel-1]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=off]");
  expect(await page.textContent("#action-message")).toContain("Stopped after");
  expect(await page.locator("[data-stop=panel-1]").count()).toBe(0);
  expect(await page.textContent("[data-countdown=panel-1]")).toBe("");

  // Off everywhere: the controller, the API, and the panel itself.
  expect(panelOn()).toBe(false);
  const panels = await apiGet("/v1/panels");
  expect(panels.status).toBe(200);
  expect(panels.body.panels).toEqual([expect.objectContaining({ id: "panel-1", on: false })]);
  const driver = await driverState();
  expect(driver.on).toBe(false);
  expect(driver.actions.at(-1)?.action).toBe("off");

  // Only the delivered seconds count now: less than planned, more than nothing, as the API says.
  const usedAfter = await usedOnPage("mid-back");
  expect(usedAfter).toBeGreaterThan(usedBefore);
  expect(usedAfter).toBeLessThan(usedDuring);
  expect(usedAfter).toBe((await apiGet("/v1/dose")).body.people[0].regions["mid-back"].usedFluenceJPerCm2);
  expect(await barWidthOnPage("mid-back")).toBeGreaterThan(0);
  expect(await page.locator("#history-chart svg rect").count()).toBeGreaterThan(0);

  // Region names and colours are the bridge's catalogue: the start buttons, the chart and its legend use them.
  expect(await page.getAttribute("#history-chart svg rect", "fill")).toBe(REGIONS["mid-back"].colour);
  const legend = await page.textContent("#history-chart .legend");
  for (const id of REGION_IDS) {
    expect(legend).toContain(REGIONS[id].displayName);
    expect(await page.textContent(`[data-panel=panel-1] [data-start=${id}]`)).toBe(`Start ${REGIONS[id].displayName}`);
  }
}, 30_000);

it("what was typed in the minutes box, and the cursor, survive the page's refresh of the panel cards", async () => {
  await page.fill("[data-panel=panel-1] input[type=number]", "7");
  // Mark the box now on the page, then wait until a refresh has put a new one in its place.
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): Record<string, unknown> } }).document;
    doc.querySelector("[data-panel=panel-1] input[type=number]").typedBefore = true;
  });
  await nextRefresh();
  await page.waitForFunction(
    () =>
      !(globalThis as unknown as { document: { querySelector(s: string): Record<string, unknown> | null } }).document.querySelector(
        "[data-panel=panel-1] input[type=number]",
      )?.typedBefore,
    undefined,
    { timeout: 10_000 },
  );
  expect(await page.inputValue("[data-panel=panel-1] input[type=number]")).toBe("7");
  expect(
    await page.evaluate(
      () =>
        (globalThis as unknown as { document: { activeElement: { dataset?: { minutes?: string } } } }).document.activeElement.dataset
          ?.minutes,
    ),
  ).toBe("panel-1");
});

it("a start the bridge rejects is shown with its reason and the panel stays off", async () => {
  await page.fill("[data-panel=panel-1] input[type=number]", "0.001");
  await page.click("[data-panel=panel-1] [data-start=neck-shoulders]");
  await page.waitForSelector("#action-message.refused");
  expect(await page.textContent("#action-message")).toContain("Not started");
  expect(panelOn()).toBe(false);
});

it("reporting a red flag from the page switches the panel off, pauses every start and shows the caution with the reason; acknowledging reopens it", async () => {
  await page.fill("[data-panel=panel-1] input[type=number]", "");
  await page.click("[data-panel=panel-1] [data-start=low-back-hips]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=on]");
  expect(panelOn()).toBe(true);
  expect(await page.isHidden("#caution")).toBe(true);
  expect(await page.textContent("#withdraw")).toContain("Report a red flag");

  // Cancelling the confirmation changes nothing.
  const dialogs: Array<{ type: string; message: string }> = [];
  page.once("dialog", (d) => {
    dialogs.push({ type: d.type(), message: d.message() });
    void d.dismiss();
  });
  await Promise.all([page.waitForEvent("dialog"), page.click("#withdraw")]);
  expect(dialogs).toHaveLength(1);
  expect((await apiGet("/v1/caution")).body.acknowledged).toBe(true);
  expect(panelOn()).toBe(true);

  await page.fill("#withdraw-reason", "new numbness in the left leg");
  page.once("dialog", (d) => {
    dialogs.push({ type: d.type(), message: d.message() });
    void d.accept();
  });
  await Promise.all([page.waitForEvent("dialog"), page.click("#withdraw")]);
  await page.waitForSelector("#caution:not([hidden])");
  expect(dialogs.map((d) => d.type)).toEqual(["confirm", "confirm"]);
  expect(dialogs[1].message).toMatch(/switched off/);

  // The page: the caution again, saying why, and the red-flag button gone until it is acknowledged.
  expect(await page.textContent("#caution-title")).toMatch(/red flag was reported/);
  expect(await page.textContent("#caution-why")).toContain("new numbness in the left leg");
  expect(await page.textContent("#caution-text")).toContain("numbness");
  expect(await page.isHidden("#red-flag")).toBe(true);
  await page.waitForSelector("[data-panel=panel-1] [data-state=off]");
  expect(await page.textContent("#action-message")).toContain("Red flag recorded");

  // The bridge: the gate closed with the reason, the session switched off, every start refused.
  expect(panelOn()).toBe(false);
  expect((await driverState()).on).toBe(false);
  const gate = await apiGet("/v1/caution");
  expect(gate.body).toMatchObject({ acknowledged: false, withdrawnReason: "new numbness in the left leg" });
  expect(typeof gate.body.withdrawnAt).toBe("string");
  expect(bridge.controller.caution.record()).toMatchObject({ withdrawnSource: "dashboard" });
  const refused = await call(bridge.api.url, "POST", "/v1/sessions", { token: bridge.token.token, body: { region: "mid-back" } });
  expect([refused.status, refused.body.error.code]).toEqual([409, "CAUTION_REQUIRED"]);
  expect(refused.body.error.message).toMatch(/withdrawn/);

  // A start from the page is refused with that reason too.
  await page.click("[data-panel=panel-1] [data-start=neck-shoulders]");
  await page.waitForSelector("#action-message:has-text('Not started')");
  expect(await page.textContent("#action-message")).toMatch(/withdrawn/);
  expect(panelOn()).toBe(false);

  // Acknowledging on the page reopens the gate (with the version the bridge asks for).
  await page.click("#caution-ack");
  await page.waitForSelector("#caution", { state: "hidden" });
  await page.waitForSelector("#red-flag:not([hidden])");
  const reopened = await apiGet("/v1/caution");
  expect(reopened.body).toMatchObject({ acknowledged: true, acknowledgedVersion: CAUTION_VERSION, withdrawnAt: null });
  expect(bridge.controller.caution.record()?.source).toBe("dashboard");
  await page.click("[data-panel=panel-1] [data-start=mid-back]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=on]");
  expect(panelOn()).toBe(true);
  await page.click("[data-stop=panel-1]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=off]");
}, 30_000);

it("shows the caution the bridge reports (a new version, saying so) and acknowledges the version the bridge reported", async () => {
  // The page asks for the picked person's view of the caution (`?person=`).
  const statusUrl = new RegExp(`^${bridge.api.url.replace(/[.]/g, "\\.")}/v1/caution(\\?|$)`);
  const ackUrl = `${bridge.api.url}/v1/caution/acknowledge`;
  // The bridge as it would answer after an update to caution version 7, version 1 acknowledged before.
  await page.route(statusUrl, (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({
        version: 7,
        text: "Caution version seven, as the bridge reports it.",
        acknowledged: false,
        acknowledgedAt: null,
        acknowledgedVersion: 1,
        withdrawnAt: null,
        withdrawnReason: null,
      }),
    }),
  );
  const sent: unknown[] = [];
  await page.route(ackUrl, (route) => {
    sent.push(route.request().postDataJSON());
    void route.continue();
  });
  try {
    await nextRefresh();
    await page.waitForSelector("#caution:not([hidden])");
    expect(await page.textContent("#caution-text")).toBe("Caution version seven, as the bridge reports it.");
    expect(await page.textContent("#caution-title")).toMatch(/changed/);
    expect(await page.textContent("#caution-why")).toMatch(/version 7.*version 1/);

    // The real bridge (version 1) refuses version 7: the page says so instead of pretending.
    await page.click("#caution-ack");
    await page.waitForSelector("#caution-error:not([hidden])");
    // With one person (no `people`), the answer is also the household person's own.
    expect(sent).toEqual([{ version: 7, source: "dashboard", person: "household" }]);
    expect(await page.textContent("#caution-error")).toMatch(/newer version/);
  } finally {
    await page.unroute(statusUrl);
    await page.unroute(ackUrl);
  }
  // Back to the real bridge, whose gate is open: the caution goes away.
  await nextRefresh();
  await page.waitForSelector("#caution", { state: "hidden" });
}, 30_000);

it("a typed length is used once: after a start, and after signing out, the minutes box is empty again", async () => {
  const box = "[data-panel=panel-1] input[type=number]";
  await page.fill(box, "1");
  await page.click("[data-panel=panel-1] [data-start=neck-shoulders]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=on]");
  expect(bridge.controller.status()[0].session?.seconds).toBe(60);
  // Once the page has the start's answer (a refresh may show the panel on just before it).
  await page.waitForFunction(
    (selector) =>
      (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector(selector)
        ?.value === "",
    box,
    { timeout: 10_000 },
  );
  await page.click("[data-stop=panel-1]");
  await page.waitForSelector("[data-panel=panel-1] [data-state=off]");

  // Typed, not used, then signed out: the next person to sign in does not inherit it.
  await page.fill(box, "2");
  await page.click("#logout");
  await page.waitForSelector("#login-form");
  expect(await page.locator("[data-panel]").count()).toBe(0);
  await page.fill("#token", bridge.token.token);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector("[data-panel=panel-1]");
  expect(await page.inputValue(box)).toBe("");
}, 30_000);
