/**
 * The skill with envelopes as real Alexa sends them: ISO-8601 durations, dialog states, the timers
 * permission, slow/down/misconfigured bridges, every refusal code, garbage slots, skill id checks.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "@jest/globals";
import { enUS } from "../../lambda/language/speech/en-US.js";
import { FilePersistenceAdapter } from "../../lambda/user-data/persistence/file.js";
import { CAUTION_VERSION, REFUSAL_CODES, REGION_IDS, REGIONS } from "../../matter-bridge/contract/index.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { type EnvelopeOptions, intentRequest, invoke, launchRequest, SKILL_ID } from "../helpers/envelopes.js";
import { useFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { nextTurn, until } from "../helpers/until.js";
import { testSkill } from "../helpers/voice.js";

const fake = useFakeAlexaApi();
const { cleanups } = fake;

const USER = "amzn1.ask.account.ENVELOPES";
const region = (id: string, value = id) => ({ value, id });

/** A bridge (real unless `url` is given) and a skill whose user already answered the caution. */
async function setup(
  opts: {
    url?: string;
    token?: string;
    bridge?: Parameters<typeof startControlBridge>[0];
    acknowledged?: boolean;
    timeoutMs?: number;
    clock?: FakeClock;
  } = {},
) {
  let bridge: ControlBridge | undefined;
  if (!opts.url) {
    bridge = await startControlBridge({ acknowledged: true, ...opts.bridge });
    cleanups.push(() => bridge!.close());
  }
  const url = opts.url ?? bridge!.url;
  const { skill, dataDir } = await testSkill(url, opts.token ?? bridge?.token ?? "t0ken", { timeoutMs: opts.timeoutMs, clock: opts.clock });
  if (opts.acknowledged ?? true)
    await new FilePersistenceAdapter(dataDir).saveAttributes(launchRequest({ userId: USER }), {
      caution: { version: CAUTION_VERSION, acknowledgedAt: Date.now() },
    });
  const env: EnvelopeOptions = { userId: USER, apiEndpoint: fake.api().url };
  return { bridge, skill, dataDir, env };
}

