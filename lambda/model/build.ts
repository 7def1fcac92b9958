/**
 * The Alexa interaction model of each locale the skill speaks, built from the shape (shape.ts: intent
 * names, slots, slot value ids, the same for every locale) and the words of the locale's language
 * (<language>/samples.ts and slot-types.ts; en/ for every English variant). write.ts writes them.
 */
import { type SkillLocale, speechFor } from "../language/speech/index.js";
import type { SlotWords } from "../language/vocabulary.js";
import { GERMAN_INVOCATION, GERMAN_SAMPLES } from "./de/samples.js";
import { germanSlotTypes } from "./de/slot-types.js";
import { ENGLISH_INVOCATION, type EnglishLocale, englishSamples } from "./en/samples.js";
import { englishSlotTypes } from "./en/slot-types.js";
import { SPANISH_INVOCATION, SPANISH_SAMPLES } from "./es/samples.js";
import { spanishSlotTypes } from "./es/slot-types.js";
import { FRENCH_INVOCATION, FRENCH_SAMPLES } from "./fr/samples.js";
import { frenchSlotTypes } from "./fr/slot-types.js";
import { ITALIAN_INVOCATION, ITALIAN_SAMPLES } from "./it/samples.js";
import { italianSlotTypes } from "./it/slot-types.js";
import { INTENT_SLOTS, type IntentName, type LanguageSource } from "./shape.js";

/** The words a locale's model is built from. */
export function languageSource(locale: SkillLocale): LanguageSource {
  const speech = speechFor(locale);
  switch (locale) {
    case "de-DE":
      return { invocationName: GERMAN_INVOCATION, samples: GERMAN_SAMPLES, types: germanSlotTypes(speech) };
    case "fr-FR":
      return { invocationName: FRENCH_INVOCATION, samples: FRENCH_SAMPLES, types: frenchSlotTypes(speech) };
    case "es-ES":
      return { invocationName: SPANISH_INVOCATION, samples: SPANISH_SAMPLES, types: spanishSlotTypes(speech) };
    case "it-IT":
      return { invocationName: ITALIAN_INVOCATION, samples: ITALIAN_SAMPLES, types: italianSlotTypes(speech) };
    default: {
      const english = locale satisfies EnglishLocale;
      return { invocationName: ENGLISH_INVOCATION, samples: englishSamples(english), types: englishSlotTypes(english, speech.romChanges) };
    }
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
