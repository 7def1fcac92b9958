/**
 * The dashboard's pairing controls in headless Chromium, against a real bridge that real matter.js
 * controllers commission over UDP on 127.0.0.1: paired or not and with whom, the banner's link with
 * the token in the fragment, "Open pairing window" with a fresh code a second ecosystem pairs with,
 * and "Remove" per fabric.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { Environment } from "@matter/main";
import { MdnsService } from "@matter/main/protocol";
import { QrPairingCodeCodec } from "@matter/main/types";
import type { CommissioningController } from "@project-chip/matter.js";
import type { Browser, Page } from "playwright-core";
import { type Bridge, startBridge } from "../../matter-bridge/bridge.js";
import { launchPage } from "../helpers/chromium.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";
import { commission, startController } from "../helpers/matter-controller.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

const PASSCODE = 20202021;
const DISCRIMINATOR = 3840;

let browser: Browser;
let bridge: Bridge;
let page: Page;
let matterPort: number;
const controllers: CommissioningController[] = [];
const mdnsServices: MdnsService[] = [];

beforeAll(async () => {
  Environment.default.added.on((type, instance) => {
    if (type === MdnsService) mdnsServices.push(instance as MdnsService);
  });
  const storage = await tempDir("pairing-");
  matterPort = await freeUdpPort();
  const cli = {
    storage,
    matterPort,
    apiPort: 0,
    apiHost: "127.0.0.1",
    passcode: PASSCODE,
    discriminator: DISCRIMINATOR,
    acknowledgeCaution: false,
    help: false,
  };
  bridge = await startBridge(
    cli as Parameters<typeof startBridge>[0],
    makeConfig(),
    // The test controllers' own warnings (test vendor, no BLE) stay out of the test's output.
    { BRIDGE_API_TOKEN: "pairing-test-token-0123456789abcdef", MATTER_LOG_LEVEL: "error" },
    () => {},
  );
  ({ browser, page } = await launchPage());
  // The page's own clock, moved on where the test waits for its next pairing refresh (pairingShown).
  await page.clock.install();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const c of controllers) await c.close().catch(() => {});
  await bridge?.close();
  // matter.js's reset after the last fabric leaves the node's earlier mDNS service open (the CLI
  // exits the process at shutdown); closed here so jest can exit.
  for (const mdns of mdnsServices) await mdns.close().catch(() => {});
}, 30_000);
/** Below the afterAll above (hooks run in order): the folders go once the bridge and controllers in them are closed. */
const tempDir = tempDirs("biolight-");

const apiGet = (path: string) => call(bridge.api.url, "GET", path, { token: bridge.token.token });
const fabricRows = () => page.locator("[data-fabric]");

/**
 * Waits for `selector` on the page, moving the page's clock over its pairing refresh (every third
 * 2 s poll) while it is not there yet, rather than waiting the seconds out.
 */
async function pairingShown(selector: string, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!(await page.locator(selector).count())) {
    if (Date.now() > end) throw new Error(`the page did not show ${selector}`);
    await page.clock.runFor(6000);
    await page.waitForSelector(selector, { timeout: 250 }).catch(() => {});
  }
}

/** A controller of its own (its own fabric) commissioning the bridge with the given QR code. */
async function pairWith(qrPairingCode: string, id: string) {
  const [{ passcode, discriminator }] = QrPairingCodeCodec.decode(qrPairingCode);
  const controller = await startController(await tempDir("controller-"), id);
  controllers.push(controller);
  await commission(controller, matterPort, passcode, discriminator);
  return controller;
}

it("opens signed in from a link with the token in the fragment, and drops the fragment from the address", async () => {
  await page.goto(`${bridge.api.url}/dashboard/#token=${encodeURIComponent(bridge.token.token)}`);
  await page.waitForSelector("[data-panel=panel-1]");
  expect(page.url()).toBe(`${bridge.api.url}/dashboard/`);
  expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe("");
  expect(await page.isHidden("#login")).toBe(true);
  // Kept as a typed token is, so a reload stays signed in.
  await page.reload();
  await page.waitForSelector("[data-panel=panel-1]");
  expect(await page.isHidden("#login")).toBe(true);
}, 30_000);

it("unpaired: says so and shows the bridge's own code, with no window button", async () => {
  await page.waitForSelector("#pairing-code:not([hidden]) #qr svg");
  expect(await page.textContent("#pairing-status")).toMatch(/Not paired/);
  expect(await page.textContent("#manual-code")).toBe(bridge.pairing.manualPairingCode);
  expect(await page.isHidden("#open-window")).toBe(true);
  expect(await fabricRows().count()).toBe(0);
  const status = await apiGet("/v1/pairing");
  expect(status.body).toMatchObject({
    commissioned: false,
    fabrics: [],
    window: { open: true, kind: "basic" },
    qrPairingCode: bridge.pairing.qrPairingCode,
  });
  const early = await call(bridge.api.url, "POST", "/v1/pairing/window", { token: bridge.token.token, body: {} });
  expect([early.status, early.body.error.code]).toEqual([409, "PAIRING_WINDOW_OPEN"]);
});

