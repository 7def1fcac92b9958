/**
 * People at home, through the skill on the real en-US interaction model (virtual-alexa) against a
 * real bridge with `people` in its config: Alexa voice profiles (context.System.person) map to the
 * bridge's people, each person's dose is their own, and the skill keeps each person's caution answer
 * and logs apart. Assertions are on the bridge's ledger and panel, the skill's stored data, and what
 * Alexa says.
 */
import { describe, expect, it } from "@jest/globals";
import { FilePersistenceAdapter } from "../../lambda/user-data/persistence/file.js";
import { CAUTION_VERSION, DAY_MS } from "../../matter-bridge/contract/index.js";
import { type ControlBridge, type ControlBridgeOptions, startControlBridge } from "../helpers/control-bridge.js";
import { launchRequest } from "../helpers/envelopes.js";
import { useFakeAlexaApi } from "../helpers/fake-alexa-api.js";
import { alexaFor, ended, said, storedUsers, testSkill } from "../helpers/voice.js";

const fake = useFakeAlexaApi();
const ACCOUNT = "amzn1.ask.account.HOME";
const ANNA_VOICE = "amzn1.ask.person.ANNA";
const BEN_VOICE = "amzn1.ask.person.BEN";
const TWO = [
  { id: "anna", name: "Anna" },
  { id: "ben", name: "Ben" },
];
/** Short sessions; the rest between sessions of a region stays the default (12 hours). */
const DOSE = { minSessionSeconds: 1, maxSessionSeconds: 30 };

async function home(people: Array<{ id: string; name: string }>, opts: ControlBridgeOptions = {}) {
  const bridge: ControlBridge = await startControlBridge({ acknowledged: true, ...opts, config: { people, dose: DOSE, ...opts.config } });
  fake.cleanups.push(() => bridge.close());
  const { skill, dataDir } = await testSkill(bridge.url, bridge.token);
  /** Someone speaking in this home: a recognised voice profile, or (without `voice`) a speaker Alexa does not recognise. */
  const speaker = (voice?: string) => alexaFor(skill, fake.api(), { userId: ACCOUNT, ...(voice ? { personId: voice } : {}) });
  /** The account's stored skill data (one Alexa account in this home). */
  const stored = async () => {
    const [data] = await storedUsers(dataDir);
    return data as unknown as Stored;
  };
  return { bridge, skill, dataDir, speaker, stored };
}

interface Stored {
  voices: Record<string, { id: string; name: string }>;
  people: Record<
    string,
    { caution?: { version: number; acknowledgedAt: number }; spasms: number[]; tenderness: unknown[]; rom: unknown[] }
  >;
  caution?: unknown;
  spasms: number[];
  tenderness: unknown[];
  rom: unknown[];
}

const WHO_VOICE = "I don't know your voice yet. Is this Anna or Ben?";
const WHO_FOR = "Who is this for: Anna or Ben?";

