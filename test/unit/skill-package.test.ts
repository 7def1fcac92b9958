/** The skill package: models in sync with their source, skill.json honest, every intent handled. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { interactionModel, modelPath } from "../../lambda/model/interaction-model.js";
import { SKILL_LOCALES as LOCALES } from "../../lambda/speech/index.js";
import { REGION_IDS, REGIONS } from "../../matter-bridge/contract/index.js";
import { intentRequest, invoke } from "../helpers/envelopes.js";
import { alexaFor, said, testSkill } from "../helpers/voice.js";

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const skillJson = read("models/skill.json");

describe("interaction models", () => {
  it.each(LOCALES)("%s is what `npm run models` generates (run it after editing the source)", (locale) => {
    expect(read(modelPath(locale))).toEqual(interactionModel(locale));
  });

  it.each(LOCALES)("%s: invocation 'bio light', Region values are the contract's region catalogue", (locale) => {
    const lm = read(modelPath(locale)).interactionModel.languageModel;
    expect(lm.invocationName).toBe("bio light");
    const region = lm.types.find((t: { name: string }) => t.name === "Region");
    expect(region.values.map((v: { id: string }) => v.id).sort()).toEqual([...REGION_IDS].sort());
    for (const v of region.values as Array<{ id: keyof typeof REGIONS; name: { value: string; synonyms: string[] } }>) {
      expect(v.name.value).toBe(REGIONS[v.id].spokenName);
      expect(v.name.synonyms).toEqual(expect.arrayContaining([...REGIONS[v.id].synonyms]));
    }
    for (const intent of lm.intents.filter((i: { name: string }) => !i.name.startsWith("AMAZON.")))
      expect(intent.samples.length).toBeGreaterThanOrEqual(10);
  });

  it("every intent in the model reaches a handler (none falls through to the error speech)", async () => {
    const { skill } = await testSkill("http://127.0.0.1:9", "t", { timeoutMs: 200 });
    const intents: string[] = read(modelPath("en-US")).interactionModel.languageModel.intents.map((i: { name: string }) => i.name);
    for (const name of intents) {
      const r = await invoke(skill, intentRequest(name, {}, { userId: "amzn1.ask.account.COVERAGE" }));
      expect({ name, text: r.text }).not.toEqual({ name, text: expect.stringContaining("something went wrong") });
      expect(r.text.length).toBeGreaterThan(0);
    }
  });
});

type ModelIntent = { name: string; slots?: Array<{ name: string; type: string; samples?: string[] }>; samples: string[] };
const languageModel = (locale: (typeof LOCALES)[number]) => read(modelPath(locale)).interactionModel.languageModel;

describe("sample utterances (rules Alexa's model build enforces, and enough ways to say things)", () => {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

  it.each(LOCALES)("%s: no sample is in two intents or twice in one (Alexa rejects the model)", (locale) => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const intent of languageModel(locale).intents as ModelIntent[]) {
      for (const sample of intent.samples) {
        const key = norm(sample);
        const other = owner.get(key);
        if (other !== undefined) clashes.push(`"${sample}": ${other} and ${intent.name}`);
        owner.set(key, intent.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.each(LOCALES)("%s: samples are words, apostrophes and declared {slots}, of a sane length", (locale) => {
    const bad: string[] = [];
    let total = 0;
    for (const intent of languageModel(locale).intents as ModelIntent[]) {
      const slots = new Set((intent.slots ?? []).map((s) => s.name));
      for (const sample of intent.samples) {
        total++;
        const words = sample.split(" ");
        const undeclared = [...sample.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((name) => !slots.has(name));
        if (
          !/^[A-Za-z' {}]+$/.test(sample) ||
          sample !== sample.trim() ||
          sample.includes("  ") ||
          sample.length > 120 ||
          words.length > 16 ||
          undeclared.length > 0 ||
          /\}\s*\{/.test(sample)
        )
          bad.push(`${intent.name}: "${sample}"`);
      }
      // Alexa documents no per-intent cap; these keep the model build quick and the generator honest.
      expect(intent.samples.length).toBeLessThanOrEqual(2000);
    }
    expect(bad).toEqual([]);
    expect(total).toBeLessThanOrEqual(6000);
  });

  it.each(LOCALES)("%s: at least 30 samples for each everyday intent", (locale) => {
    const intents = languageModel(locale).intents as ModelIntent[];
    const everyday = [
      "StartSessionIntent",
      "StopSessionIntent",
      "TimeLeftIntent",
      "DoseStatusIntent",
      "CautionIntent",
      "ProgressIntent",
      "LogSpasmIntent",
      "LogTendernessIntent",
      "LogRangeOfMotionIntent",
    ];
    for (const name of everyday)
      expect({ name, enough: (intents.find((i) => i.name === name)?.samples.length ?? 0) >= 30 }).toEqual({ name, enough: true });
  });

  it.each(LOCALES)("%s: no dialog model and no slot prompts: the StartSession handler asks for a missing region itself", (locale) => {
    const model = read(modelPath(locale)).interactionModel;
    expect(model.dialog).toBeUndefined();
    expect(model.prompts).toBeUndefined();
    for (const intent of model.languageModel.intents as ModelIntent[])
      for (const slot of intent.slots ?? [])
        expect({ intent: intent.name, slot: slot.name, samples: slot.samples }).toEqual({
          intent: intent.name,
          slot: slot.name,
          samples: undefined,
        });
  });
});

describe("region words", () => {
  const words = REGION_IDS.flatMap((id) => [REGIONS[id].spokenName, ...REGIONS[id].synonyms, ...(REGIONS[id].britishSynonyms ?? [])]);

  it("the words people use name a region, each word only one", () => {
    const of = (word: string) => REGION_IDS.filter((id) => [REGIONS[id].spokenName, ...REGIONS[id].synonyms].includes(word));
    expect(new Set(words.map((w) => w.toLowerCase())).size).toBe(words.length);
    expect(of("neck")).toEqual(["neck-shoulders"]);
    expect(of("shoulders")).toEqual(["neck-shoulders"]);
    expect(of("upper back")).toEqual(["mid-back"]);
    expect(of("lower back")).toEqual(["low-back-hips"]);
    expect(of("low back")).toEqual(["low-back-hips"]);
    expect(of("hips")).toEqual(["low-back-hips"]);
  });

  it("'back' alone is no region: the skill asks which one instead of guessing", async () => {
    for (const ambiguous of ["back", "my back", "the back", "spine"]) expect(words).not.toContain(ambiguous);
    const { skill } = await testSkill("http://127.0.0.1:9", "t", { timeoutMs: 200 });
    // Real Alexa sends the word unresolved (ER_SUCCESS_NO_MATCH).
    const r = await invoke(
      skill,
      intentRequest("StartSessionIntent", { region: { value: "back", id: null } }, { userId: "amzn1.ask.account.BACK" }),
    );
    for (const id of REGION_IDS) expect(r.text).toContain(REGIONS[id].spokenName);
    expect(r.text).toMatch(/Which/);
    expect(r.ended).toBe(false);
  });
});

describe("skill.json", () => {
  const manifest = skillJson.manifest;
  it("is Health & Fitness with the professional-advice disclaimer in every locale", () => {
    expect(manifest.publishingInformation.category).toBe("HEALTH_AND_FITNESS");
    for (const locale of LOCALES)
      expect(manifest.publishingInformation.locales[locale].description).toMatch(/not a substitute for professional/i);
    expect(manifest.permissions).toEqual([{ name: "alexa::alerts:timers:skill:readwrite" }]);
  });

  it("its description names every region of the catalogue (the manifest is plain JSON: this keeps it in step)", () => {
    for (const locale of LOCALES)
      for (const id of REGION_IDS) expect(manifest.publishingInformation.locales[locale].description).toContain(REGIONS[id].spokenName);
  });

  it("its example phrases are real samples: each matches an utterance of the real model and is handled", async () => {
    const { skill } = await testSkill("http://127.0.0.1:9", "t", { timeoutMs: 200 });
    const alexa = alexaFor(skill, { url: "http://127.0.0.1:9" });
    for (const locale of LOCALES) {
      for (const phrase of manifest.publishingInformation.locales[locale].examplePhrases as string[]) {
        const m = /^Alexa, (?:ask|open|launch) bio light(?: to)? ?(.*)$/.exec(phrase);
        expect(m).not.toBeNull();
        const reply = await alexa.utter(m![1]);
        expect(said(reply)).not.toContain("didn't get that");
      }
    }
  });
});
