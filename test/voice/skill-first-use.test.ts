/**
 * A new user on a real Echo: the caution at the first launch, words that still work once the
 * skill's session has closed ("Alexa, tell bio light to stop", or the panel by its name), and the
 * Timers permission asked for by voice once. The real skill on the real en-US model through
 * virtual-alexa, envelopes where virtual-alexa cannot (Connections.Response), against a real bridge
 * and the fake Alexa API.
 */

import { describe, expect, it } from "@jest/globals";
import type { RequestEnvelope } from "ask-sdk-model";
import { TIMERS_SCOPE } from "../../lambda/flows/alexa-api.js";
import { FilePersistenceAdapter } from "../../lambda/user-data/persistence/file.js";
import { CAUTION_VERSION, RED_FLAGS } from "../../matter-bridge/contract/index.js";
import { startControlBridge } from "../helpers/control-bridge.js";
import { intentRequest, invoke, launchRequest } from "../helpers/envelopes.js";
import { useFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { alexaFor, ended, householdCaution, said, storedUsers, testSkill } from "../helpers/voice.js";

const PANEL_NAME = "Bedroom Panel";
const CONFIG = {
  dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 },
  panels: [{ id: "panel-1", name: PANEL_NAME, driver: { kind: "simulated" as const } }],
};
const USER = "amzn1.ask.account.FIRST-USE";
/** Words from every red flag, medication and the eyes. */
const CAUTION_WORDS = ["face", "tongue", "swallow", "weakness", "numbness", "bladder", "fever", "weight loss", "medication", "eye"];

const fake = useFakeAlexaApi();
const { cleanups } = fake;

async function household(opts: { acknowledged?: boolean; cautionVersion?: number } = {}) {
  const bridge = await startControlBridge({ config: CONFIG, acknowledged: opts.acknowledged });
  cleanups.push(() => bridge.close());
  const { skill, dataDir } = await testSkill(bridge.url, bridge.token, { cautionVersion: opts.cautionVersion });
  const user = (o: { timers?: boolean } = {}) => alexaFor(skill, fake.api(), { userId: USER, ...o });
  /** This user's stored answer to the caution, as an earlier conversation left it. */
  const answered = (version: number) =>
    new FilePersistenceAdapter(dataDir).saveAttributes(launchRequest({ userId: USER }), {
      caution: { version, acknowledgedAt: Date.now() },
    });
  return { bridge, skill, dataDir, user, answered };
}

// biome-ignore lint/suspicious/noExplicitAny: virtual-alexa's response type is loose
const directivesOf = (reply: any): Array<Record<string, unknown>> => reply?.response?.directives ?? [];
const askFor = (reply: unknown) => directivesOf(reply).filter((d) => d.type === "Connections.SendRequest");

/** Alexa's answer to the AskFor, as a Connections.Response envelope (outside any skill session). */
function permissionAnswer(status: "ACCEPTED" | "DENIED" | "NOT_ANSWERED", token: string): RequestEnvelope {
  const envelope = launchRequest({ userId: USER, apiEndpoint: fake.api().url });
  delete envelope.session;
  envelope.request = {
    type: "Connections.Response",
    requestId: "amzn1.echo-api.request.permission",
    timestamp: new Date().toISOString(),
    locale: "en-US",
    name: "AskFor",
    status: { code: "200", message: "OK" },
    payload: { permissionScope: TIMERS_SCOPE, status },
    token,
  };
  return envelope;
}

