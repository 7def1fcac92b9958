/** The skill package: models in sync with their source, skill.json honest, every intent handled. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { SKILL_LOCALES as LOCALES, type SkillLocale, speechFor } from "../../lambda/language/speech/index.js";
import { interactionModel, modelPath } from "../../lambda/model/build.js";
import { REGION_IDS, REGIONS } from "../../matter-bridge/contract/index.js";
import { intentRequest, invoke } from "../helpers/envelopes.js";
import { alexaFor, said, testSkill } from "../helpers/voice.js";

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const skillJson = read("models/skill.json");

/** What a household says to open the skill, per locale (docs/skill.md, "Languages"). */
const INVOCATIONS: Record<SkillLocale, string> = {
  "en-US": "bio light",
  "en-GB": "bio light",
  "en-CA": "bio light",
  "en-AU": "bio light",
  "en-IN": "bio light",
  "de-DE": "bio licht",
  "fr-FR": "bio lumière",
  "es-ES": "bio luz",
  "it-IT": "bio luce",
};
/** The launch words before the invocation name in each language's example phrases. */
const LAUNCH: Record<string, string> = {
  en: "(?:ask|open|launch|tell) bio light(?: to)?",
  de: "(?:frage|öffne|starte|sage) bio licht(?:,|:)?",
  fr: "(?:demande à|ouvre|lance) bio lumière(?: de| d')?",
  es: "(?:pregunta a|abre|pide a) bio luz(?: que)?",
  it: "(?:chiedi a|apri|avvia) bio luce(?: di)?",
};

describe("interaction models", () => {
  it.each(LOCALES)("%s is what `npm run models` generates (run it after editing the source)", (locale) => {
    expect(read(modelPath(locale))).toEqual(interactionModel(locale));
  });

  it.each(LOCALES)("%s: its invocation name, Region values as the locale's speech names the regions", (locale) => {
    const lm = read(modelPath(locale)).interactionModel.languageModel;
    expect(lm.invocationName).toBe(INVOCATIONS[locale]);
    const region = lm.types.find((t: { name: string }) => t.name === "Region");
    expect(region.values.map((v: { id: string }) => v.id).sort()).toEqual([...REGION_IDS].sort());
    for (const v of region.values as Array<{ id: keyof typeof REGIONS; name: { value: string; synonyms: string[] } }>) {
      expect(v.name.value).toBe(speechFor(locale).regionNames[v.id]);
      if (locale.startsWith("en-")) expect(v.name.synonyms).toEqual(expect.arrayContaining([...REGIONS[v.id].synonyms]));
      else expect(v.name.synonyms.length).toBeGreaterThanOrEqual(8);
    }
    for (const intent of lm.intents.filter((i: { name: string }) => !i.name.startsWith("AMAZON.")))
      expect(intent.samples.length).toBeGreaterThanOrEqual(9);
  });

  it.each(LOCALES.filter((l) => l !== "en-US"))("%s has en-US's intents, slots, slot types and slot value ids", (locale) => {
    const shape = (l: (typeof LOCALES)[number]) => {
      const lm = read(modelPath(l)).interactionModel.languageModel;
      return {
        intents: lm.intents.map((i: ModelIntent) => ({ name: i.name, slots: i.slots ?? [] })),
        types: lm.types.map((t: { name: string; values: Array<{ id: string }> }) => ({ name: t.name, ids: t.values.map((v) => v.id) })),
      };
    };
    expect(shape(locale)).toEqual(shape("en-US"));
  });

  it.each(LOCALES)("%s: no sample is a bare built-in slot, which would catch whatever matches nothing else", (locale) => {
    const bare = (languageModel(locale).intents as ModelIntent[]).flatMap((i) =>
      i.samples
        .filter((sample) => /^\{[^}]+\}$/.test(sample))
        .filter((sample) => (i.slots ?? []).find((s) => `{${s.name}}` === sample)?.type.startsWith("AMAZON."))
        .map((sample) => `${i.name}: ${sample}`),
    );
    expect(bare).toEqual([]);
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
          !(locale.startsWith("en-") ? /^[A-Za-z' {}]+$/ : /^[\p{L}'\- {}]+$/u).test(sample) ||
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
      expect(manifest.publishingInformation.locales[locale].description).toMatch(
        /not a substitute for professional|ersetzt keine ärztliche|ne remplace pas un avis|no sustituye el consejo|non sostituisce il parere/i,
      );
    expect(manifest.permissions).toEqual([{ name: "alexa::alerts:timers:skill:readwrite" }]);
  });

  it("its description names every region of the catalogue (the manifest is plain JSON: this keeps it in step)", () => {
    for (const locale of LOCALES)
      for (const id of REGION_IDS)
        expect(manifest.publishingInformation.locales[locale].description.toLowerCase()).toContain(
          speechFor(locale).regionNames[id].toLowerCase(),
        );
  });

  it("its example phrases are real samples: each matches an utterance of the locale's real model and is handled in its language", async () => {
    const { skill } = await testSkill("http://127.0.0.1:9", "t", { timeoutMs: 200 });
    for (const locale of LOCALES) {
      const alexa = alexaFor(skill, { url: "http://127.0.0.1:9" }, { locale });
      const phrases = manifest.publishingInformation.locales[locale].examplePhrases as string[];
      expect(phrases.length).toBeGreaterThanOrEqual(3);
      for (const phrase of phrases) {
        const m = new RegExp(`^Alexa, ${LAUNCH[locale.slice(0, 2)]} ?(.*)$`, "i").exec(phrase);
        expect({ locale, phrase, matches: m !== null }).toEqual({ locale, phrase, matches: true });
        const text = said(
          await alexa.utter(
            m![1]
              .replace(/[.,?¿!]/g, "")
              .replace(/-/g, " ")
              .trim(),
          ),
        );
        expect({ phrase, understood: !text.startsWith(speechFor(locale).fallback()) && text.length > 0 }).toEqual({
          phrase,
          understood: true,
        });
      }
    }
  });
});
