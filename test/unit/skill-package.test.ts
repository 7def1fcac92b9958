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
