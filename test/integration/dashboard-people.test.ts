/**
 * The dashboard's person picker in real headless Chromium (Debian's chromium via playwright-core),
 * served by a real control bridge (API, ledger file, simulated panel) on loopback: the picker opens
 * on the first panel's defaultPerson and remembers the choice, the dose bars and the 4-week chart
 * are the chosen person's (as the API says), starts and the caution answer are booked to that
 * person, and a home with one person sees no picker.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { REGION_IDS, REGIONS } from "../../matter-bridge/contract/regions.js";
import { dashboardHandler } from "../../matter-bridge/dashboard/serve.js";
import { launchPage, textChanged } from "../helpers/chromium.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { makeConfig, session } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Anna and Ben; the panel's default is Ben (not the first person), so the picker must ask the bridge. */
const HOME: Partial<BridgeConfigInput> = {
  people: [
    { id: "anna", name: "Anna" },
    { id: "ben", name: "Ben" },
  ],
  panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }],
  dose: { minSessionSeconds: 1, maxSessionSeconds: 60, minRestSameRegionSeconds: 0 },
};

/** Anna's last weeks, already in the ledger: three sessions on three days, one of them in the last 24 hours. */
const now = Date.now();
const annaSessions = [
  session("low-back-hips", now - 10 * DAY, 600, { person: "anna" }),
  session("mid-back", now - 3 * DAY, 600, { person: "anna" }),
  session("neck-shoulders", now - 60 * MINUTE, 300, { person: "anna" }),
];

let browser: Browser;
let bridge: ControlBridge;
let page: Page;

const startDashboardBridge = (config: Partial<BridgeConfigInput>, opts: { ledgerFile?: unknown; acknowledged?: boolean } = {}) =>
  startControlBridge({ ...opts, config, api: { static: dashboardHandler({ dose: makeConfig(config).dose }) } });

const apiGet = (b: ControlBridge, path: string) => call(b.url, "GET", path, { token: b.token });

/** Each region's used fluence as the bars show it. */
const usedOnPage = async (p: Page) =>
  Object.fromEntries(
    await Promise.all(
      REGION_IDS.map(async (id) => [id, Number(await p.getAttribute(`[data-dose=${id}] [data-used]`, "data-used"))] as const),
    ),
  );
/** Each region's used fluence as the bridge reports it for `person`. */
const usedByApi = async (b: ControlBridge, person: string) => {
  const res = await apiGet(b, `/v1/dose?person=${person}`);
  expect(res.status).toBe(200);
  expect(res.body.people.map((p: { id: string }) => p.id)).toEqual([person]);
  return Object.fromEntries(REGION_IDS.map((id) => [id, res.body.people[0].regions[id].usedFluenceJPerCm2 as number]));
};
const historyByApi = async (b: ControlBridge, person: string) =>
  (await apiGet(b, `/v1/history?days=28&person=${person}`)).body.people[0].sessions as Array<{
    id: string;
    person: string;
    region: string;
  }>;

/** Brings the page's next refresh (every 2 s) forward rather than waiting for it. */
const nextRefresh = () => page.clock.runFor(2000);

async function signIn(p: Page, b: ControlBridge) {
  await p.goto(`${b.url}/dashboard/`);
  await p.fill("#token", b.token);
  await p.click("#login-form button[type=submit]");
  await p.waitForSelector("[data-panel=panel-1]");
}