describe("the caution at the first launch", () => {
  it("a new user's first launch reads every red flag and asks; 'no' records it and offers what a launch offers", async () => {
    const { bridge, dataDir, user } = await household();
    const alexa = user();
    const reply = await alexa.launch();
    const text = said(reply);
    expect(text).toMatch(/^Welcome to Bio Light\./);
    for (const word of CAUTION_WORDS) expect(text.toLowerCase()).toContain(word);
    expect(text).toContain("Does any of this apply to you?");
    expect(ended(reply)).toBe(false);
    expect((await householdCaution(bridge.url, bridge.token)).acknowledged).toBe(false);

    const no = await alexa.utter("no");
    expect(said(no)).toMatch(/^Thanks\. I've noted that none of those apply\. You can say, start a low back session/);
    expect(said(no)).toContain("What would you like?");
    expect(ended(no)).toBe(false);
    expect((await bridge.panel()).on).toBe(false); // nothing was asked for, nothing starts
    expect(await householdCaution(bridge.url, bridge.token)).toMatchObject({ acknowledged: true, acknowledgedVersion: CAUTION_VERSION });
    const [stored] = await storedUsers(dataDir);
    // The answer is the person's (one at home, without people in the bridge's config: the household).
    expect((stored.people as Record<string, { caution?: unknown }>).household.caution).toMatchObject({ version: CAUTION_VERSION });

    // What the user asks for next carries on, without the caution again.
    expect(said(await alexa.utter("start a low back session"))).toContain("Starting your low back and hips session");
    expect((await bridge.panel()).on).toBe(true);
    // Next time: the greeting.
    const again = said(await user().launch());
    expect(again).toMatch(/^Welcome to Bio Light\. You can say/);
    expect(again).not.toContain("Does any of this apply");
  });

  it("asking for a session instead of answering: the question again, not the whole caution; 'no' starts what was asked", async () => {
    const { bridge, user } = await household();
    const alexa = user();
    expect(said(await alexa.launch())).toContain("Does any of this apply to you?");
    const asked = await alexa.utter("start a mid back session");
    expect(said(asked)).toBe("I'll do that once you've answered the safety check I just read. Does any of this apply to you?");
    expect(ended(asked)).toBe(false);
    expect((await bridge.panel()).on).toBe(false);
    expect(said(await alexa.utter("no"))).toMatch(/^Thanks\. I've noted that none of those apply\. Starting your mid back session/);
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "mid-back" });
  });

  it("'yes' at the first launch withdraws the answer and starts nothing", async () => {
    const { bridge, user } = await household({ acknowledged: true });
    const alexa = user();
    expect(said(await alexa.launch())).toContain("Does any of this apply to you?");
    const yes = await alexa.utter("yes");
    expect(said(yes)).toContain("talk to a healthcare professional first");
    expect(ended(yes)).toBe(true);
    expect((await bridge.panel()).on).toBe(false);
    expect((await householdCaution(bridge.url, bridge.token)).acknowledged).toBe(false);
  });

  it("a user who answered an older version hears the caution again at launch; one who answered the current one gets the greeting", async () => {
    const { user, answered } = await household({ acknowledged: true, cautionVersion: 2 });
    await answered(1);
    const changed = await user().launch();
    expect(said(changed)).toMatch(/^Welcome back to Bio Light\. The safety check has changed/);
    for (const word of CAUTION_WORDS) expect(said(changed).toLowerCase()).toContain(word);
    expect(ended(changed)).toBe(false);

    await answered(2);
    const greeting = said(await user().launch());
    expect(greeting).toMatch(/^Welcome to Bio Light\. You can say/);
    expect(greeting).not.toContain(RED_FLAGS[0]);
  });
});

describe("words that work once the skill has stopped listening", () => {
  it("every start reply and help name 'tell bio light to stop' and the panel's name; 'say stop' is gone", async () => {
    const { bridge, user, answered } = await household({ acknowledged: true });
    await answered(CAUTION_VERSION);
    const alexa = user({ timers: true });

    for (const utterance of ["start a low back session", "start a neck session for ten minutes", "start a mid back session"]) {
      const reply = await alexa.utter(utterance);
      const text = said(reply);
      expect(text).toContain("Starting your");
      expect(text).toContain("pleasantly warm at most");
      expect(text).toContain("Alexa, tell bio light to stop");
      expect(text).toContain(`Alexa, turn off ${PANEL_NAME}`);
      expect(text).not.toMatch(/say stop/i);
      expect(ended(reply)).toBe(true);
      // What it tells works: a one-shot "stop" switches the panel off.
      await alexa.utter("stop");
      expect((await bridge.panel()).on).toBe(false);
    }

    const help = await alexa.utter("help");
    expect(said(help)).toContain("Alexa, tell bio light to stop");
    expect(said(help)).toContain(`Alexa, turn off ${PANEL_NAME}`);
    expect(ended(help)).toBe(false);
  });
});

