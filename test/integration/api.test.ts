/**
 * The control API over real HTTP, in-process, on the real session controller, ledger and simulated
 * panel driver, with second-scale dose limits.
 */
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { AuthThrottle } from "../../matter-bridge/api/auth.js";
import { type Api, startApi } from "../../matter-bridge/api/server.js";
import { loadOrCreateToken } from "../../matter-bridge/api/token.js";
import {
  DoseResponseSchema,
  FinishedSessionSchema,
  HistoryResponseSchema,
  PanelsResponseSchema,
  StartSessionResponseSchema,
} from "../../matter-bridge/contract/api.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { Ledger, LedgerCorruptError } from "../../matter-bridge/dose/ledger.js";
import type { LedgerSession } from "../../matter-bridge/dose/ledger-schema.js";
import { createDriver } from "../../matter-bridge/panels/index.js";
import type { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { DAY, HOUR, makeConfig, session } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { call } from "../helpers/http.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

const TOKEN = "test-token-0123456789abcdefghijklmnop";

/** Second-scale limits: whole scenarios in seconds. */
const FAST: Partial<BridgeConfigInput> = {
  dose: { minSessionSeconds: 1, maxSessionSeconds: 30, minRestSameRegionSeconds: 0 },
};

interface Harness {
  api: Api;
  url: string;
  controller: SessionController;
  ledger: Ledger;
  driver: SimulatedDriver;
  storage: string;
  logs: string[];
  panelState(): Promise<{ on: boolean; seconds?: number; actions: unknown }>;
  panelFile(): Promise<string>;
}

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    h.driver.setReachable(true);
    await h.controller.shutdown();
    await h.api.close();
  }
});

const tempDir = tempDirs("biolight-api-");

async function bridge(
  input: Partial<BridgeConfigInput> = FAST,
  opts: {
    acknowledged?: boolean;
    seed?: LedgerSession[];
    extra?: Parameters<typeof startApi>[0]["extraRoutes"];
    static?: Parameters<typeof startApi>[0]["static"];
    /** The bridge's time (ledger, session deadlines, the API's wait for a stop): a test moves it. */
    clock?: FakeClock;
    /** Only the API's (its wait for a stop that the panel does not answer). */
    apiClock?: FakeClock;
  } = {},
): Promise<Harness> {
  const storage = await tempDir();
  const config = makeConfig({ ...FAST, ...input, dose: { ...FAST.dose, ...input.dose } });
  const ledger = await Ledger.open(storage, opts.clock ? { clock: opts.clock } : {});
  for (const s of opts.seed ?? []) await ledger.begin(s);
  if (opts.acknowledged ?? true) await ledger.acknowledgeCaution(CAUTION_VERSION, "test");
  const logs: string[] = [];
  const log = (m: string) => void logs.push(m);
  const driver = (await createDriver(config.panels[0], { storageDir: storage, log })) as SimulatedDriver;
  const controller = new SessionController({
    config,
    ledger,
    drivers: { [config.panels[0].id]: driver },
    log,
    offRetryMs: 20,
    clock: opts.clock,
  });
  await controller.recover();
  // This file sends dozens of wrong tokens on purpose; the throttle has its own tests (api-throttle).
  const authThrottle = new AuthThrottle({ maxFailures: 1000 });
  const api = await startApi({
    controller,
    token: TOKEN,
    host: "127.0.0.1",
    port: 0,
    log,
    stopTimeoutMs: 500,
    clock: opts.apiClock ?? opts.clock,
    extraRoutes: opts.extra,
    static: opts.static,
    authThrottle,
  });
  const panelFile = () => readFile(join(storage, "panels", `${config.panels[0].id}.json`), "utf8");
  const h: Harness = {
    api,
    url: api.url,
    controller,
    ledger,
    driver,
    storage,
    logs,
    panelFile,
    panelState: async () => JSON.parse(await panelFile()),
  };
  harnesses.push(h);
  return h;
}

/** A closed session that ended `endedAgoMs` ago. */
const past = (region: LedgerSession["region"], endedAgoMs: number, seconds: number) =>
  session(region, Date.now() - endedAgoMs - seconds * 1000, seconds);

