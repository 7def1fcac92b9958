/**
 * The red-flag symptoms as people say them, in every language the skill speaks (one file each): the
 * interaction models' Symptom slot values (RedFlagIntent), and what the skill checks a heard "name"
 * against, so a red flag is never taken for a person. The ids are the guide's red flags
 * (vocabulary.ts); every language has each.
 */
import { GERMAN_SYMPTOMS } from "./de.js";
import { ENGLISH_SYMPTOMS } from "./en.js";
import { SPANISH_SYMPTOMS } from "./es.js";
import { FRENCH_SYMPTOMS } from "./fr.js";
import { ITALIAN_SYMPTOMS } from "./it.js";

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
/** Every language's words: a red flag is heard as one whatever the request's language. */
const PHRASES = new Set(
  [ENGLISH_SYMPTOMS, GERMAN_SYMPTOMS, FRENCH_SYMPTOMS, SPANISH_SYMPTOMS, ITALIAN_SYMPTOMS]
    .flatMap((words) => Object.values(words).flatMap((w) => [w.value, ...w.synonyms]))
    .map(normalise),
);

/** `heard` is one of the red-flag symptoms, word for word, in any language the skill speaks. */
export const isSymptomPhrase = (heard: string): boolean => PHRASES.has(normalise(heard));
