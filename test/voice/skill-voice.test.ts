/**
 * The skill through virtual-alexa on the real en-US interaction model, against a real bridge
 * (control API, session controller, ledger, simulated panel). Assertions are on the panel and
 * the ledger as well as on what Alexa says.
 */
import { readdir, readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { type FakeAlexaApi, startFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { until } from "../helpers/until.js";
import { alexaFor, ended, said, testSkill } from "../helpers/voice.js";

const FAST = { dose: { minSessionSeconds: 1, maxSessionSeconds: 30, minRestSameRegionSeconds: 0 } };

let api: FakeAlexaApi;
let bridge: ControlBridge;
beforeAll(async () => {
  api = await startFakeAlexaApi();
});
afterAll(() => api.close());
afterEach(async () => {
  await bridge?.close();
});

async function freshUser(opts: { timers?: boolean; acknowledged?: boolean } = {}) {
  bridge = await startControlBridge({ config: FAST, acknowledged: opts.acknowledged });
  const { skill, dataDir } = await testSkill(bridge.url, bridge.token);
  return { alexa: alexaFor(skill, api, opts), dataDir };
}

/** A user who has already answered the caution. */
async function acknowledgedUser(opts: { timers?: boolean } = {}) {
  const u = await freshUser(opts);
  await u.alexa.utter("read the caution again");
  expect(said(await u.alexa.utter("start a neck session"))).toContain("Does any of this apply");
  await u.alexa.utter("none of them apply");
  await u.alexa.utter("stop the panel");
  expect((await bridge.panel()).on).toBe(false);
  return u;
}

describe("first use: the caution", () => {
  it("reads every red flag, and 'no' records it, tells the bridge and starts the pending session", async () => {
    const { alexa, dataDir } = await freshUser();
    const caution = said(await alexa.utter("start a low back session"));
    for (const flag of ["face", "tongue", "swallow", "weakness", "numbness", "bladder", "fever", "weight loss", "medication", "eye"])
      expect(caution.toLowerCase()).toContain(flag);
    expect(caution).toContain("Does any of this apply to you?");
    expect((await bridge.panel()).on).toBe(false);
    expect(bridge.ledger.caution()).toBeNull();

    const reply = await alexa.utter("no");
    expect(said(reply)).toMatch(/^Thanks\. I've noted that none of those apply\. Starting your low back and hips session for 30 seconds\./);
    expect(said(reply)).toContain("pleasantly warm at most");
    expect(ended(reply)).toBe(true);
    expect(await bridge.panel()).toMatchObject({ on: true });
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
    expect(bridge.ledger.caution()?.version).toBeGreaterThanOrEqual(1);
    const [file] = await readdir(dataDir);
    // Kept for the person (one at home: the household), not for the Alexa account.
    expect(JSON.parse(await readFile(`${dataDir}/${file}`, "utf8")).people.household.caution.version).toBeGreaterThanOrEqual(1);
  });

  it("'yes' starts nothing, advises a professional, and asks again next time", async () => {
    const { alexa } = await freshUser();
    await alexa.utter("start a neck session");
    const reply = await alexa.utter("yes");
    expect(said(reply)).toContain("healthcare professional");
    expect(ended(reply)).toBe(true);
    expect((await bridge.panel()).on).toBe(false);
    // The red flag is kept on the bridge (withdrawn), even though nobody had acknowledged yet.
    expect(bridge.ledger.caution()).toMatchObject({ withdrawnSource: "alexa" });
    expect(bridge.controller.caution.acknowledged()).toBe(false);
    expect(said(await alexa.utter("start a neck session"))).toContain("Does any of this apply");
  });

  it("an answer it does not understand repeats the question and starts nothing", async () => {
    const { alexa } = await freshUser();
    await alexa.utter("start my hips session");
    const reply = await alexa.intend("AMAZON.FallbackIntent");
    expect(said(reply)).toContain("answer yes if any of those apply");
    expect(ended(reply)).toBe(false);
    expect((await bridge.panel()).on).toBe(false);
  });

  it("the caution comes before a guided routine too, then the routine carries on", async () => {
    const { alexa } = await freshUser();
    expect(said(await alexa.utter("guide me through a mid back routine"))).toContain("Does any of this apply");
    expect(said(await alexa.utter("none apply"))).toContain("gentle movement");
  });
});

describe("sessions by voice", () => {
  it.each([
    ["start my lumbar session", "low-back-hips"],
    ["light my glutes", "low-back-hips"],
    ["red light for my traps", "neck-shoulders"],
    ["start a session on my upper back", "mid-back"],
    ["turn on the panel for my shoulder blades", "mid-back"],
    ["give my hips some light", "low-back-hips"],
  ])("%s → %s on the panel", async (utterance, region) => {
    const { alexa } = await acknowledgedUser();
    const reply = await alexa.utter(utterance);
    expect(said(reply)).toContain("Starting your");
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region });
    expect((await bridge.panel()).on).toBe(true);
  });

  it("asks for the region when none is given, then starts what the answer names", async () => {
    const { alexa } = await acknowledgedUser();
    const ask = await alexa.utter("turn on the panel");
    expect(said(ask)).toContain("Which region");
    expect(ended(ask)).toBe(false);
    expect((await bridge.panel()).on).toBe(false);
    await alexa.utter("lower back");
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
  });

  it("a spoken duration is passed on and the bridge's reduction explained", async () => {
    const { alexa } = await acknowledgedUser();
    const reply = said(await alexa.utter("start a neck session for ten minutes"));
    expect(reply).toContain("for 30 seconds");
    expect(reply).toContain("I shortened it from 10 minutes, because the longest single session is 30 seconds");
    expect(bridge.controller.status()[0].on).toBe(true);
  });

  it("how long is left, then stop: the panel is off and the delivered time is said", async () => {
    const { alexa } = await acknowledgedUser();
    await alexa.utter("start a mid back session");
    expect(said(await alexa.utter("how much time is left"))).toMatch(/mid back session has \d+ seconds? left/);
    const stop = said(await alexa.utter("it feels too hot"));
    expect(stop).toMatch(/^Stopped\. Your mid back had \d+ seconds? of light/);
    expect((await bridge.panel()).on).toBe(false);
    expect(said(await alexa.utter("how long is left"))).toContain("isn't running");
  });

  it("stop also reaches a panel whose slow relay is still switching on (an automation started it)", async () => {
    const { alexa } = await acknowledgedUser();
    const release = bridge.driver.slowOn();
    const automation = bridge.controller.start({ region: "mid-back", seconds: 20 }, "automation");
    const starting = new Promise<void>((resolve) => {
      const off = bridge.controller.onChange((s) => {
        if (s.state === "starting") {
          off();
          resolve();
        }
      });
    });
    await starting;
    const stopping = alexa.utter("stop the panel");
    // The relay answers only once the stop has reached the session it is switching on.
    await until(() => bridge.controller.status()[0].state === "stopping", "the stop to reach the starting session").finally(release);
    const [started, stop] = await Promise.all([automation, stopping]).finally(release);
    expect(started.ok).toBe(true);
    expect(said(stop)).toMatch(/^Stopped\. Your mid back had/);
    expect((await bridge.panel()).on).toBe(false);
    expect(bridge.ledger.sessions().at(-1)).toMatchObject({ source: "automation", endReason: "stopped" });
  });

  it("a stop that catches a start still being set up says nothing was switched on, not '1 second of light'", async () => {
    const { alexa } = await acknowledgedUser();
    // The automation's start holds at its ledger entry until released.
    const begin = bridge.ledger.begin.bind(bridge.ledger);
    let release!: () => void;
    const released = new Promise<void>((r) => {
      release = r;
    });
    bridge.ledger.begin = async (entry) => {
      await released;
      return begin(entry);
    };
    const automation = bridge.controller.start({ region: "mid-back", seconds: 20 }, "automation");
    expect(bridge.controller.panelState("panel-1")).toBe("starting");
    const stop = said(await alexa.utter("stop the panel").finally(release));
    expect(stop).toBe("Stopped before it began: your mid back session never switched the panel on.");
    expect(await automation).toMatchObject({ ok: false, refusal: { code: "STOPPED" } });
    expect((await bridge.panel()).on).toBe(false);
  });

  it("a refusal says why and when: the panel is busy", async () => {
    const { alexa } = await acknowledgedUser();
    await alexa.utter("start a neck session");
    const reply = said(await alexa.utter("start a low back session"));
    expect(reply).toContain("already running a session");
    expect(bridge.controller.status()[0].region).toBe("neck-shoulders");
  });

  it("dose questions answer from the bridge's rolling windows", async () => {
    const { alexa } = await acknowledgedUser();
    expect(said(await alexa.utter("how much have I used today"))).toMatch(/neck and shoulders \d+ percent/);
    expect(said(await alexa.utter("when can I do my neck again"))).toMatch(/Your next neck and shoulders session is possible now/);
  });
});

describe("workouts and routines", () => {
  it("after leg day suggests low back and hips; yes starts it", async () => {
    const { alexa } = await acknowledgedUser();
    const offer = said(await alexa.utter("I just finished leg day"));
    expect(offer).toContain("low back and hips");
    expect(offer).toContain("Shall I start");
    expect((await bridge.panel()).on).toBe(false);
    await alexa.utter("yes please");
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
  });

  it("after a workout, no starts nothing", async () => {
    const { alexa } = await acknowledgedUser();
    await alexa.utter("I just finished a run");
    expect(said(await alexa.utter("no"))).toContain("Enjoy your recovery");
    expect((await bridge.panel()).on).toBe(false);
  });

  it("the routine: movement, self-release, then the light", async () => {
    const { alexa } = await acknowledgedUser();
    expect(said(await alexa.utter("walk me through my lower back routine"))).toContain("gentle movement");
    expect((await bridge.panel()).on).toBe(false);
    expect(said(await alexa.utter("ready"))).toContain("self-release");
    expect((await bridge.panel()).on).toBe(false);
    expect(said(await alexa.utter("let's go"))).toContain("Starting your low back and hips session");
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
  });
});

describe("tracking over weeks", () => {
  it("logs a spasm, tenderness and range of motion, then summarises", async () => {
    const { alexa, dataDir } = await acknowledgedUser();
    expect(said(await alexa.utter("I had a spasm"))).toContain("1 in the last 7 days");
    expect(said(await alexa.utter("tenderness four"))).toContain("4 out of ten");
    expect(said(await alexa.utter("my range of motion is better"))).toContain("better");
    const summary = said(await alexa.utter("how am I doing"));
    expect(summary).toContain("This week you had 1 session");
    expect(summary).toContain("1 logged spasm");
    expect(summary).toContain("average knot tenderness 4");
    const [file] = await readdir(dataDir);
    const data = JSON.parse(await readFile(`${dataDir}/${file}`, "utf8")).people.household;
    expect({ spasms: data.spasms.length, tenderness: data.tenderness[0].score, rom: data.rom[0].change }).toEqual({
      spasms: 1,
      tenderness: 4,
      rom: "better",
    });
  });

  it("a tenderness outside 0–10 is asked again and nothing is logged", async () => {
    const { alexa, dataDir } = await acknowledgedUser();
    const reply = await alexa.utter("tenderness fifteen");
    expect(said(reply)).toContain("from zero for none to ten");
    expect(ended(reply)).toBe(false);
    const [file] = await readdir(dataDir);
    expect(JSON.parse(await readFile(`${dataDir}/${file}`, "utf8")).people.household.tenderness).toEqual([]);
  });
});

describe("safety and information", () => {
  it("a red flag switches a running panel off, starts nothing and asks the caution again later", async () => {
    const { alexa } = await acknowledgedUser();
    await alexa.utter("start a low back session");
    expect((await bridge.panel()).on).toBe(true);
    const reply = said(await alexa.utter("I have numbness in my leg"));
    expect(reply).toContain("prompt medical evaluation");
    expect(reply).toContain("switched the panel off");
    expect((await bridge.panel()).on).toBe(false);
    expect(said(await alexa.utter("start a low back session"))).toContain("Does any of this apply");
    expect((await bridge.panel()).on).toBe(false);
  });

  it.each([
    ["can it stop a cramp", "isn't a tool for stopping a cramp"],
    ["do I still need massage", "combining approaches"],
    ["can I use it every day", "short daily session"],
    ["read the caution again", "Does any of this apply"],
    ["what can I say", "You can say"],
  ])("%s", async (utterance, expected) => {
    const { alexa } = await freshUser({ acknowledged: true });
    const text = said(await alexa.utter(utterance));
    if (utterance.startsWith("read")) expect(text).toContain("numbness");
    else expect(text).toContain(expected);
    expect((await bridge.panel()).on).toBe(false);
  });
});

describe("bad input never reaches Alexa as an exception", () => {
  it("an unknown region, an absurd duration and a silly distance get a clear re-prompt and start nothing", async () => {
    const { alexa } = await acknowledgedUser();
    const region = await alexa.intend("StartSessionIntent", { region: "elbow" });
    expect(said(region)).toContain("I can't use the panel on your elbow");
    expect(ended(region)).toBe(false);
    const long = await alexa.utter("start a low back session for ten hours");
    expect(said(long)).toContain("between one and sixty minutes");
    expect(ended(long)).toBe(false);
    const zero = await alexa.intend("StartSessionIntent", { region: "neck", duration: "PT0S" });
    expect(said(zero)).toContain("between one and sixty minutes");
    const far = await alexa.intend("StartSessionIntent", { region: "neck", distance: "banana" });
    expect(said(far)).toContain("sensible distance");
    expect((await bridge.panel()).on).toBe(false);
    expect(bridge.ledger.history(Date.now() - 60_000)).toHaveLength(1); // only the set-up session
  });
});