describe("the Timers permission, asked for by voice once", () => {
  it("missing: the start goes ahead, then the AskFor directive and the consent card; the next start does not ask again", async () => {
    const { bridge, dataDir, user, answered } = await household({ acknowledged: true });
    await answered(CAUTION_VERSION);
    const alexa = user();

    const first = await alexa.utter("start a low back session");
    expect(said(first)).toContain("Starting your low back and hips session");
    expect((await bridge.panel()).on).toBe(true); // on before asking
    const session = bridge.controller.status()[0].session;
    expect(askFor(first)).toEqual([
      {
        type: "Connections.SendRequest",
        name: "AskFor",
        payload: { "@type": "AskForPermissionsConsentRequest", "@version": "2", permissionScope: TIMERS_SCOPE },
        token: expect.stringContaining(session!.id),
      },
    ]);
    expect(first.response.card).toEqual({ type: "AskForPermissionsConsent", permissions: [TIMERS_SCOPE] });
    expect(ended(first)).toBe(true);
    expect(fake.api().calls.filter((c) => c.path.startsWith("/v1/alerts"))).toEqual([]);
    const [stored] = await storedUsers(dataDir);
    expect(stored.timersAskedAt).toEqual(expect.any(Number));

    await alexa.utter("stop the panel");
    const second = await alexa.utter("start a mid back session");
    expect(said(second)).toContain("Starting your mid back session");
    expect(askFor(second)).toEqual([]);
    expect(second.response.card).toBeUndefined();
  });

  it("accepted: an end-of-session timer for the running session; denied: no timer, one sentence", async () => {
    const { bridge, skill, answered } = await household({ acknowledged: true });
    await answered(CAUTION_VERSION);
    const env = { userId: USER, apiEndpoint: fake.api().url };

    const start = await invoke(skill, intentRequest("StartSessionIntent", { region: { value: "lower back", id: "low-back-hips" } }, env));
    expect(start.text).toContain("Starting your low back and hips session");
    const sent = (start.reply.response.directives ?? []).find((d) => d.type === "Connections.SendRequest") as { token: string };
    expect(sent).toBeDefined();

    const accepted = await invoke(skill, permissionAnswer("ACCEPTED", sent.token));
    expect(accepted.text).toMatch(/^Thanks\. I've set a timer for the end of your low back and hips session/);
    expect(accepted.ended).toBe(true);
    const timers = fake.api().calls.filter((c) => c.method === "POST" && c.path === "/v1/alerts/timers");
    expect(timers).toHaveLength(1);
    const remaining = bridge.controller.status()[0].remainingSeconds;
    const seconds = Number(/^PT(\d+)S$/.exec(timers[0].body.duration)?.[1]);
    expect(Math.abs(seconds - remaining)).toBeLessThanOrEqual(2);
    expect(timers[0].body.triggeringBehavior.operation.textToAnnounce[0].text).toContain("low back and hips session is over");
    // The timer belongs to the session: stopping it early cancels the timer (the permission is listed from now on).
    await invoke(skill, intentRequest("StopSessionIntent", {}, { ...env, timers: true }));
    expect(fake.api().calls.some((c) => c.method === "DELETE" && c.path.startsWith("/v1/alerts/timers/"))).toBe(true);

    fake.api().calls.length = 0;
    const denied = await invoke(skill, permissionAnswer("DENIED", sent.token));
    expect(denied.text).toBe("Okay, no timer. The panel switches itself off when the time is up.");
    expect(denied.ended).toBe(true);
    expect(fake.api().calls.filter((c) => c.path.startsWith("/v1/alerts"))).toEqual([]);
  });
});