/** A bridge that answers every route with one scripted reply, optionally after a delay. */
async function scriptedBridge(status: number, body: unknown, delayMs = 0): Promise<string> {
  const server: Server = createServer((req, res) => {
    req.resume();
    const timer = setTimeout(() => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body)), delayMs);
    res.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanups.push(
    () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("ISO-8601 durations from real Alexa", () => {
  it("PT8M asks for 480 s and gets it", async () => {
    const { bridge, skill, env } = await setup();
    const r = await invoke(
      skill,
      intentRequest("StartSessionIntent", { region: region("low-back-hips", "lower back"), duration: { value: "PT8M" } }, env),
    );
    expect(r.text).toContain("Starting your low back and hips session for 8 minutes.");
    expect(r.text).not.toContain("shortened");
    expect(bridge!.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
    expect((await bridge!.panel()).seconds).toBe(480);
    expect(r.ended).toBe(true);
  });

  it("PT1H is clamped by the bridge to the 20-minute session cap, and the reduction is explained", async () => {
    const { bridge, skill, env } = await setup();
    const r = await invoke(
      skill,
      intentRequest("StartSessionIntent", { region: region("neck-shoulders", "neck"), duration: { value: "PT1H" } }, env),
    );
    expect(r.text).toContain("for 20 minutes. I shortened it from 60 minutes, because the longest single session is 20 minutes.");
    expect((await bridge!.panel()).seconds).toBe(1200);
  });

  it.each(["PT0S", "PT10H", "P1D", "PTXM", "banana", "PT"])("%s is refused with a re-prompt, nothing starts", async (value) => {
    const { bridge, skill, env } = await setup();
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back"), duration: { value } }, env));
    expect(r.text).toContain("between one and sixty minutes");
    expect(r.ended).toBe(false);
    expect((await bridge!.panel()).on).toBe(false);
  });
});

describe("dialog states and conversation", () => {
  it("STARTED with no region asks for it; the IN_PROGRESS answer starts it, keeping the duration", async () => {
    const { bridge, skill, env } = await setup();
    const first = await invoke(
      skill,
      intentRequest("StartSessionIntent", { duration: { value: "PT5M" } }, { ...env, dialogState: "STARTED" }),
    );
    expect(first.text).toContain("Which region");
    expect(first.ended).toBe(false);
    const second = await invoke(
      skill,
      intentRequest(
        "StartSessionIntent",
        { region: region("mid-back", "between my shoulder blades") },
        { ...env, dialogState: "IN_PROGRESS", sessionAttributes: first.attributes },
      ),
    );
    expect(second.text).toContain("mid back session for 5 minutes");
    expect((await bridge!.panel()).seconds).toBe(300);
  });

  it("session attributes that do not parse are ignored, never trusted", async () => {
    const { bridge, skill, env } = await setup({ acknowledged: false });
    const r = await invoke(
      skill,
      intentRequest(
        "AMAZON.NoIntent",
        {},
        { ...env, sessionAttributes: { conversation: { step: "caution", pending: { region: "elbow" } } } },
      ),
    );
    expect(r.text).toBe("What would you like to do?");
    expect(bridge!.ledger.caution()).not.toBeNull(); // acknowledged by setup's bridge only
    expect((await bridge!.panel()).on).toBe(false);
  });
});

describe("Alexa APIs: progressive response and timers", () => {
  it("sends a progressive response, sets an announcing timer when permitted, and cancels it on stop", async () => {
    const { bridge, skill, env } = await setup();
    const r = await invoke(
      skill,
      intentRequest("StartSessionIntent", { region: region("neck-shoulders", "neck") }, { ...env, timers: true }),
    );
    expect(r.text).toContain("I've set a timer for the end.");
    const directive = fake.api().calls.find((c) => c.path === "/v1/directives");
    expect(directive?.body.directive).toMatchObject({ type: "VoicePlayer.Speak" });
    expect(directive?.auth).toBe("Bearer test-api-access-token");
    const timer = fake.api().calls.find((c) => c.method === "POST" && c.path === "/v1/alerts/timers");
    expect(timer?.body).toMatchObject({ duration: "PT600S", triggeringBehavior: { operation: { type: "ANNOUNCE" } } });
    expect(timer?.body.triggeringBehavior.operation.textToAnnounce[0].text).toContain("neck and shoulders session is over");

    const stop = await invoke(skill, intentRequest("StopSessionIntent", {}, { ...env, timers: true }));
    expect(stop.text).toContain("Stopped.");
    expect(fake.api().calls.some((c) => c.method === "DELETE" && c.path === "/v1/alerts/timers/timer-1")).toBe(true);
    expect((await bridge!.panel()).on).toBe(false);
  });

  it("without the permission says the panel switches itself off and sets no timer", async () => {
    const { skill, env } = await setup();
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, env));
    expect(r.text).toContain("The panel switches itself off when the time is up.");
    expect(fake.api().calls.filter((c) => c.path.startsWith("/v1/alerts"))).toEqual([]);
  });

  it("an Alexa API that is down costs at most its short timeout", async () => {
    const { bridge, skill } = await setup();
    const t0 = performance.now();
    const r = await invoke(
      skill,
      intentRequest(
        "StartSessionIntent",
        { region: region("mid-back") },
        { userId: USER, apiEndpoint: "http://127.0.0.1:9", timers: true },
      ),
    );
    expect(performance.now() - t0).toBeLessThan(2500);
    expect(r.text).toContain("switches itself off");
    expect((await bridge!.panel()).on).toBe(true);
  });

  it("an Alexa API that never answers holds the reply only for its short wait on the skill's clock", async () => {
    const asked: string[] = [];
    const silent = createServer((req) => {
      asked.push(req.url ?? "");
      req.resume();
    });
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    cleanups.push(
      () =>
        new Promise((r) => {
          silent.closeAllConnections();
          silent.close(r);
        }),
    );
    const clock = new FakeClock(Date.now());
    const { bridge, skill } = await setup({ clock });
    const apiEndpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    let r: Awaited<ReturnType<typeof invoke>> | undefined;
    const replied = invoke(
      skill,
      intentRequest("StartSessionIntent", { region: region("mid-back") }, { userId: USER, apiEndpoint, timers: true }),
    ).then((reply) => (r = reply));
    // "Checking with your bridge", then the end-of-session timer: each is waited for 500 ms of the skill's clock, no more.
    for (const path of ["/v1/directives", "/v1/alerts/timers"]) {
      await until(() => asked.includes(path), `the skill's call to ${path}`);
      expect(r).toBeUndefined();
      expect(clock.pending).toBeGreaterThan(0);
      clock.advance(500);
    }
    await replied;
    expect(r?.text).toContain("switches itself off");
    expect((await bridge!.panel()).on).toBe(true);
  });
});

describe("a bridge that cannot help", () => {
  it("slower than 3 s: an apology when the skill's 3 s are up, not silence", async () => {
    // The bridge answers after 4.5 s of real time; the skill's own 3 s run on its clock, moved here.
    const url = await scriptedBridge(201, {}, 4500);
    const clock = new FakeClock(Date.now());
    const { skill, env } = await setup({ url, clock });
    let r: Awaited<ReturnType<typeof invoke>> | undefined;
    const replied = invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, env)).then((reply) => (r = reply));
    // "Checking with your bridge" is sent while the bridge is asked (its 3 s already running).
    await until(() => fake.api().calls.some((c) => c.path === "/v1/directives"), "the progressive response");
    clock.advance(2999);
    expect(clock.pending).toBe(1); // the bridge's 3 s, still running
    await nextTurn();
    expect(r).toBeUndefined();
    clock.advance(1);
    await replied;
    expect(r?.text).toContain("Sorry, I couldn't reach your Bio Light bridge");
  });

  it("down: an apology and what to check", async () => {
    const url = await scriptedBridge(200, {});
    cleanups.pop()!(); // closes it: nothing listens there now
    const { skill, env } = await setup({ url });
    const r = await invoke(skill, intentRequest("TimeLeftIntent", {}, env));
    expect(r.text).toContain("Check that the bridge is running");
  });

  it("a wrong token: says the tokens must match", async () => {
    const { skill, env } = await setup({ token: "wrong-token-wrong-token-wrong-token" });
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, env));
    expect(r.text).toContain("didn't accept my token");
  });

  const expected: Record<string, RegExp> = {
    CAUTION_REQUIRED: /safety check/,
    REST_INTERVAL: /rest between sessions\. The next session is possible in about 3 hours\./,
    REGION_LIMIT: /all its light for the last 24 hours\. More isn't better here\. The next session is possible in about 3 hours\./,
    DAILY_ON_TIME: /on-time for the last 24 hours\. The next session is possible in about 3 hours\./,
    WEEKLY_LIMIT: /most sessions allowed in a week\. The next session is possible in about 3 hours\./,
    TOO_CLOSE: /too strong\. Move further from the panel/,
    TOO_SHORT: /too short to be worth starting/,
    PANEL_BUSY: /already running a session\. It finishes in about 3 hours\./,
    PANEL_UNREACHABLE: /can't reach the panel\. Check that the panel's plug or relay is powered/,
    LEDGER_UNAVAILABLE: /can't read or write its dose records/,
    CLOCK_UNTRUSTED: /clock is behind, so it can't be sure how long ago your last sessions were/,
    UNKNOWN_PANEL: /no longer has the panel I asked it about/,
    UNKNOWN_PERSON: /no longer knows the person I asked it about/,
    STOPPED: /stopped before that session began, so nothing is running/,
  };
  it.each(REFUSAL_CODES.map((c) => [c]))("%s is explained", async (code) => {
    const waits = ["REST_INTERVAL", "REGION_LIMIT", "DAILY_ON_TIME", "WEEKLY_LIMIT", "PANEL_BUSY"].includes(code);
    const status = code === "PANEL_UNREACHABLE" || code === "LEDGER_UNAVAILABLE" ? 503 : code === "UNKNOWN_PANEL" ? 404 : 409;
    const message = `The bridge's own English for ${code}.`;
    const url = await scriptedBridge(status, { error: { code, message, ...(waits ? { retryAfterSeconds: 3 * 3600 } : {}) } });
    const { skill, env } = await setup({ url });
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("low-back-hips", "lower back") }, env));
    expect(r.text).toMatch(expected[code]);
    expect(r.text).not.toContain(message); // the skill's own words, never the bridge's English
    expect(r.ended).toBe(true);
  });

  it("a refusal code this skill does not know (a newer bridge) gets one sentence of its own, not the bridge's English", async () => {
    const url = await scriptedBridge(409, {
      error: { code: "MOON_PHASE", message: "The moon is in the wrong phase.", retryAfterSeconds: 60 },
    });
    const { skill, env } = await setup({ url });
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, env));
    expect(r.text).toBe(enUS.refusedOther());
    expect(r.ended).toBe(true);
  });

  it("a real refusal from the real bridge: rest interval with the time until the region may run", async () => {
    // The session runs its 2 s to the end on the bridge's clock, moved here.
    const clock = new FakeClock(Date.now());
    const { bridge, skill, env } = await setup({
      bridge: { config: { dose: { minSessionSeconds: 1, maxSessionSeconds: 2, minRestSameRegionSeconds: 7200 } }, clock },
    });
    await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, env));
    expect((await bridge!.panel()).on).toBe(true);
    clock.advance(2000);
    await until(async () => !(await bridge!.panel()).on, "the session's own end");
    expect((await bridge!.panel()).on).toBe(false);
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, env));
    expect(r.text).toMatch(
      /Your mid back had a session recently and needs a rest between sessions\. The next session is possible in about 2 hours\./,
    );
  });

  it("an acknowledged user on a bridge without the household acknowledgement: passes it on and starts", async () => {
    const { bridge, skill, env } = await setup({ bridge: { acknowledged: false } });
    expect(bridge!.ledger.caution()).toBeNull();
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, env));
    expect(r.text).toContain("Starting your mid back session");
    expect(bridge!.ledger.caution()?.source).toBe("alexa");
  });
});