/** `token: null` sends no Authorization header. */
const get = (h: Harness, path: string, token: string | null = TOKEN) => call(h.url, "GET", path, { token: token ?? undefined });
const post = (h: Harness, path: string, body?: unknown) => call(h.url, "POST", path, { token: TOKEN, body });

async function expectRefusal(h: Harness, body: object, status: number, code: string, waits: boolean) {
  const res = await post(h, "/v1/sessions", body);
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe("string");
  if (waits) {
    expect(res.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.headers["retry-after"]).toBe(String(Math.ceil(res.body.error.retryAfterSeconds)));
    expect(Date.parse(res.body.error.nextAllowedAt)).toBeGreaterThan(Date.now());
  } else {
    expect(res.body.error.retryAfterSeconds).toBeUndefined();
    expect(res.headers["retry-after"]).toBeUndefined();
  }
  expect((await h.panelState()).on).toBe(false);
  return res.body.error as { retryAfterSeconds?: number; message: string };
}

describe("control API: routes", () => {
  it("answers health without a token", async () => {
    const h = await bridge();
    const res = await get(h, "/v1/health", null);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", clock: "ok", cloud: "off" });
  });

  it("lists panels with their state", async () => {
    const h = await bridge();
    const res = await get(h, "/v1/panels");
    expect(res.status).toBe(200);
    const { panels } = PanelsResponseSchema.parse(res.body);
    expect(panels).toEqual([
      expect.objectContaining({ id: "panel-1", name: "Panel", on: false, region: "low-back-hips", remainingSeconds: 0, reachable: true }),
    ]);
  });

  it("starts a session, refuses a second one on the busy panel, stops early and records what was delivered", async () => {
    const clock = new FakeClock(Date.now());
    const h = await bridge(FAST, { clock });
    const started = await post(h, "/v1/sessions", { region: "neck-shoulders", seconds: 20 });
    expect(started.status).toBe(201);
    const { session: s, adjustments } = StartSessionResponseSchema.parse(started.body);
    expect(s).toMatchObject({ panelId: "panel-1", region: "neck-shoulders", seconds: 20, fluenceJPerCm2: 0.48 });
    expect(Date.parse(s.endsAt) - Date.parse(s.startedAt)).toBe(20_000);
    expect(adjustments).toEqual([]);
    expect(await h.panelState()).toMatchObject({ on: true });

    const panels = (await get(h, "/v1/panels")).body.panels;
    expect(panels[0]).toMatchObject({ on: true, region: "neck-shoulders", reachable: true });
    expect(panels[0].remainingSeconds).toBeGreaterThan(15);

    const busy = await expectRefusalWhileOn(h, { region: "mid-back" });
    expect(busy.retryAfterSeconds).toBeGreaterThan(15);

    clock.advance(1200);
    const stopped = await post(h, "/v1/panels/panel-1/stop");
    expect(stopped.status).toBe(200);
    const fin = FinishedSessionSchema.parse(stopped.body.session);
    expect(fin.id).toBe(s.id);
    expect(fin.deliveredSeconds).toBeGreaterThanOrEqual(1.1);
    expect(fin.deliveredSeconds).toBeLessThan(3);
    expect(fin.deliveredSeconds).toBeLessThan(fin.seconds);
    expect(fin.endReason).toBe("stopped");
    expect((await h.panelState()).on).toBe(false);
    // Start-up recovery's off, the session's on with its granted time, the stop's off: nothing else.
    expect(h.driver.actions.map((a) => [a.action, a.seconds])).toEqual([
      ["off", undefined],
      ["on", 20],
      ["off", undefined],
    ]);

    const again = await post(h, "/v1/panels/panel-1/stop", {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("NO_SESSION");

    const history = HistoryResponseSchema.parse((await get(h, "/v1/history?days=1")).body);
    expect(history.people[0].sessions).toHaveLength(1);
    expect(history.people[0].sessions[0]).toMatchObject({ id: s.id, deliveredSeconds: fin.deliveredSeconds });
    expect(history.people[0].sessions[0].deliveredFluenceJPerCm2).toBeCloseTo(fin.deliveredSeconds * 0.024, 3);

    const dose = DoseResponseSchema.parse((await get(h, "/v1/dose")).body);
    expect(dose.panels[0].onSeconds24h).toBeCloseTo(fin.deliveredSeconds, 3);
    expect(dose.panels[0].remainingOnSeconds24h).toBeCloseTo(2700 - fin.deliveredSeconds, 3);
    expect(dose.people[0].regions["neck-shoulders"].usedFluenceJPerCm2).toBeCloseTo(fin.deliveredSeconds * 0.024, 3);
    expect(dose.people[0].regions["neck-shoulders"]).toMatchObject({ sessions24h: 1, sessions7d: 1 });
    expect(dose.people[0].regions["mid-back"]).toMatchObject({ usedFluenceJPerCm2: 0, sessions24h: 0 });
    expect(dose.cautionAcknowledged).toBe(true);
  });

  it("lets a session run to its end and switch the panel off by itself", async () => {
    const clock = new FakeClock(Date.now());
    const h = await bridge(FAST, { clock });
    expect((await post(h, "/v1/sessions", { region: "mid-back", seconds: 1 })).status).toBe(201);
    clock.advance(999);
    expect(h.controller.isOn("panel-1")).toBe(true);
    clock.advance(1);
    // Its deadline fired: the switch-off, then the session's end in the ledger.
    await until(() => h.ledger.openSessions().length === 0, "the session to close at its end");
    expect((await h.panelState()).on).toBe(false);
    const [done] = (await get(h, "/v1/history?days=1")).body.people[0].sessions;
    expect(done).toMatchObject({ region: "mid-back", seconds: 1, deliveredSeconds: 1, endReason: "completed" });
  });

  it("refuses to stop an unknown panel and an idle one", async () => {
    const h = await bridge();
    const unknown = await post(h, "/v1/panels/nope/stop");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("UNKNOWN_PANEL");
    const idle = await post(h, "/v1/panels/panel-1/stop");
    expect(idle.status).toBe(409);
    expect(idle.body.error.code).toBe("NO_SESSION");
    expect((await post(h, "/v1/panels/panel-1/stop", { force: true })).body.error.code).toBe("VALIDATION_ERROR");
  });

  it("refuses a start on an unknown panel with 404", async () => {
    const h = await bridge();
    const res = await post(h, "/v1/sessions", { region: "mid-back", panelId: "garage" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("UNKNOWN_PANEL");
  });

  it("reports history for N days and validates N", async () => {
    const h = await bridge(FAST, { seed: [past("mid-back", 2 * DAY, 10), past("mid-back", 2 * HOUR, 10)] });
    expect((await get(h, "/v1/history?days=1")).body.people[0].sessions).toHaveLength(1);
    expect((await get(h, "/v1/history?days=3")).body.people[0].sessions).toHaveLength(2);
    expect((await get(h, "/v1/history")).body.people[0].sessions).toHaveLength(2);
    for (const bad of ["days=0", "days=abc", "days=1.5", "days=400", "days=", "days=2&color=red"]) {
      const res = await get(h, `/v1/history?${bad}`);
      expect({ bad, status: res.status, code: res.body.error.code }).toEqual({ bad, status: 400, code: "VALIDATION_ERROR" });
      expect(res.body.error.message).toMatch(bad.includes("color") ? /color/ : /days/);
    }
  });

  it("reports nextAllowedAt as null when no wait helps", async () => {
    // Even the shortest session is above the per-session fluence cap: waiting never helps.
    const h = await bridge({ dose: { maxSessionFluenceJPerCm2: 0.001 } });
    const dose = (await get(h, "/v1/dose")).body;
    expect(dose.people[0].regions["low-back-hips"].nextAllowedAt).toBeNull();
    const fresh = await bridge();
    const now = Date.parse((await get(fresh, "/v1/dose")).body.people[0].regions["low-back-hips"].nextAllowedAt);
    expect(Math.abs(now - Date.now())).toBeLessThan(5000);
  });

  it("answers unknown routes with 404 and wrong methods with 405", async () => {
    const h = await bridge();
    const missing = await get(h, "/v1/nothing");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    expect((await get(h, "/elsewhere")).status).toBe(404);
    const wrong = await get(h, "/v1/sessions");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
    expect((await call(h.url, "DELETE", "/v1/panels", { token: TOKEN })).status).toBe(405);
  });
});

/** PANEL_BUSY while a session runs; the panel stays on. */
async function expectRefusalWhileOn(h: Harness, body: object) {
  const res = await post(h, "/v1/sessions", body);
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe("PANEL_BUSY");
  expect(res.headers["retry-after"]).toBe(String(res.body.error.retryAfterSeconds));
  expect((await h.panelState()).on).toBe(true);
  return res.body.error;
}

describe("control API: authentication", () => {
  it("refuses a missing, wrong or malformed token with 401 and changes nothing", async () => {
    const h = await bridge(FAST, { acknowledged: false });
    const before = await h.panelFile();
    const attempts: Array<Record<string, string>> = [
      {},
      { Authorization: "Bearer wrong" },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { Authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString("base64")}` },
      { Authorization: TOKEN },
      { Authorization: "Bearer " },
    ];
    for (const headers of attempts) {
      for (const [method, path, body] of [
        ["GET", "/v1/panels"],
        ["GET", "/v1/dose"],
        ["GET", "/v1/history?days=1"],
        ["POST", "/v1/caution/acknowledge", { version: CAUTION_VERSION }],
        ["POST", "/v1/sessions", { region: "mid-back" }],
        ["POST", "/v1/panels/panel-1/stop"],
      ] as const) {
        const res = await call(h.url, method, path, { headers, body });
        expect({ path, headers, status: res.status, code: res.body?.error?.code }).toEqual({
          path,
          headers,
          status: 401,
          code: "UNAUTHORIZED",
        });
        expect(res.headers["www-authenticate"]).toMatch(/^Bearer realm="biolight"/);
      }
    }
    expect(h.ledger.sessions()).toEqual([]);
    expect(h.ledger.caution()).toBeNull();
    expect(await h.panelFile()).toBe(before);
  });

  it("accepts the scheme in any case", async () => {
    const h = await bridge();
    expect((await call(h.url, "GET", "/v1/panels", { headers: { Authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });
});

describe("control API: bad bodies change nothing", () => {
  const bad: Array<{ name: string; send: Parameters<typeof call>[3]; status: number; code: string; field?: RegExp }> = [
    {
      name: "unknown region",
      send: { body: { region: "elbow" } },
      status: 400,
      code: "VALIDATION_ERROR",
      field: /region: must be one of: neck-shoulders, mid-back, low-back-hips/,
    },
    {
      name: "seconds as words",
      send: { body: { region: "mid-back", seconds: "ten" } },
      status: 400,
      code: "VALIDATION_ERROR",
      field: /seconds:/,
    },
    {
      name: "negative seconds",
      send: { body: { region: "mid-back", seconds: -5 } },
      status: 400,
      code: "VALIDATION_ERROR",
      field: /seconds:/,
    },
    {
      name: "fractional seconds",
      send: { body: { region: "mid-back", seconds: 1.5 } },
      status: 400,
      code: "VALIDATION_ERROR",
      field: /seconds: must be whole seconds/,
    },
    {
      name: "an extra key",
      send: { body: { region: "mid-back", color: "red" } },
      status: 400,
      code: "VALIDATION_ERROR",
      field: /color: unknown key \(allowed: region, seconds, distanceCm, panelId, person\)/,
    },
    { name: "a missing region", send: { body: { seconds: 60 } }, status: 400, code: "VALIDATION_ERROR", field: /region:/ },
    { name: "an array", send: { body: [] }, status: 400, code: "VALIDATION_ERROR", field: /\(body\)|top level/ },
    {
      name: "invalid JSON",
      send: { body: '{"region": "mid-back",', headers: { "Content-Type": "application/json" } },
      status: 400,
      code: "INVALID_JSON",
    },
    { name: "an empty body", send: { body: "", headers: { "Content-Type": "application/json" } }, status: 400, code: "INVALID_JSON" },
    {
      name: "a text body",
      send: { body: "region=mid-back", headers: { "Content-Type": "text/plain" } },
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    },
    {
      name: "form encoding",
      send: { body: "region=mid-back", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
    },
    { name: "no content type", send: { body: '{"region":"mid-back"}' }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
    { name: "a body over 16 KiB", send: { body: { region: "mid-back", pad: "x".repeat(17 * 1024) } }, status: 413, code: "BODY_TOO_LARGE" },
    {
      name: "a chunked body over 16 KiB",
      send: { body: { region: "mid-back", pad: "x".repeat(40 * 1024) }, chunked: true },
      status: 413,
      code: "BODY_TOO_LARGE",
    },
  ];

  it.each(bad)("POST /v1/sessions with $name → $status $code", async ({ send, status, code, field }) => {
    const h = await bridge();
    const before = await h.panelFile();
    const res = await call(h.url, "POST", "/v1/sessions", { token: TOKEN, ...send });
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    if (field) expect(res.body.error.message).toMatch(field);
    if (code === "VALIDATION_ERROR") expect(res.body.error.issues.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
    expect(h.ledger.sessions()).toEqual([]);
    expect(await h.panelFile()).toBe(before);
    expect((await get(h, "/v1/health", null)).status).toBe(200);
  });

  it("names every bad field at once with structured issues", async () => {
    const h = await bridge();
    const res = await post(h, "/v1/sessions", { region: "elbow", seconds: "ten", distanceCm: -1, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(["distanceCm", "extra", "region", "seconds"]);
    for (const f of ["region", "seconds", "distanceCm", "extra"]) expect(res.body.error.message).toContain(`${f}:`);
  });

  it("validates the caution acknowledgement and records nothing on bad input", async () => {
    const h = await bridge(FAST, { acknowledged: false });
    for (const body of [{}, { version: 0 }, { version: "1" }, { version: 1, by: "me" }]) {
      const res = await post(h, "/v1/caution/acknowledge", body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({ body, status: 400, code: "VALIDATION_ERROR" });
      expect(res.body.error.message).toMatch(/version|by/);
    }
    expect(h.ledger.caution()).toBeNull();
  });
});

describe("control API: refusals", () => {
  it("CAUTION_REQUIRED until the household acknowledges, then the session starts", async () => {
    const h = await bridge(FAST, { acknowledged: false });
    await expectRefusal(h, { region: "mid-back", seconds: 5 }, 409, "CAUTION_REQUIRED", false);
    expect((await get(h, "/v1/dose")).body.cautionAcknowledged).toBe(false);
    const ack = await post(h, "/v1/caution/acknowledge", { version: CAUTION_VERSION });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ acknowledged: true, version: CAUTION_VERSION });
    expect(Math.abs(Date.parse(ack.body.acknowledgedAt) - Date.now())).toBeLessThan(5000);
    expect(h.ledger.caution()).toMatchObject({ version: CAUTION_VERSION, source: "api" });
    expect((await post(h, "/v1/sessions", { region: "mid-back", seconds: 5 })).status).toBe(201);
  });

  it("REST_INTERVAL with the time left before the region may run again", async () => {
    const h = await bridge({ dose: { minRestSameRegionSeconds: 60 } }, { seed: [past("mid-back", 5000, 10)] });
    const r = await expectRefusal(h, { region: "mid-back" }, 409, "REST_INTERVAL", true);
    expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(54);
    expect(r.retryAfterSeconds).toBeLessThanOrEqual(56);
    const next = Date.parse((await get(h, "/v1/dose")).body.people[0].regions["mid-back"].nextAllowedAt);
    expect(Math.abs(next - (Date.now() + 55_000))).toBeLessThan(3000);
    expect((await post(h, "/v1/sessions", { region: "neck-shoulders", seconds: 2 })).status).toBe(201);
  });

  it("shortens to the region's fluence left, then REGION_LIMIT once it is used up", async () => {
    // 24 mW/cm² at 30 cm: 90 s used 2.16 of 2.4 J/cm², leaving 10 s.
    const h = await bridge({ dose: { maxRegionFluencePer24hJPerCm2: 2.4 } }, { seed: [past("low-back-hips", HOUR, 90)] });
    const res = await post(h, "/v1/sessions", { region: "low-back-hips", seconds: 30 });
    expect(res.status).toBe(201);
    expect(res.body.session.seconds).toBe(10);
    expect(res.body.adjustments).toEqual([{ reason: "REGION_FLUENCE_24H", requested: 30, granted: 10 }]);
    await post(h, "/v1/panels/panel-1/stop");
    const full = await bridge({ dose: { maxRegionFluencePer24hJPerCm2: 2.4 } }, { seed: [past("low-back-hips", HOUR, 100)] });
    const r = await expectRefusal(full, { region: "low-back-hips" }, 409, "REGION_LIMIT", true);
    expect(r.retryAfterSeconds).toBeGreaterThan(DAY / 1000 - HOUR / 1000 - 200);
  });

  it("DAILY_ON_TIME once the panel's on-time is used up", async () => {
    const h = await bridge({ dose: { maxOnSecondsPer24h: 100 } }, { seed: [past("neck-shoulders", HOUR, 100)] });
    const r = await expectRefusal(h, { region: "low-back-hips" }, 409, "DAILY_ON_TIME", true);
    expect(r.retryAfterSeconds).toBeGreaterThan(22 * 3600);
  });

  it("WEEKLY_LIMIT after the most sessions allowed in 7 days", async () => {
    const h = await bridge(
      { dose: { maxSessionsPerRegionPer7d: 2 } },
      { seed: [past("mid-back", 3 * DAY, 10), past("mid-back", 2 * DAY, 10)] },
    );
    const r = await expectRefusal(h, { region: "mid-back" }, 409, "WEEKLY_LIMIT", true);
    expect(r.retryAfterSeconds! / 86400).toBeCloseTo(4, 1);
  });

  it("TOO_CLOSE when the irradiance at the distance is above the limit (no wait helps)", async () => {
    const h = await bridge();
    await expectRefusal(h, { region: "mid-back", distanceCm: 5 }, 409, "TOO_CLOSE", false);
  });

  it("TOO_SHORT below the shortest useful session", async () => {
    const h = await bridge({ dose: { minSessionSeconds: 5 } });
    await expectRefusal(h, { region: "mid-back", seconds: 2 }, 409, "TOO_SHORT", false);
  });

  it("PANEL_UNREACHABLE (503) when the panel does not answer", async () => {
    const h = await bridge();
    h.driver.setReachable(false);
    const res = await post(h, "/v1/sessions", { region: "mid-back", seconds: 5 });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("PANEL_UNREACHABLE");
    // Shown as on (stopping) while the switch-off is retried: the relay may have switched on anyway.
    expect((await get(h, "/v1/panels")).body.panels[0]).toMatchObject({ on: true, state: "stopping", reachable: false });
    // The attempt stays open (counted in full) until a switch-off gets through.
    h.driver.setReachable(true);
    await until(() => h.ledger.openSessions().length === 0, "the retried switch-off to close the session", 1000, 20);
    expect(h.ledger.openSessions()).toEqual([]);
    expect((await h.panelState()).on).toBe(false);
  });

  it("a stop the panel does not answer is a 503 after a while; the switch-off keeps being retried", async () => {
    // The API's wait (stopTimeoutMs) passes on a fake clock; the switch-off retries run in real time.
    const apiClock = new FakeClock(Date.now());
    const h = await bridge(FAST, { apiClock });
    expect((await post(h, "/v1/sessions", { region: "mid-back", seconds: 20 })).status).toBe(201);
    h.driver.setReachable(false);
    const answer = post(h, "/v1/panels/panel-1/stop");
    await until(() => apiClock.pending > 0, "the stop's answer to wait for the panel");
    apiClock.advance(500);
    const res = await answer;
    expect([res.status, res.body.error.code]).toEqual([503, "PANEL_UNREACHABLE"]);
    expect(h.ledger.openSessions()).toHaveLength(1);
    h.driver.setReachable(true);
    await until(() => h.ledger.openSessions().length === 0, "the retried switch-off to close the session", 2000, 20);
    expect(h.ledger.openSessions()).toEqual([]);
    expect((await h.panelState()).on).toBe(false);
    expect(h.ledger.sessions()[0].endReason).toBe("stopped");
  });

  it("LEDGER_UNAVAILABLE (503) for every start, dose and acknowledgement when the ledger cannot be read", async () => {
    const storage = await tempDir();
    const config = makeConfig(FAST);
    const driver = (await createDriver(config.panels[0], { storageDir: storage })) as SimulatedDriver;
    const controller = new SessionController({
      config,
      ledger: new LedgerCorruptError(join(storage, "ledger.json"), "not valid JSON"),
      drivers: { "panel-1": driver },
      log: () => {},
    });
    const api = await startApi({ controller, token: TOKEN, host: "127.0.0.1", port: 0, log: () => {} });
    try {
      const start = await call(api.url, "POST", "/v1/sessions", { token: TOKEN, body: { region: "mid-back" } });
      expect({ status: start.status, code: start.body.error.code }).toEqual({ status: 503, code: "LEDGER_UNAVAILABLE" });
      expect(start.body.error.message).toMatch(/ledger/);
      expect((await call(api.url, "GET", "/v1/dose", { token: TOKEN })).status).toBe(503);
      expect((await call(api.url, "POST", "/v1/caution/acknowledge", { token: TOKEN, body: { version: 1 } })).status).toBe(503);
      expect((await call(api.url, "GET", "/v1/health")).status).toBe(200);
      expect((await driver.status()).on).toBe(false);
    } finally {
      await controller.shutdown();
      await api.close();
    }
  });
});

describe("control API: hooks and failures", () => {
  it("mounts extra routes behind the token and a static handler outside /v1; a crash is a 500 without details", async () => {
    const h = await bridge(FAST, {
      extra: [
        { method: "GET", path: "/v1/pairing", handle: () => ({ status: 200, body: { manualPairingCode: "1234-567-8901" } }) },
        {
          method: "GET",
          path: "/v1/boom",
          handle: () => {
            throw new Error("secret internals");
          },
        },
      ],
      static: (req, res) => {
        if (req.url !== "/") return false;
        res.writeHead(200, { "Content-Type": "text/plain" }).end("dashboard");
        return true;
      },
    });
    expect((await get(h, "/v1/pairing", null)).status).toBe(401);
    expect((await get(h, "/v1/pairing")).body).toEqual({ manualPairingCode: "1234-567-8901" });
    const page = await get(h, "/", null);
    expect([page.status, page.text]).toEqual([200, "dashboard"]);
    expect((await get(h, "/other", null)).status).toBe(404);
    const boom = await get(h, "/v1/boom");
    expect(boom.status).toBe(500);
    expect(boom.body.error.code).toBe("INTERNAL");
    expect(boom.text).not.toContain("secret internals");
    expect(h.logs.join("\n")).toContain("secret internals");
  });
});

describe("API token", () => {
  it("prefers BRIDGE_API_TOKEN and writes nothing then", async () => {
    const dir = await tempDir();
    const t = await loadOrCreateToken(dir, { BRIDGE_API_TOKEN: "from-env-token-0123456789abcdef" });
    expect(t).toEqual({ token: "from-env-token-0123456789abcdef", source: "env", path: join(dir, "api-token") });
    await expect(stat(t.path)).rejects.toThrow();
  });

  it("generates 32 random bytes once, mode 0600, and keeps them", async () => {
    const dir = join(await tempDir(), "fresh");
    const first = await loadOrCreateToken(dir, {});
    expect(first.source).toBe("file");
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(first.path)).mode & 0o777).toBe(0o600);
    expect((await readFile(first.path, "utf8")).trim()).toBe(first.token);
    expect(await loadOrCreateToken(dir, {})).toEqual(first);
    expect((await loadOrCreateToken(await tempDir(), {})).token).not.toBe(first.token);
  });

  it("replaces an empty token file", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "api-token"), "\n", { mode: 0o600 });
    expect((await loadOrCreateToken(dir, {})).token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