describe("two people at home, each with their own voice", () => {
  it("each does their low back on the same day; the second low back for the same person is refused", async () => {
    const { bridge, speaker } = await home(TWO);
    const anna = speaker(ANNA_VOICE);
    const ben = speaker(BEN_VOICE);

    // Anna's voice is new to the skill: asked once, then her start carries on (her own caution first).
    const asked = await anna.utter("start a low back session");
    expect(said(asked)).toBe(WHO_VOICE);
    expect(ended(asked)).toBe(false);
    expect(said(await anna.utter("it's Anna"))).toMatch(
      /^Thanks, Anna\. I'll know your voice from now on\. .*Does any of this apply to you\?$/,
    );
    const annaStart = await anna.utter("no");
    expect(said(annaStart)).toMatch(
      /^Thanks\. I've noted that none of those apply\. Anna, starting your low back and hips session for 30 seconds\./,
    );
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
    expect(said(await anna.utter("stop the panel"))).toMatch(/^Stopped\./);

    // Ben's voice: asked once too; his low back is granted although Anna's ran minutes ago.
    expect(said(await ben.utter("start a low back session"))).toBe(WHO_VOICE);
    expect(said(await ben.utter("it's Ben"))).toContain("Thanks, Ben. I'll know your voice from now on.");
    expect(said(await ben.utter("none of them apply"))).toContain("Ben, starting your low back and hips session for 30 seconds.");
    expect(bridge.controller.status()[0]).toMatchObject({ on: true, region: "low-back-hips" });
    await ben.utter("stop the panel");
    expect(bridge.ledger.sessions().map((s) => [s.person, s.region])).toEqual([
      ["anna", "low-back-hips"],
      ["ben", "low-back-hips"],
    ]);

    // Anna again, known by her voice now: her own low back needs its rest, whoever else had light.
    const again = said(await anna.utter("start a low back session"));
    expect(again).toMatch(
      /^Anna, your low back and hips had a session recently and needs a rest between sessions\. The next session is possible in about 12 hours\./,
    );
    expect((await bridge.panel()).on).toBe(false);
    expect(bridge.ledger.sessions()).toHaveLength(2);
  });

  it("a recognised voice is asked once and remembered for the account, in later skill sessions too", async () => {
    const { speaker, stored } = await home(TWO);
    const ben = speaker(BEN_VOICE);
    expect(said(await ben.utter("how am I doing"))).toBe(WHO_VOICE);
    expect(said(await ben.utter("it's Ben"))).toMatch(
      /^Thanks, Ben\. I'll know your voice from now on\. Ben, I don't have anything logged yet\./,
    );
    expect((await stored()).voices).toEqual({ [BEN_VOICE]: { id: "ben", name: "Ben" } });

    // A new skill session (the last reply ended it), and a new device in the same account: not asked again.
    const later = speaker(BEN_VOICE);
    expect(said(await later.utter("I had a spasm"))).toMatch(/^Noted a spasm\. That's 1 in the last 7 days\./);
    expect(said(await later.utter("how am I doing"))).toMatch(/^Ben, this week you had 0 sessions/);
    expect(said(await speaker(BEN_VOICE).utter("when can I do my neck again"))).toMatch(/^Ben, your neck and shoulders has had 0 percent/);
  });

  it("a name the bridge does not know is asked again and starts nothing", async () => {
    const { bridge, speaker } = await home(TWO);
    const anna = speaker(ANNA_VOICE);
    await anna.utter("start a neck session");
    const reply = await anna.utter("it's Carla");
    expect(said(reply)).toMatch(/^carla isn.t one of the people your Bio Light bridge knows\. Is this Anna or Ben\?$/i);
    expect(ended(reply)).toBe(false);
    expect((await bridge.panel()).on).toBe(false);
    expect(said(await anna.utter("it's Anna"))).toContain("Does any of this apply to you?");
  });
});

describe("a speaker Alexa does not recognise", () => {
  it("is asked who the session is for each time, and the session is theirs", async () => {
    const { bridge, speaker, stored } = await home(TWO);
    const someone = speaker();
    const launch = await someone.launch();
    expect(said(launch)).toBe(`Welcome to Bio Light. ${WHO_FOR}`);
    // Asked at the launch: the caution at the launch then follows for that person.
    expect(said(await someone.utter("for Ben"))).toContain("Does any of this apply to you?");
    expect(said(await someone.utter("no"))).toContain("none of those apply");
    expect(said(await someone.utter("start a mid back session"))).toMatch(/^Ben, starting your mid back session/);
    await someone.utter("stop the panel");
    expect(bridge.ledger.sessions().map((s) => s.person)).toEqual(["ben"]);

    // Next time: asked again (nothing is remembered for an unrecognised voice); Ben's caution answer is his.
    const next = speaker();
    expect(said(await next.utter("start a neck session"))).toBe(WHO_FOR);
    expect(said(await next.utter("it's Ben"))).toMatch(/^Ben, starting your neck and shoulders session/);
    expect((await stored()).voices).toEqual({});
    expect(bridge.ledger.sessions().map((s) => [s.person, s.region])).toEqual([
      ["ben", "mid-back"],
      ["ben", "neck-shoulders"],
    ]);
  });
});

describe("one person at home", () => {
  it.each([
    ["a recognised voice", ANNA_VOICE],
    ["an unrecognised speaker", undefined],
  ])("%s is never asked who it is, and replies do not name them", async (_, voice) => {
    const { bridge, speaker, stored } = await home([{ id: "anna", name: "Anna" }]);
    const alexa = speaker(voice);
    expect(said(await alexa.utter("start a low back session"))).toContain("Does any of this apply to you?");
    expect(said(await alexa.utter("no"))).toMatch(
      /^Thanks\. I've noted that none of those apply\. Starting your low back and hips session/,
    );
    expect(bridge.ledger.sessions().map((s) => s.person)).toEqual(["anna"]);
    expect((await stored()).voices).toEqual({});
  });
});

describe("progress logs and caution answers are kept per person", () => {
  it("Anna's logs and sessions are hers; Ben hears only his", async () => {
    const { bridge, speaker, stored } = await home(TWO);
    const anna = speaker(ANNA_VOICE);
    await anna.utter("start a neck session");
    await anna.utter("it's Anna");
    await anna.utter("no");
    await anna.utter("stop the panel");
    expect(said(await anna.utter("I had a spasm"))).toContain("1 in the last 7 days");
    expect(said(await anna.utter("tenderness four"))).toContain("4 out of ten");
    const hers = said(await anna.utter("how am I doing"));
    expect(hers).toContain("Anna, this week you had 1 session");
    expect(hers).toContain("1 logged spasm");

    const ben = speaker(BEN_VOICE);
    await ben.utter("how am I doing");
    expect(said(await ben.utter("it's Ben"))).toContain("Ben, I don't have anything logged yet.");
    // Ben has not answered the caution himself: his first start reads it, though Anna's answer opened the household gate.
    expect(said(await speaker(BEN_VOICE).utter("start a mid back session"))).toContain("Does any of this apply to you?");

    const data = await stored();
    expect(Object.keys(data.people).sort()).toEqual(["anna"]);
    expect(data.people.anna).toMatchObject({ spasms: [expect.any(Number)], tenderness: [expect.objectContaining({ score: 4 })] });
    expect(data.people.anna.caution?.version).toBe(CAUTION_VERSION);
    expect(data.spasms).toEqual([]);
    expect(bridge.ledger.sessions().map((s) => s.person)).toEqual(["anna"]);
  });

  it("the account's data from before people moves, whole, to the default person", async () => {
    const { speaker, stored, dataDir } = await home(TWO, {
      config: { panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }] },
    });
    const earlier = Date.now() - 2 * DAY_MS;
    await new FilePersistenceAdapter(dataDir).saveAttributes(launchRequest({ userId: ACCOUNT }), {
      caution: { version: CAUTION_VERSION, acknowledgedAt: earlier },
      spasms: [earlier],
      tenderness: [{ at: earlier, score: 6 }],
      rom: [{ at: earlier, change: "same" }],
    });
    const ben = speaker(BEN_VOICE);
    await ben.utter("how am I doing");
    const summary = said(await ben.utter("it's Ben"));
    expect(summary).toContain("1 logged spasm");
    expect(summary).toContain("average knot tenderness 6");
    const data = await stored();
    expect(data.people.ben).toEqual({
      caution: { version: CAUTION_VERSION, acknowledgedAt: earlier },
      spasms: [earlier],
      tenderness: [{ at: earlier, score: 6 }],
      rom: [{ at: earlier, change: "same" }],
    });
    expect({ caution: data.caution, spasms: data.spasms, tenderness: data.tenderness, rom: data.rom }).toEqual({
      caution: undefined,
      spasms: [],
      tenderness: [],
      rom: [],
    });
    // Ben's answer came with the move: his start is not asked the caution again.
    expect(said(await speaker(BEN_VOICE).utter("start a low back session"))).toMatch(/^Ben, starting your low back and hips session/);
  });
});

