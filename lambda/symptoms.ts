/**
 * The red-flag symptoms as people say them: the interaction model's Symptom slot values (RedFlagIntent),
 * and what the skill checks a heard "name" against, so a red flag is never taken for a person.
 */
export const SYMPTOMS: ReadonlyArray<{ id: string; value: string; synonyms: readonly string[] }> = [
  {
    id: "face-spasm",
    value: "spasms in my face",
    synonyms: ["face spasms", "my face is twitching", "face twitching", "facial spasms", "spasm in my face", "twitching in my face"],
  },
  { id: "tongue-spasm", value: "tongue spasms", synonyms: ["spasms in my tongue", "my tongue is spasming", "tongue twitching"] },
  {
    id: "swallowing",
    value: "trouble swallowing",
    synonyms: ["difficulty swallowing", "problems swallowing", "spasms when I swallow", "it hurts to swallow"],
  },
  {
    id: "weakness",
    value: "weakness",
    synonyms: ["muscle weakness", "my leg is weak", "my arm is weak", "weak legs", "sudden weakness", "significant weakness"],
  },
  {
    id: "numbness",
    value: "numbness",
    synonyms: ["numb", "numb legs", "my leg is numb", "pins and needles", "loss of feeling", "tingling and numbness", "numbness in my leg"],
  },
  {
    id: "bladder-bowel",
    value: "loss of bladder control",
    synonyms: [
      "loss of bowel control",
      "incontinence",
      "bladder problems",
      "bowel problems",
      "I can't control my bladder",
      "I can't control my bowels",
    ],
  },
  { id: "fever", value: "a fever", synonyms: ["fever", "a high temperature", "a temperature", "chills and fever"] },
  {
    id: "weight-loss",
    value: "unexplained weight loss",
    synonyms: ["weight loss", "losing weight", "losing weight without trying", "I am losing weight", "sudden weight loss"],
  },
  {
    id: "severe-spasm",
    value: "a severe spasm",
    synonyms: ["severe spasms", "a sudden violent spasm", "a really bad spasm", "severe muscle spasms", "an extreme spasm"],
  },
];

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const PHRASES = new Set(SYMPTOMS.flatMap((s) => [s.value, ...s.synonyms]).map(normalise));

/** `heard` is one of the red-flag symptoms, word for word (a value or synonym of the Symptom slot). */
export const isSymptomPhrase = (heard: string): boolean => PHRASES.has(normalise(heard));
