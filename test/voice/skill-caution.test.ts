/**
 * The versioned, withdrawable caution by voice: the real skill through virtual-alexa on the real
 * en-US interaction model, against a real bridge (control API, session controller, ledger,
 * simulated panel). A red flag or "yes" to the caution closes the household gate on the bridge;
 * a gate someone else closed is never reopened behind the user's back: the caution is read again.
 */
import { describe, expect, it } from "@jest/globals";
import { CAUTION_VERSION } from "../../matter-bridge/contract/index.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { useFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { call } from "../helpers/http.js";
import { alexaFor, ended, householdCaution, said, storedUsers, testSkill } from "../helpers/voice.js";

const FAST = { dose: { minSessionSeconds: 1, maxSessionSeconds: 30, minRestSameRegionSeconds: 0 } };
const USER_A = "amzn1.ask.account.CAUTION-A";
const USER_B = "amzn1.ask.account.CAUTION-B";

const fake = useFakeAlexaApi();
const { cleanups } = fake;

/** A real bridge whose household gate is open (someone acknowledged it), and the skill on it. */
async function household(opts: { acknowledged?: boolean } = {}) {
  const bridge = await startControlBridge({ config: FAST, acknowledged: opts.acknowledged ?? true });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await bridge.close();
  };
  cleanups.push(close);
  const { skill, dataDir } = await testSkill(bridge.url, bridge.token);
  const user = (userId: string, o: { timers?: boolean } = {}) => alexaFor(skill, fake.api(), { userId, ...o });
  const gate = () => householdCaution(bridge.url, bridge.token);
  const startOverApi = () => call(bridge.url, "POST", "/v1/sessions", { token: bridge.token, body: { region: "mid-back" } });
  return { bridge, dataDir, user, gate, startOverApi, closeBridge: close };
}

/** This user answers the caution ("no") on the way to a session, then stops it. */
async function answeredCaution(alexa: ReturnType<typeof alexaFor>, bridge: ControlBridge) {
  expect(said(await alexa.utter("start a neck session"))).toContain("Does any of this apply");
  expect(said(await alexa.utter("none of them apply"))).toContain("Starting your neck and shoulders session");
  await alexa.utter("stop the panel");
  expect((await bridge.panel()).on).toBe(false);
}

describe("a red flag closes the household gate on the bridge", () => {
  it("a red-flag symptom by voice: the running panel is switched off, the bridge's gate withdrawn, every start refused", async () => {
    const { bridge, user, gate, startOverApi } = await household();
    const alexa = user(USER_A, { timers: true });
    await answeredCaution(alexa, bridge);
    expect(said(await alexa.utter("start a low back session"))).toContain("Starting your low back and hips session");
    expect((await bridge.panel()).on).toBe(true);
    const callsBefore = fake.api().calls.length;

    const reply = await alexa.utter("I have numbness in my leg");
    const text = said(reply);
    expect(text).toContain("prompt medical evaluation");
    expect(text).toContain("I've switched the panel off");
    expect(text).toContain("paused the panel for everyone in your household");
    expect(ended(reply)).toBe(true);

    // The bridge: off, gate closed with a reason and the skill as its source.
    expect((await bridge.panel()).on).toBe(false);
    expect(bridge.controller.status()[0].on).toBe(false);
    const closed = await gate();
    expect(closed.acknowledged).toBe(false);
    expect(closed.withdrawnAt).toEqual(expect.any(String));
    expect(closed.withdrawnReason).toMatch(/red-flag symptom .*Alexa/);
    expect(bridge.controller.caution.record()).toMatchObject({ withdrawnSource: "alexa" });
    const refused = await startOverApi();
    expect([refused.status, refused.body.error.code]).toEqual([409, "CAUTION_REQUIRED"]);
    expect(refused.body.error.message).toMatch(/withdrawn/);
    // The end-of-session timer the skill had set is cancelled with the session.
    expect(
      fake
        .api()
        .calls.slice(callsBefore)
        .some((c) => c.method === "DELETE" && c.path.startsWith("/v1/alerts/timers/")),
    ).toBe(true);

    // This user is asked the caution again before anything starts.
    const next = await alexa.utter("start a low back session");
    expect(said(next)).toContain("Does any of this apply");
    expect(ended(next)).toBe(false);
    expect((await bridge.panel()).on).toBe(false);
  });

  it("'yes' to the caution withdraws the household's acknowledgement and switches off a session someone else started", async () => {
    const { bridge, user, gate, startOverApi } = await household();
    expect((await startOverApi()).status).toBe(201); // an automation, say
    expect((await bridge.panel()).on).toBe(true);
    const alexa = user(USER_B);

    expect(said(await alexa.utter("start a neck session"))).toContain("Does any of this apply");
    const reply = await alexa.utter("yes");
    const text = said(reply);
    expect(text).toContain("talk to a healthcare professional first");
    expect(text).toContain("I've switched the panel off");
    expect(text).toContain("paused the panel for everyone in your household");
    expect(ended(reply)).toBe(true);

    expect((await bridge.panel()).on).toBe(false);
    const closed = await gate();
    expect(closed).toMatchObject({ acknowledged: false, withdrawnReason: expect.stringMatching(/yes to the caution/) });
    expect(closed.withdrawnAt).toEqual(expect.any(String));
    expect((await startOverApi()).body.error.code).toBe("CAUTION_REQUIRED");
  });
});