it("paired: names the ecosystem, hides the code; a new window shows a fresh code a second ecosystem pairs with", async () => {
  await pairWith(bridge.pairing.qrPairingCode, "ecosystem-a");
  await pairingShown("[data-fabric]");
  await page.waitForSelector("#pairing-code", { state: "hidden" });
  expect(await page.textContent("#pairing-status")).toMatch(/Paired with 1 ecosystem/);
  // The controller sets its fabric label just after commissioning: the page shows it at its next refresh.
  await pairingShown('[data-fabric] .fabric-name:text-is("Test controller (biolight test)")');
  const paired = await apiGet("/v1/pairing");
  expect(paired.body).toMatchObject({
    commissioned: true,
    window: { open: false },
    fabrics: [{ vendorId: 0xfff1, vendorName: "Test controller", label: "biolight test" }],
  });
  expect(paired.body.qrPairingCode).toBeUndefined();
  expect(paired.body.manualPairingCode).toBeUndefined();

  await page.click("#open-window");
  await page.waitForSelector("#pairing-code:not([hidden]) #qr svg");
  const fresh = (await page.textContent("#manual-code")) ?? "";
  expect(fresh).not.toBe(bridge.pairing.manualPairingCode);
  expect(await page.textContent("#pairing-message")).toMatch(/Pairing window open/);
  expect(await page.isVisible("#pairing-expires")).toBe(true);
  expect(await page.isHidden("#open-window")).toBe(true);
  const open = await apiGet("/v1/pairing");
  expect(open.body).toMatchObject({ window: { open: true, kind: "enhanced" }, manualPairingCode: fresh });
  expect(Date.parse(open.body.window.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
  const again = await call(bridge.api.url, "POST", "/v1/pairing/window", { token: bridge.token.token, body: {} });
  expect([again.status, again.body.error.code]).toEqual([409, "PAIRING_WINDOW_OPEN"]);

  // The old code no longer pairs anything new; the fresh one does, and the window closes.
  await pairWith(open.body.qrPairingCode, "ecosystem-b");
  await pairingShown("[data-fabric] >> nth=1");
  expect(await page.textContent("#pairing-status")).toMatch(/Paired with 2 ecosystems/);
  expect(bridge.pairingControl.fabrics()).toHaveLength(2);
  expect((await apiGet("/v1/pairing")).body.window).toEqual({ open: false });
  expect(await page.isVisible("#open-window")).toBe(true);
}, 60_000);

it("removes one fabric after a confirmation, and the bridge really forgets it", async () => {
  const [first, second] = bridge.pairingControl.fabrics();
  // Cancelled: nothing changes.
  page.once("dialog", (d) => void d.dismiss());
  await Promise.all([page.waitForEvent("dialog"), page.click(`[data-remove-fabric="${second.fabricIndex}"]`)]);
  expect(bridge.pairingControl.fabrics()).toHaveLength(2);

  let message = "";
  page.once("dialog", (d) => {
    message = d.message();
    void d.accept();
  });
  await page.click(`[data-remove-fabric="${second.fabricIndex}"]`);
  await page.waitForSelector(`[data-fabric="${second.fabricIndex}"]`, { state: "detached" });
  expect(message).toMatch(/Remove Test controller/);
  expect(await page.textContent("#pairing-message")).toMatch(/Removed/);
  expect(bridge.pairingControl.fabrics().map((f) => f.fabricIndex)).toEqual([first.fabricIndex]);
  expect((await apiGet("/v1/pairing")).body.fabrics).toEqual([expect.objectContaining({ fabricIndex: first.fabricIndex })]);

  const unknown = await call(bridge.api.url, "DELETE", `/v1/pairing/fabrics/${second.fabricIndex}`, { token: bridge.token.token });
  expect([unknown.status, unknown.body.error.code]).toEqual([404, "UNKNOWN_FABRIC"]);
  const bad = await call(bridge.api.url, "DELETE", "/v1/pairing/fabrics/abc", { token: bridge.token.token });
  expect(bad.status).toBe(400);
  expect((await call(bridge.api.url, "GET", "/v1/pairing", {})).status).toBe(401);

  // The last one: the bridge is unpaired again and shows its own code.
  page.once("dialog", (d) => {
    message = d.message();
    void d.accept();
  });
  await page.click(`[data-remove-fabric="${first.fabricIndex}"]`);
  await pairingShown("#pairing-code:not([hidden]) #qr svg", 20_000);
  expect(message).toMatch(/last one/);
  expect(await page.textContent("#pairing-status")).toMatch(/Not paired/);
  expect(await fabricRows().count()).toBe(0);
  await until(() => bridge.pairingControl.node.lifecycle.isOnline, "the node to be online again after its reset", 5000, 50);
  expect(bridge.pairingControl.fabrics()).toEqual([]);
}, 60_000);
