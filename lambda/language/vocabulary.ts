/**
 * The skill's own ids, beyond the contract's regions and workouts: each list is the one definition
 * that the interaction model's slot values, the handlers, the stored user data and the speech are keyed by.
 */

/** The guide's red flags (RedFlagIntent's symptom slot; the words are symptoms/<language>.ts). */
export const SYMPTOM_IDS = [
  "face-spasm",
  "tongue-spasm",
  "swallowing",
  "weakness",
  "numbness",
  "bladder-bowel",
  "fever",
  "weight-loss",
  "severe-spasm",
] as const;
export type SymptomId = (typeof SYMPTOM_IDS)[number];

/** What the FAQ answers (FaqIntent's topic slot). */
export const FAQ_TOPICS = ["cramp", "massage", "daily"] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

/** How range of motion feels (LogRangeOfMotionIntent's change slot; kept in the user's logs). */
export const ROM_CHANGES = ["better", "same", "worse"] as const;
export type RomChange = (typeof ROM_CHANGES)[number];

/** Knot tenderness is logged on this scale (whole numbers). */
export const TENDERNESS_SCALE = { min: 0, max: 10 } as const;

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** The languages the skill speaks; each skill locale speaks one of them (language/speech/index.ts). */
export const LANGUAGES = ["en", "de", "fr", "es", "it"] as const;
export type Language = (typeof LANGUAGES)[number];

/** One slot value's words: what Alexa resolves to its id (the models' slot types, the symptoms heard as a "name"). */
export interface SlotWords {
  value: string;
  synonyms: readonly string[];
}