describe("garbage slot values", () => {
  it.each([
    ["StartSessionIntent", { region: { value: "elbow", id: null } }, "I can't use the panel on your elbow"],
    ["StartSessionIntent", { region: region("mid-back"), distance: { value: "?" } }, "sensible distance"],
    ["StartSessionIntent", { region: region("mid-back"), distance: { value: "900" } }, "sensible distance"],
    ["DoseStatusIntent", { region: { value: "knee", id: null } }, "I can't use the panel on your knee"],
    ["RoutineIntent", { region: { value: "feet", id: null } }, "I can't use the panel on your feet"],
    ["LogTendernessIntent", { score: { value: "?" } }, "from zero for none to ten"],
    ["LogTendernessIntent", { score: { value: "-3" } }, "from zero for none to ten"],
    ["LogTendernessIntent", { score: { value: "4.5" } }, "from zero for none to ten"],
    ["LogRangeOfMotionIntent", { change: { value: "purple", id: null } }, "better, the same, or worse"],
    ["FaqIntent", { topic: { value: "the moon", id: null } }, "I can answer"],
    ["RedFlagIntent", { symptom: { value: "something", id: null } }, "prompt medical evaluation"],
  ] as const)("%s %j → a clear answer", async (intent, slots, expectedText) => {
    const { bridge, skill, env } = await setup();
    const r = await invoke(skill, intentRequest(intent, slots as never, env));
    expect(r.text).toContain(expectedText);
    expect((await bridge!.panel()).on).toBe(false);
  });

  it("an unknown region is answered with every region of the catalogue", async () => {
    const { skill, env } = await setup();
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: { value: "elbow", id: null } }, env));
    for (const id of REGION_IDS) expect(r.text).toContain(REGIONS[id].spokenName);
  });

  it("an unknown workout still gets a suggestion", async () => {
    const { skill, env } = await setup();
    const r = await invoke(skill, intentRequest("WorkoutDoneIntent", { workout: { value: "underwater hockey", id: null } }, env));
    expect(r.text).toContain("Shall I start");
  });

  it("an intent the skill does not know gets the error speech, not an exception", async () => {
    const { skill, env } = await setup();
    const r = await invoke(skill, intentRequest("SomethingElseIntent", {}, env));
    expect(r.text).toContain("Sorry, something went wrong");
    expect(r.ended).toBe(false);
  });
});

