/**
 * The English slot values: region words are the contract's catalogue; the other slots are keyed by the
 * ids the handlers read. The variants outside the US add the words heard there ("physio", "bum").
 */
import { REGION_IDS, REGIONS, type WorkoutKind } from "../../../matter-bridge/contract/regions.js";
import { ENGLISH_SYMPTOMS } from "../../language/symptoms/en.js";
import { type FaqTopic, ROM_CHANGES, type RomChange, type SlotWords } from "../../language/vocabulary.js";
import type { LanguageSource } from "../shape.js";
import type { EnglishLocale } from "./samples.js";

/** An English slot value: `commonwealth` words are added outside the US. */
interface EnglishWords extends SlotWords {
  commonwealth?: readonly string[];
}

const WORKOUT_VALUES: Record<WorkoutKind, EnglishWords> = {
  legs: {
    value: "leg day",
    synonyms: [
      "a hike",
      "hiking",
      "a long walk",
      "a walk",
      "a hill walk",
      "legs",
      "leg workout",
      "squats",
      "lower body",
      "deadlifts",
      "lunges",
      "leg session",
    ],
  },
  run: {
    value: "a run",
    synonyms: [
      "run",
      "running",
      "my run",
      "a jog",
      "jog",
      "jogging",
      "a long run",
      "marathon training",
      "a race",
      "sprints",
      "parkrun",
      "a parkrun",
      "a half marathon",
      "a five k",
      "a ten k",
    ],
  },
  cycling: {
    value: "a bike ride",
    synonyms: ["cycling", "bike ride", "a ride", "spin class", "spinning", "biking", "peloton", "a cycle", "the bike", "a long ride"],
  },
  "upper-body": {
    value: "upper body",
    synonyms: [
      "upper body workout",
      "arms",
      "arm day",
      "chest day",
      "push day",
      "bench press",
      "swimming",
      "a swim",
      "shoulder day",
      "the pool",
      "a swim at the pool",
      "weights",
      "lifting",
    ],
  },
  back: { value: "back day", synonyms: ["pull day", "rowing", "a row", "climbing", "bouldering", "pull ups", "back workout"] },
  "full-body": {
    value: "full body",
    synonyms: [
      "a workout",
      "full body workout",
      "crossfit",
      "hiit",
      "a gym session",
      "the gym",
      "training",
      "circuit training",
      "a class",
      "yoga",
      "pilates",
      "football",
      "footy",
      "five a side",
      "rugby",
      "netball",
      "tennis",
      "squash",
      "badminton",
      "a workout at the gym",
      "gym",
      "the leisure centre",
      "the rec center",
      "the sports centre",
      "a fitness class",
    ],
  },
  desk: {
    value: "a long day at the desk",
    synonyms: ["desk work", "a work day", "computer work", "a long day at work", "sitting all day", "a day at my desk", "a long drive"],
    commonwealth: ["a long day at the office"],
  },
};

/** Synonyms of each range-of-motion change; its value is how the skill says it. */
const ROM_SYNONYMS: Record<RomChange, readonly string[]> = {
  better: ["improved", "easier", "looser", "more range", "freer", "much better", "a bit better"],
  same: ["same", "no change", "unchanged", "about the same", "no different"],
  worse: ["stiffer", "tighter", "less range", "a bit worse", "much worse"],
};

const FAQ_VALUES: Record<FaqTopic, EnglishWords> = {
  cramp: {
    value: "a cramp",
    synonyms: ["cramp", "cramps", "a cramp right now", "a cramp in the moment", "a sudden cramp", "a muscle cramp"],
  },
  massage: {
    value: "massage",
    synonyms: ["physical therapy", "physiotherapy", "a massage", "massages", "my physical therapist", "manual therapy"],
    commonwealth: ["physio", "my physio"],
  },
  daily: { value: "every day", synonyms: ["daily", "each day", "daily use", "every single day", "all the time"] },
};

const words = (locale: EnglishLocale, w: EnglishWords): SlotWords => ({
  value: w.value,
  synonyms: [...w.synonyms, ...(locale === "en-US" ? [] : (w.commonwealth ?? []))],
});
const keyed = <K extends string>(ids: readonly K[], of: (id: K) => SlotWords): Record<K, SlotWords> =>
  Object.fromEntries(ids.map((id) => [id, of(id)])) as Record<K, SlotWords>;

/** What the skill calls a range-of-motion change (the RomChange values) comes from the speech. */
export const englishSlotTypes = (locale: EnglishLocale, romWords: Record<RomChange, string>): LanguageSource["types"] => ({
  Region: keyed(REGION_IDS, (id) =>
    words(locale, { value: REGIONS[id].spokenName, synonyms: REGIONS[id].synonyms, commonwealth: REGIONS[id].britishSynonyms }),
  ),
  WorkoutKind: keyed(Object.keys(WORKOUT_VALUES) as WorkoutKind[], (id) => words(locale, WORKOUT_VALUES[id])),
  Symptom: ENGLISH_SYMPTOMS,
  RomChange: keyed(ROM_CHANGES, (id) => ({ value: romWords[id], synonyms: ROM_SYNONYMS[id] })),
  FaqTopic: keyed(Object.keys(FAQ_VALUES) as FaqTopic[], (id) => words(locale, FAQ_VALUES[id])),
});