beforeAll(async () => {
  // Nobody has acknowledged the caution yet: the page asks, and whoever is picked answers.
  bridge = await startDashboardBridge(HOME, {
    ledgerFile: { format: "biolight-ledger/1", sessions: annaSessions, caution: null, seenAt: now - MINUTE },
  });
  ({ browser, page } = await launchPage());
  // The page's own clock: it keeps time, and is moved over the page's 2 s refresh where a test waits for one (nextRefresh).
  await page.clock.install();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe("dashboard: two people", () => {
  it("opens on the first panel's defaultPerson (Ben) with a labelled picker; the caution answered there is Ben's", async () => {
    await signIn(page, bridge);
    await page.waitForSelector("#person-picker:not([hidden])");
    expect(await page.inputValue("#person")).toBe("ben");
    expect(await page.locator("#person option").allTextContents()).toEqual(["Anna", "Ben"]);
    // A real label for the select (what a screen reader announces), and it is keyboard-focusable.
    expect(await page.getByLabel("Who is using the panel?").getAttribute("id")).toBe("person");
    await page.focus("#person");
    expect(
      await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id),
    ).toBe("person");

    await page.waitForSelector("#dose[data-person=ben]");
    await page.waitForSelector("#history-chart[data-person=ben]");
    expect(await usedOnPage(page)).toEqual(await usedByApi(bridge, "ben"));
    expect(await page.textContent("#dose-title")).toContain("Ben");
    expect(await page.getAttribute("#history-chart", "data-sessions")).toBe("0");
    expect(await page.locator("#history-chart svg rect").count()).toBe(0);

    // The caution: the household's gate opens, and the answer is Ben's own, not Anna's.
    await page.waitForSelector("#caution:not([hidden])");
    await page.click("#caution-ack");
    await page.waitForSelector("#caution", { state: "hidden" });
    expect((await apiGet(bridge, "/v1/caution?person=ben")).body).toMatchObject({ acknowledged: true, personAcknowledged: true });
    expect((await apiGet(bridge, "/v1/caution?person=anna")).body).toMatchObject({ acknowledged: true, personAcknowledged: false });
    expect(bridge.ledger.caution()?.source).toBe("dashboard");
  }, 30_000);

  it("picking Anna (with the keyboard) and then Ben switches the bars and the chart to that person's numbers", async () => {
    await page.focus("#person");
    await page.keyboard.press("ArrowUp");
    await page.waitForSelector("#dose[data-person=anna]");
    await page.waitForSelector("#history-chart[data-person=anna]");
    expect(await page.inputValue("#person")).toBe("anna");
    const anna = await usedByApi(bridge, "anna");
    expect(anna["neck-shoulders"]).toBeGreaterThan(0);
    expect(await usedOnPage(page)).toEqual(anna);
    expect(await page.textContent("#dose-title")).toContain("Anna");
    // Anna's three sessions, on three days, in their regions' colours; Ben's are not in her chart.
    expect(await page.getAttribute("#history-chart", "data-sessions")).toBe(String((await historyByApi(bridge, "anna")).length));
    const fills = await page.locator("#history-chart svg rect").evaluateAll((rects) => rects.map((r) => r.getAttribute("fill")));
    expect(fills.sort()).toEqual(annaSessions.map((s) => REGIONS[s.region].colour).sort());
    expect(await page.textContent("#history-title")).toContain("Anna");
    expect(await page.textContent("#history-summary")).toMatch(/^3 sessions, 25 minutes/);

    await page.selectOption("#person", "ben");
    await page.waitForSelector("#dose[data-person=ben]");
    await page.waitForSelector("#history-chart[data-person=ben]");
    expect(await usedOnPage(page)).toEqual(await usedByApi(bridge, "ben"));
    expect(Object.values(await usedOnPage(page))).toEqual(REGION_IDS.map(() => 0));
    expect(await page.locator("#history-chart svg rect").count()).toBe(0);
  }, 30_000);

  it("a session started with Ben picked is Ben's: the card says so, the API books it to him, and only his bars and chart move", async () => {
    const annaBefore = await usedByApi(bridge, "anna");
    await page.click("[data-panel=panel-1] [data-start=mid-back]");
    await page.waitForSelector("[data-panel=panel-1] [data-state=on]");
    expect(await page.textContent("[data-panel=panel-1] [data-session-person]")).toBe(" for Ben");
    expect(await page.getAttribute("[data-panel=panel-1] [data-session-person]", "data-session-person")).toBe("ben");
    expect(await page.textContent("#action-message")).toContain("Started Mid back for Ben");
    const running = (await apiGet(bridge, "/v1/panels")).body.panels[0];
    expect(running.session).toMatchObject({ person: "ben", region: "mid-back" });

    // Let some light accrue (until the countdown moves), then stop from the page.
    const first = await page.textContent("[data-countdown=panel-1]");
    await textChanged(page, "[data-countdown=panel-1]", first);
    await page.click("[data-stop=panel-1]");
    await page.waitForSelector("[data-panel=panel-1] [data-state=off]");
    expect(await page.locator("[data-session-person]").count()).toBe(0);

    // Booked to Ben: his history has it, Anna's is as it was, and her dose did not move.
    const ben = await historyByApi(bridge, "ben");
    expect(ben.map((s) => [s.person, s.region])).toEqual([["ben", "mid-back"]]);
    expect((await historyByApi(bridge, "anna")).map((s) => s.id)).toEqual(annaSessions.map((s) => s.id));
    expect(await usedByApi(bridge, "anna")).toEqual(annaBefore);

    // The page: Ben's bars as the API has them now, and his one session in the chart.
    await page.waitForSelector('#history-chart[data-person=ben][data-sessions="1"]');
    const benUsed = await usedByApi(bridge, "ben");
    expect(benUsed["mid-back"]).toBeGreaterThan(0);
    await page.waitForFunction(
      (used) =>
        Number(
          (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string } | null } }).document
            .querySelector("#dose[data-person=ben] [data-dose=mid-back] [data-used]")
            ?.getAttribute("data-used"),
        ) === used,
      benUsed["mid-back"],
      { timeout: 5000 },
    );
    expect(await usedOnPage(page)).toEqual(benUsed);
    const fills = await page.locator("#history-chart svg rect").evaluateAll((rects) => rects.map((r) => r.getAttribute("fill")));
    expect(fills).toEqual([REGIONS["mid-back"].colour]);
  }, 30_000);

  it("remembers the choice on this device, and falls back to the panel's default for a person no longer there", async () => {
    await page.selectOption("#person", "anna");
    await page.waitForSelector("#dose[data-person=anna]");
    await page.reload();
    await page.waitForSelector("#dose[data-person=anna]");
    expect(await page.inputValue("#person")).toBe("anna");
    await page.waitForSelector("#history-chart[data-person=anna]");

    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem("biolight-person", "zoe"),
    );
    await page.reload();
    await page.waitForSelector("#dose[data-person=ben]");
    expect(await page.inputValue("#person")).toBe("ben");
  }, 30_000);

  it("a red flag for Ben holds only Ben: with Ben picked the caution is shown after Anna's confirmation, and Ben's own confirmation clears it", async () => {
    const post = (path: string, body: unknown) => call(bridge.url, "POST", path, { token: bridge.token, body });
    expect((await post("/v1/caution/withdraw", { reason: "numbness", person: "ben" })).status).toBe(200);
    expect((await post("/v1/caution/acknowledge", { version: CAUTION_VERSION, person: "anna" })).status).toBe(200);
    await page.selectOption("#person", "anna");
    await page.waitForSelector("#dose[data-person=anna]");
    await page.waitForSelector("#caution", { state: "hidden" });
    // Open for Anna, but Ben's red flag is still listed.
    await page.waitForSelector("#red-flags:not([hidden])");
    expect(await page.textContent("#red-flags-list")).toMatch(/for Ben, via api: “numbness”\. Waiting for Ben to confirm/);
    await page.selectOption("#person", "ben");
    await page.waitForSelector("#caution:not([hidden])");
    expect(await page.textContent("#caution-title")).toMatch(/Sessions for Ben are paused/);
    await page.click("#caution-ack");
    await page.waitForSelector("#caution", { state: "hidden" });
    expect((await apiGet(bridge, "/v1/caution?person=ben")).body).toMatchObject({ acknowledged: true, personWithdrawn: false });
  }, 30_000);

  it("two red flags naming nobody are both listed, newest first, until everyone has confirmed again", async () => {
    const post = (path: string, body: unknown) => call(bridge.url, "POST", path, { token: bridge.token, body });
    expect((await post("/v1/caution/withdraw", { reason: "felt a bit warm" })).status).toBe(200);
    expect((await post("/v1/caution/withdraw", { reason: "sudden weakness in the legs" })).status).toBe(200);
    await nextRefresh();
    await page.waitForSelector("#red-flags-list li:nth-child(2)");
    const items = await page.$$eval("#red-flags-list li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(items[0]).toMatch(/for everyone, via api: “sudden weakness in the legs”\. Waiting for Anna, Ben to confirm/);
    expect(items[1]).toMatch(/“felt a bit warm”/);
    expect(await page.textContent("#caution-why")).toMatch(/sudden weakness in the legs/);
    for (const person of ["anna", "ben"])
      expect((await post("/v1/caution/acknowledge", { version: CAUTION_VERSION, person })).status).toBe(200);
    await nextRefresh();
    await page.waitForSelector("#red-flags", { state: "hidden" });
  }, 30_000);
});

