/**
 * The control API for the guard's newer rules, over real HTTP: the versioned and withdrawable
 * caution, the clock that is behind, a stop that wins over a slow relay.
 */
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { AuthThrottle } from "../../matter-bridge/api/auth.js";
import { type Api, startApi } from "../../matter-bridge/api/server.js";
import { CautionStatusResponseSchema, HealthResponseSchema } from "../../matter-bridge/contract/api.js";
import { CAUTION_VERSION, cautionText } from "../../matter-bridge/contract/caution.js";
import { Ledger, type LedgerWriter, readLedger } from "../../matter-bridge/dose/ledger.js";
import { RED_FLAG_SLOT_FILE } from "../../matter-bridge/dose/red-flag-slot.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { type Clock, withSystemTimers } from "../../matter-bridge/support/clock.js";
import { makeConfig, session } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { fillableDisk } from "../helpers/full-disk.js";
import { call } from "../helpers/http.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

const TOKEN = "guard-test-token-0123456789abcdef";
const apis: Array<{ api: Api; controller: SessionController }> = [];
afterAll(async () => {
  for (const { api, controller } of apis) {
    await controller.shutdown();
    await api.close();
  }
});
/** Below the afterAll above (hooks run in order): a bridge's storage goes once it is closed. */
const tempDir = tempDirs("biolight-guard-");

/** `apiClock`: the API's clock (a stop's wait for an unresponsive panel runs on it). */
async function bridge(
  opts: { caution?: { version: number }; clock?: Clock; apiClock?: Clock; seedDir?: string; write?: LedgerWriter } = {},
) {
  const storage = opts.seedDir ?? (await tempDir());
  const ledger = await Ledger.open(storage, { ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.write ? { write: opts.write } : {}) });
  if (opts.caution) await ledger.acknowledgeCaution(opts.caution.version, "test");
  const driver = new FlakyDriver();
  const controller = new SessionController({
    config: makeConfig({ dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 } }),
    ledger,
    drivers: { "panel-1": driver },
    log: () => {},
    offRetryMs: 20,
    // A write that failed (the full-disk tests) is retried within milliseconds of the disk having room, not a second.
    ledgerRetryMs: 20,
  });
  await controller.recover();
  const api = await startApi({
    controller,
    token: TOKEN,
    host: "127.0.0.1",
    port: 0,
    log: () => {},
    stopTimeoutMs: 300,
    clock: opts.apiClock,
    authThrottle: new AuthThrottle(),
  });
  apis.push({ api, controller });
  const get = (path: string) => call(api.url, "GET", path, { token: TOKEN });
  const post = (path: string, body?: unknown) => call(api.url, "POST", path, { token: TOKEN, body });
  return { storage, ledger, driver, controller, url: api.url, get, post };
}

