/**
 * Source of the Alexa interaction models: `npm run models` writes
 * models/interactionModels/custom/<locale>.json for every locale the skill speaks. The shape (intent
 * names, slots, slot value ids) is shape.ts, the same for every locale; the words are each
 * language's own (en.ts for the English variants, de.ts, fr.ts, es.ts, it.ts).
 */
import { writeFileSync } from "node:fs";
import { SKILL_LOCALES, type SkillLocale, speechFor } from "../language/speech/index.js";
import { german } from "./de.js";
import { type EnglishLocale, english } from "./en.js";
import { spanish } from "./es.js";
import { french } from "./fr.js";
import { italian } from "./it.js";
import { INTENT_SLOTS, type IntentName, type LanguageSource, type SlotWords } from "./shape.js";

/** The words a locale's model is built from. */
export function languageSource(locale: SkillLocale): LanguageSource {
  const speech = speechFor(locale);
  switch (locale) {
    case "de-DE":
      return german(speech);
    case "fr-FR":
      return french(speech);
    case "es-ES":
      return spanish(speech);
    case "it-IT":
      return italian(speech);
    default:
      return english(locale satisfies EnglishLocale, speech.romChanges);
  }
}

const slotType = (name: string, values: Record<string, SlotWords>) => ({
  name,
  values: Object.entries(values).map(([id, w]) => ({
    id,
    name: { value: w.value, synonyms: [...new Set(w.synonyms)].filter((s) => s.toLowerCase() !== w.value.toLowerCase()) },
  })),
});

export function interactionModel(locale: SkillLocale) {
  const source = languageSource(locale);
  return {
    interactionModel: {
      languageModel: {
        invocationName: source.invocationName,
        intents: (Object.keys(INTENT_SLOTS) as IntentName[]).map((name) => ({
          name,
          ...(INTENT_SLOTS[name].length ? { slots: INTENT_SLOTS[name].map(([slot, type]) => ({ name: slot, type })) } : {}),
          // "est-ce que" as "est ce que": speech recognition sends words, and hyphens only split matching.
          samples: [...new Set(source.samples[name].map((sample) => sample.replace(/-/g, " ")))],
        })),
        types: Object.entries(source.types).map(([name, values]) => slotType(name, values)),
      },
    },
  };
}

/** Where `npm run models` writes a locale's model, relative to the repository root. */
export const modelPath = (locale: SkillLocale) => `models/interactionModels/custom/${locale}.json`;

if (process.argv[1]?.endsWith("interaction-model.ts")) {
  for (const locale of SKILL_LOCALES) {
    writeFileSync(modelPath(locale), `${JSON.stringify(interactionModel(locale), null, 2)}\n`);
    console.log(`wrote ${modelPath(locale)}`);
  }
}
