/**
 * A screen where there is one: on a request envelope that declares Alexa.Presentation.APL the
 * skill adds a RenderDocument directive whose data come from the real bridge (its session's planned
 * end, its /v1/dose per region, its refusal's wait); without APL there is no directive and the
 * speech is exactly the same.
 */
import { describe, expect, it } from "@jest/globals";
import type { ResponseEnvelope } from "ask-sdk-model";
import { BridgeClient } from "../../lambda/bridge-api/client.js";
import type { ScreenData } from "../../lambda/screen/datasources.js";
import { FilePersistenceAdapter } from "../../lambda/user-data/persistence/file.js";
import { CAUTION_VERSION, type DoseResponse, type PanelStatus, REGIONS } from "../../matter-bridge/contract/index.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { type EnvelopeOptions, intentRequest, invoke, launchRequest } from "../helpers/envelopes.js";
import { useFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { call } from "../helpers/http.js";
import { testSkill } from "../helpers/voice.js";

const fake = useFakeAlexaApi();
const { cleanups } = fake;
const USER = "amzn1.ask.account.SCREEN";
const RENDER = "Alexa.Presentation.APL.RenderDocument";

/** A real bridge and the skill, for a user who already answered the caution; `fetch` may stand between them. */
async function setup(opts: { fetch?: typeof fetch } = {}) {
  const bridge: ControlBridge = await startControlBridge({ acknowledged: true });
  cleanups.push(() => bridge.close());
  const client = new BridgeClient({ url: bridge.url, token: bridge.token, fetch: opts.fetch });
  const { skill, dataDir } = await testSkill(bridge.url, bridge.token, { bridge: client });
  await new FilePersistenceAdapter(dataDir).saveAttributes(launchRequest({ userId: USER }), {
    caution: { version: CAUTION_VERSION, acknowledgedAt: Date.now() },
  });
  const env: EnvelopeOptions = { userId: USER, apiEndpoint: fake.api().url };
  const get = async <T>(path: string): Promise<T> => {
    const answer = await call(bridge.url, "GET", path, { token: bridge.token });
    expect(answer.status).toBe(200);
    return answer.body as T;
  };
  return { bridge, skill, env, get };
}

const renders = (reply: ResponseEnvelope) => (reply.response.directives ?? []).filter((d) => d.type === RENDER);
/** The reply's other directives (e.g. asking for the Timers permission), by type: the same with or without a screen. */
const others = (reply: ResponseEnvelope) => (reply.response.directives ?? []).filter((d) => d.type !== RENDER).map((d) => d.type);

/** The one RenderDocument directive of a reply, and its data source. */
function screenOf(reply: ResponseEnvelope) {
  const found = renders(reply);
  expect(found).toHaveLength(1);
  const directive = found[0] as {
    token?: string;
    document?: { type?: string; version?: string; mainTemplate?: { parameters?: string[] } };
  };
  expect(directive.token).toEqual(expect.any(String));
  expect(directive.token!.length).toBeGreaterThan(0);
  expect(directive.document?.type).toBe("APL");
  const datasources = (found[0] as { datasources?: Record<string, unknown> }).datasources ?? {};
  const names = directive.document?.mainTemplate?.parameters ?? [];
  expect(names).toHaveLength(1);
  return datasources[names[0]] as ScreenData;
}

/** Each region's used/cap on the screen is the bridge's /v1/dose (to the tenth shown). */
function expectDoseFromBridge(data: ScreenData, dose: DoseResponse) {
  expect(data.doseShown).toBe(true);
  const [{ regions }] = dose.people; // one person at home (no people in the bridge's config)
  expect(data.regions.map((r) => r.id).sort()).toEqual(Object.keys(regions).sort());
  for (const r of data.regions) {
    const d = regions[r.id];
    expect(r.colour).toBe(REGIONS[r.id].colour);
    expect(r.name).toBe(REGIONS[r.id].displayName);
    expect(r.usedJPerCm2).toBeCloseTo(d.usedFluenceJPerCm2, 1);
    expect(r.capJPerCm2).toBeCloseTo(d.capFluenceJPerCm2 ?? d.usedFluenceJPerCm2 + d.remainingFluenceJPerCm2, 1);
  }
}

/**
 * Every `${…}` of the document uses only APL's own names (utcTime, localTime, Math, Time), the
 * item of a data-bound list (`data`) and the data source; each data source path it names exists.
 */
function expectBindingsResolve(document: string, data: ScreenData) {
  const expressions = [...document.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1].replace(/'[^']*'/g, "''"));
  expect(expressions.length).toBeGreaterThan(10);
  const itemKeys = new Set([...Object.keys(data.sessions[0] ?? {}), ...Object.keys(data.regions[0] ?? {})]);
  for (const expr of expressions) {
    for (const [path] of expr.matchAll(/[A-Za-z_][\w.]*/g)) {
      const [root, ...rest] = path.split(".");
      if (["utcTime", "localTime", "null"].includes(root) || ["Math", "Time"].includes(root)) continue;
      if (root === "data") {
        expect(itemKeys).toContain(rest[0]);
        continue;
      }
      expect(root).toBe("bioLight");
      let at: unknown = data;
      for (const key of rest) {
        if (at === null) break; // e.g. no refusal: its part of the document is not shown (`when`)
        expect(at).toEqual(expect.any(Object));
        expect(Object.keys(at as object)).toContain(key);
        at = (at as Record<string, unknown>)[key];
      }
    }
  }
}

const start = (region: string, env: EnvelopeOptions) =>
  intentRequest("StartSessionIntent", { region: { value: region, id: region }, duration: { value: "PT8M" } }, env);

describe("a granted start", () => {
  it("with APL: the region, its colour, the planned end of the bridge's session and each region's dose", async () => {
    const { skill, env, get } = await setup();
    const r = await invoke(skill, start("mid-back", { ...env, apl: true }));
    expect(r.text).toContain("Starting your mid back session for 8 minutes.");
    const data = screenOf(r.reply);
    expect(data.view).toBe("session");

    const { panels } = await get<{ panels: PanelStatus[] }>("/v1/panels");
    const running = panels.find((p) => p.on)!;
    expect(running.session).toBeTruthy();
    expect(data.sessions).toHaveLength(1);
    const [shown] = data.sessions;
    expect(shown).toMatchObject({
      id: "mid-back",
      name: REGIONS["mid-back"].displayName,
      colour: REGIONS["mid-back"].colour,
      endsAt: running.session!.endsAt,
      endsAtMs: Date.parse(running.session!.endsAt),
      seconds: 480,
    });
    expect(data.refusal).toBeNull();
    expectDoseFromBridge(data, await get<DoseResponse>("/v1/dose"));
    expect(data.regions.find((x) => x.id === "mid-back")!.usedJPerCm2).toBeGreaterThan(0);

    // The document counts down on the device's clock, and binds only what the data source has.
    const document = JSON.stringify((renders(r.reply)[0] as { document: unknown }).document);
    expect(document).toContain("utcTime");
    expectBindingsResolve(document, data);
  });

  it("without APL: no directive, and the speech is the APL reply's speech word for word", async () => {
    const withScreen = await setup();
    const shown = await invoke(withScreen.skill, start("neck-shoulders", { ...withScreen.env, apl: true }));
    expect(renders(shown.reply)).toHaveLength(1);

    const without = await setup();
    const plain = await invoke(without.skill, start("neck-shoulders", without.env));
    expect(renders(plain.reply)).toEqual([]);
    expect(others(plain.reply)).toEqual(others(shown.reply));
    expect(plain.reply.response.outputSpeech).toEqual(shown.reply.response.outputSpeech);
    expect(plain.ended).toBe(shown.ended);
    expect((await without.bridge.panel()).on).toBe(true);
  });

  it("a bridge whose /v1/dose does not answer: the session is shown without the dose", async () => {
    const failingDose: typeof fetch = (input, init) =>
      new URL(String(input)).pathname === "/v1/dose" ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init);
    const { skill, env, get } = await setup({ fetch: failingDose });
    const r = await invoke(skill, start("low-back-hips", { ...env, apl: true }));
    expect(r.text).toContain("Starting your low back and hips session");
    const data = screenOf(r.reply);
    const { panels } = await get<{ panels: PanelStatus[] }>("/v1/panels");
    expect(data.sessions[0]).toMatchObject({ id: "low-back-hips", colour: REGIONS["low-back-hips"].colour });
    expect(data.sessions[0].endsAt).toBe(panels.find((p) => p.on)!.session!.endsAt);
    expect(data.doseShown).toBe(false);
    expect(data.regions).toEqual([]);
  });
});