describe("after someone else withdrew the caution", () => {
  it.each([
    ["another household member's red flag by voice", "voice"],
    ["the dashboard's red-flag button", "dashboard"],
  ] as const)(
    "%s: the next start request reads the caution again; 'no' reopens the gate and the request carries on",
    async (_name, via) => {
      const { bridge, dataDir, user, gate } = await household();
      const alexa = user(USER_A);
      await answeredCaution(alexa, bridge);

      if (via === "voice") expect(said(await user(USER_B).utter("I've got trouble swallowing"))).toContain("paused the panel");
      else {
        const withdrawn = await call(bridge.url, "POST", "/v1/caution/withdraw", {
          token: bridge.token,
          body: { reason: "a red flag, from the dashboard", source: "dashboard" },
        });
        expect(withdrawn.status).toBe(200);
      }
      expect((await gate()).acknowledged).toBe(false);

      // This user's own answer is still on file, but the household's gate is closed: read it again and ask.
      const asked = await alexa.utter("start a low back session for ten seconds");
      const question = said(asked);
      expect(question).toMatch(/^Someone in your household reported a red flag/);
      // The bridge's open red flag is said, with what was reported.
      expect(question).toContain(
        via === "voice"
          ? "It's still open, for everyone: a red-flag symptom was reported to the Alexa skill."
          : "It's still open, for everyone: a red flag, from the dashboard.",
      );
      for (const flag of ["face", "swallow", "numbness", "bladder", "fever", "medication"]) expect(question).toContain(flag);
      expect(question).toContain("Does any of this apply to you?");
      expect(ended(asked)).toBe(false);
      expect((await bridge.panel()).on).toBe(false);
      expect((await gate()).acknowledged).toBe(false); // never reopened on this user's behalf

      const reply = await alexa.utter("no");
      expect(said(reply)).toMatch(
        /^Thanks\. I've noted that none of those apply\. Starting your low back and hips session for 10 seconds\./,
      );
      expect((await bridge.panel()).on).toBe(true);
      expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
      const reopened = await gate();
      expect(reopened).toMatchObject({ acknowledged: true, acknowledgedVersion: CAUTION_VERSION, withdrawnAt: null });
      expect(bridge.controller.caution.record()?.source).toBe("alexa");
      const users = await storedUsers(dataDir);
      const answers = users.flatMap((u) => Object.values((u.people ?? {}) as Record<string, { caution?: { version?: number } }>));
      expect(answers.some((p) => p.caution?.version === CAUTION_VERSION)).toBe(true);
    },
  );

  it("'yes' when the caution is read again withdraws this user's answer too: the next start asks again", async () => {
    const { bridge, user, gate } = await household();
    const alexa = user(USER_A);
    await answeredCaution(alexa, bridge);
    await call(bridge.url, "POST", "/v1/caution/withdraw", { token: bridge.token, body: { reason: "someone else", source: "dashboard" } });

    expect(said(await alexa.utter("start a mid back session"))).toMatch(/^Someone in your household reported a red flag/);
    expect(said(await alexa.utter("yes"))).toContain("talk to a healthcare professional first");
    expect((await gate()).acknowledged).toBe(false);
    const again = said(await alexa.utter("start a mid back session"));
    expect(again).toContain("Does any of this apply");
    expect(again).not.toMatch(/^Someone in your household/); // asked for this user's own answer now
    expect((await bridge.panel()).on).toBe(false);
  });
});

describe("a bridge that is down when a red flag is reported", () => {
  it("a red-flag symptom gets the advice and an honest sentence about the bridge, never silence", async () => {
    const { user, closeBridge } = await household();
    const alexa = user(USER_A);
    await closeBridge();
    const reply = await alexa.utter("I have numbness in my leg");
    const text = said(reply);
    expect(text).toContain("prompt medical evaluation");
    expect(text).toContain("I couldn't reach your Bio Light bridge, so I couldn't pause the panel for your household");
    expect(text).toContain("switch it off at its plug");
    expect(ended(reply)).toBe(true);
  });

  it("'yes' to the caution gets the advice and the same honest sentence", async () => {
    const { user, closeBridge } = await household();
    const alexa = user(USER_B);
    expect(said(await alexa.utter("start a neck session"))).toContain("Does any of this apply");
    await closeBridge();
    const text = said(await alexa.utter("yes"));
    expect(text).toContain("talk to a healthcare professional first");
    expect(text).toContain("I couldn't reach your Bio Light bridge, so I couldn't pause the panel for your household");
    expect(text).toContain("When you've been cleared, just ask me again.");
  });
});