describe("a red flag in a home with several people", () => {
  it("from a known voice withdraws that person's answer; the others hear the caution again from the bridge", async () => {
    const { bridge, speaker, stored } = await home(TWO);
    for (const [voice, name] of [
      [ANNA_VOICE, "Anna"],
      [BEN_VOICE, "Ben"],
    ]) {
      const alexa = speaker(voice);
      await alexa.utter("start a neck session");
      await alexa.utter(`it's ${name}`);
      expect(said(await alexa.utter("no"))).toContain(`${name}, starting your neck and shoulders session`);
      await alexa.utter("stop the panel");
    }
    expect(said(await speaker(ANNA_VOICE).utter("I have numbness in my leg"))).toContain("paused the panel for everyone");
    expect(bridge.controller.caution.acknowledged()).toBe(false);
    const { people } = await stored();
    expect({ anna: people.anna.caution, ben: people.ben.caution !== undefined }).toEqual({ anna: undefined, ben: true });
    // Ben's own answer stands, but the household's gate is closed: his next start reads the caution, saying why.
    expect(said(await speaker(BEN_VOICE).utter("start a mid back session"))).toMatch(/^Someone in your household reported a red flag/);
  });

  it("from a speaker nobody recognised withdraws the answer of everyone this account knows", async () => {
    const { speaker, stored } = await home(TWO);
    const anna = speaker(ANNA_VOICE);
    await anna.utter("start a neck session");
    await anna.utter("it's Anna");
    await anna.utter("no");
    await anna.utter("stop the panel");
    // Not a moment's delay to ask who it is: the red flag is handled at once.
    expect(said(await speaker().utter("I have numbness in my leg"))).toContain("prompt medical evaluation");
    expect((await stored()).people.anna.caution).toBeUndefined();
  });
});