describe("a refusal", () => {
  /** A session, stopped: the same region must now rest (the bridge's default rest interval). */
  async function restingRegion(s: Awaited<ReturnType<typeof setup>>) {
    await invoke(s.skill, start("mid-back", s.env));
    const stop = await invoke(s.skill, intentRequest("StopSessionIntent", {}, s.env));
    expect(stop.text).toContain("Stopped.");
    expect((await s.bridge.panel()).on).toBe(false);
  }

  it("with APL: when the next session is possible, as the bridge's dose says", async () => {
    const s = await setup();
    await restingRegion(s);
    const before = Date.now();
    const r = await invoke(s.skill, start("mid-back", { ...s.env, apl: true }));
    expect(r.text).toMatch(/needs a rest between sessions\. The next session is possible in about \d+ hours?\./);
    const data = screenOf(r.reply);
    expect(data.view).toBe("refusal");
    expect(data.sessions).toEqual([]);
    expect(data.refusal).toMatchObject({ id: "mid-back", colour: REGIONS["mid-back"].colour, code: "REST_INTERVAL" });
    const dose = await s.get<DoseResponse>("/v1/dose");
    const bridgeNext = Date.parse(dose.people[0].regions["mid-back"].nextAllowedAt!);
    expect(bridgeNext).toBeGreaterThan(before);
    // The refusal's retryAfterSeconds counted from the skill's clock: the bridge's time, to a few seconds.
    expect(Math.abs(data.refusal!.nextAllowedAtMs! - bridgeNext)).toBeLessThan(5000);
    expect(Date.parse(data.refusal!.nextAllowedAt!)).toBe(data.refusal!.nextAllowedAtMs);
    const document = JSON.stringify((renders(r.reply)[0] as { document: unknown }).document);
    const refusalKeys = [...document.matchAll(/bioLight\.refusal\.(\w+)/g)].map((m) => m[1]);
    expect(refusalKeys).toContain("nextAllowedAtMs");
    for (const key of refusalKeys) expect(Object.keys(data.refusal!)).toContain(key);
    expectDoseFromBridge(data, dose);
  });

  it("without APL: no directive, the same words", async () => {
    const withScreen = await setup();
    await restingRegion(withScreen);
    const shown = await invoke(withScreen.skill, start("mid-back", { ...withScreen.env, apl: true }));
    const without = await setup();
    await restingRegion(without);
    const plain = await invoke(without.skill, start("mid-back", without.env));
    expect(renders(shown.reply)).toHaveLength(1);
    expect(renders(plain.reply)).toEqual([]);
    expect(others(plain.reply)).toEqual(others(shown.reply));
    expect(plain.text).toBe(shown.text);
  });

  it("a bridge that cannot be reached gets no screen: there is nothing to show", async () => {
    const { skill, env, bridge } = await setup({ fetch: () => Promise.reject(new TypeError("fetch failed")) });
    const r = await invoke(skill, start("mid-back", { ...env, apl: true }));
    expect(r.text).toContain("couldn't reach your Bio Light bridge");
    expect(renders(r.reply)).toEqual([]);
    expect((await bridge.panel()).on).toBe(false);
  });
});