describe("dashboard: one person", () => {
  it("shows no picker; the bars and the chart are the household's and a start is booked to it", async () => {
    const single = await startDashboardBridge({ dose: HOME.dose }, { acknowledged: true });
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    try {
      await signIn(p, single);
      await p.waitForSelector("#dose[data-person=household]");
      await p.waitForSelector("#history-chart[data-person=household]");
      expect(await p.isHidden("#person-picker")).toBe(true);
      expect(await p.textContent("#dose-title")).toBe("Light in the last 24 hours");
      expect(await p.textContent("#history-title")).toBe("Last 4 weeks");
      expect(await usedOnPage(p)).toEqual(await usedByApi(single, "household"));

      await p.click("[data-panel=panel-1] [data-start=neck-shoulders]");
      await p.waitForSelector("[data-panel=panel-1] [data-state=on]");
      // One person: nothing to tell apart on the card or in the message.
      expect(await p.locator("[data-session-person]").count()).toBe(0);
      expect(await p.textContent("#action-message")).toMatch(
        new RegExp(`^Started ${REGIONS["neck-shoulders"].displayName} for \\d+:\\d\\d`),
      );
      expect((await apiGet(single, "/v1/panels")).body.panels[0].session).toMatchObject({ person: "household" });
      await p.click("[data-stop=panel-1]");
      await p.waitForSelector("[data-panel=panel-1] [data-state=off]");
      expect((await historyByApi(single, "household")).map((s) => s.person)).toEqual(["household"]);
    } finally {
      await context.close();
      await single.close();
    }
  }, 30_000);
});