describe("a voice is remembered only for the person it says it is", () => {
  it.each(["it's for Anna", "the session is for Anna"])(
    "'%s' from Ben's voice books that request for Anna and remembers nothing; Ben's voice is asked again next time",
    async (answer) => {
      const { bridge, speaker, stored } = await home(TWO);
      const ben = speaker(BEN_VOICE);
      expect(said(await ben.utter("start a neck session"))).toBe(WHO_VOICE);
      const reply = said(await ben.utter(answer));
      expect(reply).not.toContain("I'll know your voice");
      expect(reply).toContain("Does any of this apply to you?");
      expect((await stored())?.voices ?? {}).toEqual({}); // nothing may be stored yet
      expect(said(await ben.utter("no"))).toContain("Anna, starting your neck and shoulders session");
      await ben.utter("stop the panel");
      expect(bridge.ledger.sessions().map((s) => s.person)).toEqual(["anna"]);
      expect(said(await speaker(BEN_VOICE).utter("how am I doing"))).toBe(WHO_VOICE);
      expect((await stored())?.voices ?? {}).toEqual({}); // nothing may be stored yet
    },
  );

  it("a different voice answering the question asked of Ben's voice is not remembered for either voice", async () => {
    const { skill, stored } = await home(TWO);
    let voice = BEN_VOICE;
    const device = alexaFor(skill, fake.api(), {
      userId: ACCOUNT,
      get personId() {
        return voice;
      },
    });
    expect(said(await device.utter("how am I doing"))).toBe(WHO_VOICE);
    voice = ANNA_VOICE;
    const reply = said(await device.utter("it's Anna"));
    expect(reply).not.toContain("I'll know your voice");
    expect(reply).toContain("Anna, I don't have anything logged yet.");
    expect((await stored())?.voices ?? {}).toEqual({}); // nothing may be stored yet
  });

  it.each(["that's not me", "forget my voice", "I'm not Ben"])(
    "'%s' forgets the speaker's voice (only theirs); the next request asks who it is",
    async (utterance) => {
      const { speaker, stored } = await home(TWO);
      for (const [v, name] of [
        [BEN_VOICE, "Ben"],
        [ANNA_VOICE, "Anna"],
      ]) {
        const alexa = speaker(v);
        await alexa.utter("how am I doing");
        expect(said(await alexa.utter(`I'm ${name}`))).toContain(`Thanks, ${name}. I'll know your voice from now on.`);
      }
      const ben = speaker(BEN_VOICE);
      expect(said(await ben.utter("I had a spasm"))).toContain("Noted a spasm.");
      const reply = await ben.utter(utterance);
      expect(said(reply)).toMatch(/^Okay, I've forgotten that your voice is Ben's\. Next time, I'll ask who you are\./);
      expect(ended(reply)).toBe(false);
      expect((await stored()).voices).toEqual({ [ANNA_VOICE]: { id: "anna", name: "Anna" } });
      // In this skill session too: the spasm just noted stays Ben's, the next request asks.
      expect(said(await ben.utter("I had a spasm"))).toBe(WHO_VOICE);
      expect(said(await speaker(BEN_VOICE).utter("how am I doing"))).toBe(WHO_VOICE);
      expect((await stored()).people.ben.spasms).toHaveLength(1);
    },
  );

  it("'forget my voice' from a voice the skill has not linked, or one Alexa does not recognise, changes nothing and says so", async () => {
    const { speaker, stored } = await home(TWO);
    const anna = speaker(ANNA_VOICE);
    await anna.utter("how am I doing");
    await anna.utter("it's Anna");
    expect(said(await speaker(BEN_VOICE).utter("forget my voice"))).toMatch(/^I haven't linked your voice to anyone\./);
    expect(said(await speaker().utter("forget my voice"))).toMatch(/^I don't recognize your voice, so I haven't linked it to anyone\./);
    expect((await stored()).voices).toEqual({ [ANNA_VOICE]: { id: "anna", name: "Anna" } });
    // "I'm not Ben" from Anna's voice: she is not, and her voice stays hers.
    expect(said(await speaker(ANNA_VOICE).utter("I'm not Ben"))).toMatch(
      /^I know your voice as Anna\. If that's wrong, say: forget my voice\./,
    );
    expect((await stored()).voices).toEqual({ [ANNA_VOICE]: { id: "anna", name: "Anna" } });
  });

  it("a name outside the who-question is answered as not understood; a red flag said alone is a red flag", async () => {
    const { speaker, stored } = await home(TWO);
    const anna = speaker(ANNA_VOICE);
    await anna.utter("how am I doing");
    await anna.utter("it's Anna");
    const alexa = speaker(ANNA_VOICE);
    expect(said(await alexa.utter("it's dizziness"))).toBe(
      "Sorry, I didn't get that. You can say, start a low back session, or say help to hear more.",
    );
    expect(said(await alexa.utter("it's Ben"))).toBe(
      "Sorry, I didn't get that. You can say, start a low back session, or say help to hear more.",
    );
    expect(said(await alexa.utter("I am losing weight"))).toContain("prompt medical evaluation");
    expect((await stored()).voices).toEqual({ [ANNA_VOICE]: { id: "anna", name: "Anna" } });
  });
});

describe("progress logs while the bridge is away", () => {
  it("right after the upgrade (nothing per person yet), an unrecognised speaker's logs are kept for the account and move to the default person once the bridge is back", async () => {
    const config = { panels: [{ id: "panel-1", name: "Panel", defaultPerson: "ben" }] };
    const { bridge, speaker, stored, dataDir } = await home(TWO, { config });
    await bridge.close();
    const someone = speaker();
    const spasm = await someone.utter("I had a spasm");
    expect(said(spasm)).toMatch(
      /^Noted a spasm\. .*I couldn't reach your Bio Light bridge to tell whose log this is, so I've saved it with the household's logs\./,
    );
    expect(ended(spasm)).toBe(false);
    expect(said(await someone.utter("tenderness four"))).toMatch(
      /^Noted knot tenderness of 4 out of ten\. .*saved it with the household's logs/,
    );
    expect(said(await someone.utter("my range of motion is better"))).toMatch(/^Noted that your range of motion feels better\. .*saved it/);
    const away = await stored();
    expect({ spasms: away.spasms.length, tenderness: away.tenderness, rom: away.rom.length, people: away.people }).toEqual({
      spasms: 1,
      tenderness: [expect.objectContaining({ score: 4 })],
      rom: 1,
      people: {},
    });

    // The bridge is back: the first request that reaches it moves the account's logs to Ben (the default person).
    const back = await startControlBridge({ acknowledged: true, config: { people: TWO, dose: DOSE, ...config } });
    fake.cleanups.push(() => back.close());
    const { skill } = await testSkill(back.url, back.token, { dataDir });
    const ben = alexaFor(skill, fake.api(), { userId: ACCOUNT, personId: BEN_VOICE });
    await ben.utter("how am I doing");
    const summary = said(await ben.utter("it's Ben"));
    expect(summary).toContain("1 logged spasm");
    expect(summary).toContain("average knot tenderness 4");
    const data = await stored();
    expect(data.people.ben).toMatchObject({ spasms: [expect.any(Number)], rom: [expect.objectContaining({ change: "better" })] });
    expect(data.spasms).toEqual([]);
  });

  it("a recognised voice the skill knows still logs under that person; an unrecognised one in the same home is kept for the account", async () => {
    const { bridge, speaker, stored } = await home(TWO);
    const anna = speaker(ANNA_VOICE);
    await anna.utter("how am I doing");
    await anna.utter("it's Anna");
    await bridge.close();
    expect(said(await speaker(ANNA_VOICE).utter("I had a spasm"))).toMatch(/^Noted a spasm\. That's 1 in the last 7 days\./);
    expect(said(await speaker().utter("I had a spasm"))).toContain("saved it with the household's logs");
    expect(said(await speaker(BEN_VOICE).utter("I had a spasm"))).toContain("saved it with the household's logs");
    const data = await stored();
    expect(data.people.anna.spasms).toHaveLength(1);
    expect(data.spasms).toHaveLength(2);
    expect(data.voices).toEqual({ [ANNA_VOICE]: { id: "anna", name: "Anna" } });
  });
});