describe("time left and dose status show the same panel view", () => {
  it.each(["TimeLeftIntent", "DoseStatusIntent"])(
    "%s with APL: the running session and the dose; without APL: same speech, no directive",
    async (intent) => {
      const { skill, env, get } = await setup();
      await invoke(skill, start("neck-shoulders", env));
      const r = await invoke(skill, intentRequest(intent, {}, { ...env, apl: true }));
      const data = screenOf(r.reply);
      expect(data.view).toBe("status");
      const { panels } = await get<{ panels: PanelStatus[] }>("/v1/panels");
      expect(data.sessions).toHaveLength(1);
      expect(data.sessions[0]).toMatchObject({
        id: "neck-shoulders",
        colour: REGIONS["neck-shoulders"].colour,
        endsAt: panels.find((p) => p.on)!.session!.endsAt,
      });
      expectDoseFromBridge(data, await get<DoseResponse>("/v1/dose"));

      const plain = await invoke(skill, intentRequest(intent, {}, env));
      expect(renders(plain.reply)).toEqual([]);
      expect(others(plain.reply)).toEqual(others(r.reply));
      // Minutes left are rounded when spoken: the two replies a moment apart say the same.
      expect(plain.text).toBe(r.text);
    },
  );

  it("nothing running: the status view says so, with the dose", async () => {
    const { skill, env, get } = await setup();
    const r = await invoke(skill, intentRequest("TimeLeftIntent", {}, { ...env, apl: true }));
    const data = screenOf(r.reply);
    expect(data.sessions).toEqual([]);
    expect(data.sessionsShown).toBe(true);
    expect(data.nothingRunning).toBe(true);
    expectDoseFromBridge(data, await get<DoseResponse>("/v1/dose"));
  });
});
