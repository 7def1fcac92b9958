/**
 * A refused start on the dashboard, in real headless Chromium against a real bridge: when it may be
 * tried again is a clock time in the browser's own zone ("after 9:12 tomorrow morning"), not a
 * count of minutes, and the sentence ends with one full stop.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { type Bridge, startBridge } from "../../matter-bridge/bridge.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import { launchPage } from "../helpers/chromium.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

let browser: Browser;
let bridge: Bridge;
let storage: string;
let page: Page;

beforeAll(async () => {
  storage = await tempDir();
  // The default 12-hour rest between sessions of one region.
  const config = makeConfig({ dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 43_200 } });
  const cli = { storage, matterPort: await freeUdpPort(), apiPort: 0, apiHost: "127.0.0.1", acknowledgeCaution: false, help: false };
  bridge = await startBridge(cli, config, { BRIDGE_API_TOKEN: "dashboard-refusal-token-0123456789abcdef" }, () => {});
  const launched = await launchPage();
  browser = launched.browser;
  await launched.page.close();
  page = await browser.newPage({ timezoneId: "Europe/Berlin" });
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-dashboard-refusals-");

const post = (path: string, body: unknown) => call(bridge.api.url, "POST", path, { token: bridge.token.token, body });

it("a region resting for 12 hours: 'Try again after 9:12 tomorrow morning.' when the browser's clock says 21:12", async () => {
  expect((await post("/v1/caution/acknowledge", { version: CAUTION_VERSION })).status).toBe(200);
  expect((await post("/v1/sessions", { region: "mid-back", seconds: 1 })).status).toBe(201);
  await until(() => !bridge.controller.status()[0].on, "the one-second session's end", 10_000);

  // Evening in Berlin: the 12-hour rest (less the seconds this test took) ends in the morning.
  await page.clock.setFixedTime(new Date("2026-03-10T21:12:00+01:00"));
  await page.goto(`${bridge.api.url}/dashboard/#token=${bridge.token.token}`);
  await page.waitForSelector("[data-panel=panel-1] [data-start=mid-back]");
  await page.click("[data-panel=panel-1] [data-start=mid-back]");
  await page.waitForSelector("#action-message.refused");
  expect(await page.textContent("#action-message")).toBe(
    "Not started: The mid back needs a rest between sessions. Try again after 9:12 tomorrow morning.",
  );
  expect(bridge.controller.status()[0].on).toBe(false);
});

it("says the time of day, the day and, within 90 minutes, how long, as the browser reads its clock", async () => {
  const phrases = await page.evaluate(async () => {
    const { tryAgain, sentence } = await import("/dashboard/retry-time.js" as string);
    // Local times in the page's zone (Europe/Berlin): Tuesday 10 March 2026.
    const at = (h: number, m: number, day = 10) => new Date(2026, 2, day, h, m);
    return {
      soon: tryAgain(30 * 60, at(19, 12)),
      tonight: tryAgain(3 * 3600, at(19, 12)),
      smallHours: tryAgain(6 * 3600, at(19, 12)),
      afternoon: tryAgain(5 * 3600, at(9, 0)),
      tomorrowEvening: tryAgain(24 * 3600, at(18, 5)),
      thursday: tryAgain(2 * 86_400 + 3600, at(8, 0)),
      nextWeek: tryAgain(7 * 86_400, at(9, 12)),
      aMinute: tryAgain(40, at(9, 12)),
      roundedUp: tryAgain(12 * 3600 + 1, at(21, 12)),
      ownStop: sentence("Mid back needs a rest between sessions."),
      noStop: sentence("CAUTION_REQUIRED"),
    };
  });
  expect(phrases).toEqual({
    soon: "Try again in 30 min (after 7:42 this evening).",
    tonight: "Try again after 10:12 tonight.",
    smallHours: "Try again after 1:12 tonight.",
    afternoon: "Try again after 2:00 this afternoon.",
    tomorrowEvening: "Try again after 6:05 tomorrow evening.",
    thursday: "Try again after 9:00 on Thursday morning.",
    nextWeek: "Try again after 9:12 in the morning on Tuesday 17 March.",
    aMinute: "Try again in a minute.",
    roundedUp: "Try again after 9:13 tomorrow morning.",
    ownStop: "Mid back needs a rest between sessions.",
    noStop: "CAUTION_REQUIRED.",
  });
});