describe("the caution is versioned and can be withdrawn", () => {
  it("GET /v1/caution says what is acknowledged; only the current version opens the gate", async () => {
    const b = await bridge();
    const first = CautionStatusResponseSchema.parse((await b.get("/v1/caution")).body);
    expect(first).toMatchObject({ version: CAUTION_VERSION, text: cautionText(), acknowledged: false, acknowledgedAt: null });

    const wrong = await b.post("/v1/caution/acknowledge", { version: CAUTION_VERSION + 1 });
    expect([wrong.status, wrong.body.error.code, wrong.body.error.currentVersion]).toEqual([
      409,
      "CAUTION_VERSION_MISMATCH",
      CAUTION_VERSION,
    ]);
    expect(wrong.body.error.message).toContain(`version ${CAUTION_VERSION}`);
    expect(b.ledger.caution()).toBeNull();

    expect((await b.post("/v1/caution/acknowledge", { version: CAUTION_VERSION })).status).toBe(200);
    const acked = CautionStatusResponseSchema.parse((await b.get("/v1/caution")).body);
    expect(acked.acknowledged).toBe(true);
    expect(Date.parse(acked.acknowledgedAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("a stored acknowledgement of another caution version does not open the gate", async () => {
    const b = await bridge({ caution: { version: 1000 } }); // not the version this bridge asks for
    const refused = await b.post("/v1/sessions", { region: "mid-back", seconds: 30 });
    expect([refused.status, refused.body.error.code]).toEqual([409, "CAUTION_REQUIRED"]);
    expect(refused.body.error.message).toMatch(/caution has changed .*version 1000 was acknowledged, version 1 is current/);
    expect(b.driver.calls.filter((c) => c.action === "on")).toEqual([]);
    expect((await b.get("/v1/caution")).body).toMatchObject({ acknowledged: false, acknowledgedVersion: 1000 });
  });

  it("POST /v1/caution/withdraw closes the gate, switches off what runs, and only a new acknowledgement reopens it", async () => {
    const b = await bridge({ caution: { version: CAUTION_VERSION } });
    const started = await b.post("/v1/sessions", { region: "mid-back", seconds: 300 });
    expect(started.status).toBe(201);
    const withdrawn = await b.post("/v1/caution/withdraw", { reason: "numbness reported", source: "test" });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ acknowledged: false, stopped: [started.body.session.id] });
    expect(b.driver.on_).toBe(false);

    const refused = await b.post("/v1/sessions", { region: "neck-shoulders", seconds: 30 });
    expect([refused.status, refused.body.error.code]).toEqual([409, "CAUTION_REQUIRED"]);
    expect(refused.body.error.message).toMatch(/withdrawn \(numbness reported\)/);
    expect((await b.get("/v1/caution")).body).toMatchObject({ acknowledged: false, withdrawnReason: "numbness reported" });
    const file = await readLedger(b.storage);
    expect(file.caution).toMatchObject({ version: CAUTION_VERSION, withdrawnReason: "numbness reported", withdrawnSource: "test" });

    // Bad input changes nothing.
    expect((await b.post("/v1/caution/withdraw", { reason: 5 })).status).toBe(400);

    expect((await b.post("/v1/caution/acknowledge", { version: CAUTION_VERSION })).status).toBe(200);
    expect((await b.post("/v1/sessions", { region: "neck-shoulders", seconds: 30 })).status).toBe(201);
  });
});

describe("the caution withdrawal holds when things go wrong", () => {
  it("is recorded even before anyone acknowledged, so the red flag is not forgotten", async () => {
    const b = await bridge();
    const res = await b.post("/v1/caution/withdraw", { reason: "fever with back pain" });
    expect(res.status).toBe(200);
    expect(b.ledger.caution()).toMatchObject({ version: CAUTION_VERSION, withdrawnReason: "fever with back pain" });
    expect((await b.get("/v1/caution")).body).toMatchObject({
      acknowledged: false,
      acknowledgedVersion: null,
      withdrawnReason: "fever with back pain",
    });
  });

  it("answers once the gate is closed, not after a panel that does not answer is finally off", async () => {
    // The answer's wait for the panels (stopTimeoutMs) passes on a fake clock; the relay never answers, so only that wait can end it.
    const apiClock = new FakeClock(Date.now());
    const b = await bridge({ caution: { version: CAUTION_VERSION }, apiClock });
    expect((await b.post("/v1/sessions", { region: "mid-back", seconds: 300 })).status).toBe(201);
    b.driver.failOff = 1_000_000;
    const t0 = Date.now();
    const answer = b.post("/v1/caution/withdraw", {});
    await until(() => apiClock.pending > 0, "the answer to wait for the panel");
    apiClock.advance(300);
    const res = await answer;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(res.body).toMatchObject({ acknowledged: false, stopped: [], stillSwitchingOff: ["panel-1"] });
    expect((await b.post("/v1/sessions", { region: "neck-shoulders", seconds: 30 })).body.error.code).toMatch(
      /CAUTION_REQUIRED|PANEL_BUSY/,
    );
    expect((await b.get("/v1/panels")).body.panels[0]).toMatchObject({ on: true, state: "stopping" });
    b.driver.failOff = 0;
  });
});

describe("the caution withdrawal on a full disk", () => {
  it("closes the gate at once; kept in the red-flag slot it answers 200 (a restart would hold it), and reaches the ledger once the disk has room", async () => {
    const disk = fillableDisk(false);
    const b = await bridge({ caution: { version: CAUTION_VERSION }, write: disk.write });
    disk.full = true;
    const res = await b.post("/v1/caution/withdraw", { reason: "spasm in the face" });
    expect(res.status).toBe(200);
    expect((await b.post("/v1/sessions", { region: "mid-back", seconds: 30 })).status).not.toBe(201);
    // Not in the ledger yet, but what a restart would read holds it.
    expect((await readLedger(b.storage)).caution?.withdrawnAt).toBeUndefined();
    expect((await Ledger.open(b.storage, { suspended: new Error("only reading") })).unsavedRedFlags()).toMatchObject([
      { reason: "spasm in the face", source: "api" },
    ]);
    disk.full = false;
    await until(() => b.ledger.caution()?.withdrawnAt !== undefined, "the withdrawal to land once the disk has room", 5000, 10);
    expect((await readLedger(b.storage)).caution).toMatchObject({
      withdrawnReason: "spasm in the face",
    });
    expect((await b.post("/v1/sessions", { region: "mid-back", seconds: 30 })).body.error.code).toBe("CAUTION_REQUIRED");
  });

  it("without the red-flag slot either, closes the gate at once but says it is not saved yet (503)", async () => {
    const disk = fillableDisk(false);
    const b = await bridge({ caution: { version: CAUTION_VERSION }, write: disk.write });
    // The slot cannot be written or made (a folder in its place).
    await rm(join(b.storage, RED_FLAG_SLOT_FILE));
    await mkdir(join(b.storage, RED_FLAG_SLOT_FILE));
    disk.full = true;
    const res = await b.post("/v1/caution/withdraw", { reason: "spasm in the face" });
    expect([res.status, res.body.error.code]).toEqual([503, "LEDGER_UNAVAILABLE"]);
    expect(res.body.error.message).toMatch(/every session is refused.*not saved yet.*ENOSPC.*restart would forget it/is);
    expect((await b.post("/v1/sessions", { region: "mid-back", seconds: 30 })).status).not.toBe(201);
    disk.full = false;
    await until(() => b.ledger.caution()?.withdrawnAt !== undefined, "the withdrawal to land once the disk has room", 5000, 10);
    expect((await readLedger(b.storage)).caution).toMatchObject({ withdrawnReason: "spasm in the face" });
  });
});

describe("a clock step and /v1/dose", () => {
  it("nextAllowedAt is wall-clock time after a step that was taken out", async () => {
    let offset = 0;
    const clock = withSystemTimers({ now: () => Date.now() + offset, monotonic: () => performance.now() });
    const b = await bridge({ caution: { version: CAUTION_VERSION }, clock });
    expect((await b.post("/v1/sessions", { region: "mid-back", seconds: 60 })).status).toBe(201);
    expect((await b.post("/v1/panels/panel-1/stop")).status).toBe(200);
    offset = 2 * 24 * 3600 * 1000; // NTP steps the clock two days forward
    const dose = (await b.get("/v1/dose")).body;
    const next = Date.parse(dose.people[0].regions["mid-back"].nextAllowedAt);
    // This bridge has no rest interval: allowed now on the corrected clock, not two days ago.
    expect(Math.abs(next - (Date.now() + offset))).toBeLessThan(60_000);
  });
});

describe("a clock behind the ledger", () => {
  it("health says clock behind and every start is CLOCK_UNTRUSTED until it catches up", async () => {
    const storage = await tempDir();
    const future = Date.now() + 2 * 3600 * 1000;
    const seed = await Ledger.open(storage, () => future);
    await seed.acknowledgeCaution(CAUTION_VERSION, "test");
    await seed.begin(session("mid-back", future - 600_000, 60));

    let offset = 0;
    const clock = withSystemTimers({ now: () => Date.now() + offset, monotonic: () => performance.now() });
    const b = await bridge({ seedDir: storage, clock });
    const health = HealthResponseSchema.parse((await call(b.url, "GET", "/v1/health")).body);
    expect(health).toMatchObject({
      status: "ok",
      clock: "behind",
      cloud: "off",
      clockCheck: { ledgerNewestAt: new Date(future).toISOString() },
    });
    // What it waits for and how to give it: the owner's confirmation (this bridge asks no system).
    expect(health.clockCheck?.waitsFor).toMatch(
      /until the owner confirms the machine's time is right: on the dashboard, or .*--clock-is-right/,
    );
    const refused = await b.post("/v1/sessions", { region: "neck-shoulders", seconds: 30 });
    expect([refused.status, refused.body.error.code]).toEqual([409, "CLOCK_UNTRUSTED"]);
    expect(refused.body.error.message).toMatch(/clock is (1 h 59 min|2 h) behind/);
    expect(refused.body.error.message).toContain(health.clockCheck!.waitsFor.slice(-80));
    expect(refused.body.error.retryAfterSeconds).toBeGreaterThan(7000);

    offset = 2 * 3600 * 1000 + 1000; // NTP catches up
    expect((await call(b.url, "GET", "/v1/health")).body).toEqual({ status: "ok", clock: "ok", cloud: "off" });
    const started = await b.post("/v1/sessions", { region: "neck-shoulders", seconds: 30 });
    expect(started.body.error ?? started.status).toBe(201);
  });

  it("POST /v1/clock/confirm (the dashboard's): checked, with the token; refused when the clock went further back; then re-dates and starts resume", async () => {
    const storage = await tempDir();
    const future = Date.now() + 3 * 86_400_000; // the clock was three days ahead
    const seed = await Ledger.open(storage, () => future);
    await seed.acknowledgeCaution(CAUTION_VERSION, "test");
    await seed.record(session("mid-back", future - 600_000, 60));
    let offset = 0;
    const clock = withSystemTimers({ now: () => Date.now() + offset, monotonic: () => performance.now() });
    const b = await bridge({ seedDir: storage, clock });
    const check = HealthResponseSchema.parse((await call(b.url, "GET", "/v1/health")).body).clockCheck!;
    expect(check.behindSeconds).toBeGreaterThan(3 * 86_400 - 60);

    expect((await call(b.url, "POST", "/v1/clock/confirm", { body: { behindSeconds: check.behindSeconds } })).status).toBe(401);
    const bad = await b.post("/v1/clock/confirm", { behindSeconds: "a lot" });
    expect([bad.status, bad.body.error.code]).toEqual([400, "VALIDATION_ERROR"]);
    expect(bad.body.error.message).toMatch(/behindSeconds/);
    offset = -3_600_000; // the clock went back an hour after the page showed it
    const stale = await b.post("/v1/clock/confirm", { behindSeconds: check.behindSeconds });
    expect([stale.status, stale.body.error.code]).toEqual([409, "CLOCK_CONFIRMATION_STALE"]);
    expect(stale.body.error.message).toMatch(/Nothing was changed/);
    expect((await readLedger(storage)).clockCorrections).toBeUndefined();

    offset = 0;
    const confirmed = await b.post("/v1/clock/confirm", { behindSeconds: check.behindSeconds });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ clock: "ok", redated: 2, ledgerNewestAt: check.ledgerNewestAt });
    expect((await call(b.url, "GET", "/v1/health")).body).toEqual({ status: "ok", clock: "ok", cloud: "off" });
    expect((await readLedger(storage)).clockCorrections).toEqual([expect.objectContaining({ source: "owner: dashboard", redated: 2 })]);
    // The mid-back session now happened just now; another region starts.
    const started = await b.post("/v1/sessions", { region: "neck-shoulders", seconds: 30 });
    expect(started.body.error ?? started.status).toBe(201);
    const again = await b.post("/v1/clock/confirm", { behindSeconds: 0 });
    expect(again.body).toMatchObject({ clock: "ok", redated: 0 });
  });
});