describe("progress over weeks", () => {
  it("after six weeks of logs without improvement, 'how am I doing' suggests reviewing the plan with a professional", async () => {
    const { skill, dataDir, env } = await setup();
    const week = 7 * 86400_000;
    // One clock reading: the first two weeks are a half-open window, and entries sit on its edge.
    const now = Date.now();
    const at = (w: number) => now - w * week - 3600_000;
    const spasms = [0, 1, 2, 3, 4, 5].flatMap((w) => [at(w), at(w) - 86400_000]);
    const tenderness = [0, 1, 2, 3, 4, 5].map((w) => ({ at: at(w), score: 6 }));
    await new FilePersistenceAdapter(dataDir).saveAttributes(launchRequest({ userId: USER }), {
      caution: { version: CAUTION_VERSION, acknowledgedAt: Date.now() },
      spasms,
      tenderness,
    });
    const r = await invoke(skill, intentRequest("ProgressIntent", {}, env));
    expect(r.text).toContain("2 logged spasms, against 2 a week before");
    expect(r.text).toContain("average knot tenderness 6 against 6 before");
    expect(r.text).toContain("review your plan with a healthcare professional");
  });
});

describe("skill id and locales", () => {
  it("with a skill id set, requests for another skill are rejected and its own are answered", async () => {
    const bridge = await startControlBridge({ acknowledged: true });
    cleanups.push(() => bridge.close());
    const { skill } = await testSkill(bridge.url, bridge.token, { skillId: SKILL_ID });
    await expect(skill.invoke(launchRequest({ skillId: "amzn1.ask.skill.ffffffff-0000-4000-8000-000000000000" }))).rejects.toThrow(
      /skill id/i,
    );
    expect((await invoke(skill, launchRequest())).text).toContain("Welcome to Bio Light");
  });

  it("en-GB speaks British English", async () => {
    const { skill, env } = await setup();
    const r = await invoke(
      skill,
      intentRequest("StartSessionIntent", { region: region("mid-back"), distance: { value: "2" } }, { ...env, locale: "en-GB" }),
    );
    expect(r.text).toContain("centimetres");
  });
});