describe("a stop always wins", () => {
  it("a stop during a slow switch-on answers 200 with the session; the panel is switched off as soon as the relay answers", async () => {
    const b = await bridge({ caution: { version: CAUTION_VERSION } });
    const release = b.driver.slowOn();
    const start = b.post("/v1/sessions", { region: "mid-back", seconds: 300 });
    // "starting" also covers a start still waiting for its grant: the relay must have been asked.
    await until(() => b.driver.onAsked > 0, "the relay to be asked to switch on");
    expect((await b.get("/v1/panels")).body.panels[0]).toMatchObject({ on: true, state: "starting" });
    const stop = b.post("/v1/panels/panel-1/stop");
    await until(() => b.controller.status()[0].state === "stopping", "the stop to reach the session");
    release();
    const [started, stopped] = await Promise.all([start, stop]);
    expect(started.status).toBe(201);
    expect(stopped.status).toBe(200);
    expect(stopped.body.session).toMatchObject({ id: started.body.session.id, endReason: "stopped" });
    expect(b.driver.calls.map((c) => c.action)).toEqual(["off", "on", "off"]);
    expect(b.driver.on_).toBe(false);
    expect((await b.get("/v1/panels")).body.panels[0]).toMatchObject({ on: false, state: "off" });
  });
});
