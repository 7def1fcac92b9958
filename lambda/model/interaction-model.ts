/**
 * Source of the Alexa interaction models: `npm run models` writes
 * models/interactionModels/custom/<locale>.json for every locale the skill speaks from this one
 * description (en-GB adds British phrasings). The Region slot's ids, names and synonyms are the
 * contract's region catalogue; the other slots are keyed by the ids the skill's handlers read.
 */
import { writeFileSync } from "node:fs";
import { REGION_IDS, REGIONS, type WorkoutKind } from "../../matter-bridge/contract/index.js";
import { SKILL_LOCALES, type SkillLocale, speechFor } from "../speech/index.js";
import { type FaqTopic, ROM_CHANGES, type RomChange } from "../vocabulary.js";

interface SlotValue {
  id: string;
  value: string;
  synonyms: readonly string[];
  /** Extra synonyms for en-GB. */
  british?: readonly string[];
}

/** The Region slot: the catalogue's regions, named as the skill says them. */
const regionValues = (): SlotValue[] =>
  REGION_IDS.map((id) => ({ id, value: REGIONS[id].spokenName, synonyms: REGIONS[id].synonyms, british: REGIONS[id].britishSynonyms }));

const WORKOUT_VALUES: Record<WorkoutKind, SlotValue> = {
  legs: { id: "legs", value: "leg day", synonyms: ["legs", "leg workout", "squats", "lower body", "deadlifts", "lunges", "leg session"] },
  run: {
    id: "run",
    value: "a run",
    synonyms: ["run", "running", "my run", "a jog", "jog", "jogging", "a long run", "marathon training", "a race", "sprints"],
  },
  cycling: {
    id: "cycling",
    value: "a bike ride",
    synonyms: ["cycling", "bike ride", "a ride", "spin class", "spinning", "biking", "peloton"],
  },
  "upper-body": {
    id: "upper-body",
    value: "upper body",
    synonyms: ["upper body workout", "arms", "arm day", "chest day", "push day", "bench press", "swimming", "a swim", "shoulder day"],
  },
  back: { id: "back", value: "back day", synonyms: ["pull day", "rowing", "a row", "climbing", "bouldering", "pull ups", "back workout"] },
  "full-body": {
    id: "full-body",
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
    ],
  },
  desk: {
    id: "desk",
    value: "a long day at the desk",
    synonyms: ["desk work", "a work day", "computer work", "a long day at work", "sitting all day", "a day at my desk", "a long drive"],
    british: ["a long day at the office"],
  },
};

const SYMPTOM_VALUES: SlotValue[] = [
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
    synonyms: ["weight loss", "losing weight without trying", "I am losing weight", "sudden weight loss"],
  },
  {
    id: "severe-spasm",
    value: "a severe spasm",
    synonyms: ["severe spasms", "a sudden violent spasm", "a really bad spasm", "severe muscle spasms", "an extreme spasm"],
  },
];

/** Synonyms of each range-of-motion change; its value is how the skill says it. */
const ROM_SYNONYMS: Record<RomChange, readonly string[]> = {
  better: ["improved", "easier", "looser", "more range", "freer", "much better", "a bit better"],
  same: ["same", "no change", "unchanged", "about the same", "no different"],
  worse: ["stiffer", "tighter", "less range", "a bit worse", "much worse"],
};
const romValues = (locale: SkillLocale): SlotValue[] =>
  ROM_CHANGES.map((id) => ({ id, value: speechFor(locale).romChanges[id], synonyms: ROM_SYNONYMS[id] }));

const FAQ_VALUES: Record<FaqTopic, SlotValue> = {
  cramp: {
    id: "cramp",
    value: "a cramp",
    synonyms: ["cramp", "cramps", "a cramp right now", "a cramp in the moment", "a sudden cramp", "a muscle cramp"],
  },
  massage: {
    id: "massage",
    value: "massage",
    synonyms: ["physical therapy", "physiotherapy", "a massage", "massages", "my physical therapist", "manual therapy"],
    british: ["physio", "my physio"],
  },
  daily: { id: "daily", value: "every day", synonyms: ["daily", "each day", "daily use", "every single day", "all the time"] },
};

const regionSamples = [
  "start a {region} session",
  "start my {region} session",
  "start {region}",
  "start the {region} session",
  "begin a {region} session",
  "do a {region} session",
  "do my {region}",
  "do a session on my {region}",
  "light my {region}",
  "light up my {region}",
  "use the panel on my {region}",
  "turn on the panel for my {region}",
  "switch on the panel for my {region}",
  "start a session on my {region}",
  "start a session for my {region}",
  "session for my {region}",
  "red light for my {region}",
  "red light on my {region}",
  "my {region} please",
  "give my {region} some light",
  "run a {region} session",
  "start the light on my {region}",
];
const START_SAMPLES = [
  ...regionSamples,
  "start {region} for {duration}",
  "start a {region} session for {duration}",
  "do my {region} for {duration}",
  "light my {region} for {duration}",
  "start a session on my {region} for {duration}",
  "start {region} at {distance} centimeters",
  "start a {region} session at {distance} centimeters",
  "start a {region} session for {duration} at {distance} centimeters",
  "start a session for {duration}",
  "start a session",
  "start a light session",
  "turn on the panel",
  "switch on the panel",
  "start the panel",
  "begin a session",
  "start red light",
  "start my session",
  "start a red light session",
  // Answers to "which region?"
  "{region}",
  "my {region}",
  "the {region}",
  "{region} please",
];

interface Intent {
  name: string;
  slots?: Array<{ name: string; type: string; samples?: string[] }>;
  samples: string[];
  gbSamples?: string[];
}

const INTENTS: Intent[] = [
  {
    name: "StartSessionIntent",
    slots: [
      { name: "region", type: "Region", samples: ["{region}", "my {region}", "the {region}", "do my {region}", "the {region} please"] },
      { name: "duration", type: "AMAZON.DURATION", samples: ["{duration}", "for {duration}"] },
      { name: "distance", type: "AMAZON.NUMBER", samples: ["{distance} centimeters"] },
    ],
    samples: START_SAMPLES,
    gbSamples: ["start {region} at {distance} centimetres", "start a {region} session at {distance} centimetres"],
  },
  {
    name: "StopSessionIntent",
    samples: [
      "stop the panel",
      "stop the session",
      "stop my session",
      "turn off the panel",
      "turn the panel off",
      "switch off the panel",
      "switch the panel off",
      "turn off the light",
      "end the session",
      "end my session",
      "stop the light",
      "it's too hot",
      "it feels too hot",
      "it feels hot",
      "it's getting hot",
      "cancel the session",
      "that's enough light",
    ],
  },
  {
    name: "TimeLeftIntent",
    samples: [
      "how long is left",
      "how much time is left",
      "how many minutes are left",
      "how many minutes left",
      "how long until the panel turns off",
      "when does the panel turn off",
      "when does the session end",
      "how long left",
      "time left",
      "how much longer",
    ],
  },
  {
    name: "DoseStatusIntent",
    slots: [{ name: "region", type: "Region" }],
    samples: [
      "when can I do my {region} again",
      "when can I do {region} again",
      "when can I use it on my {region} again",
      "can I do my {region} again today",
      "how much is left for my {region}",
      "how much light has my {region} had",
      "how much have I used today",
      "how much light have I had today",
      "what's my dose today",
      "what is my dose today",
      "how much light is left today",
      "when can I do another session",
      "when is my next session allowed",
      "what's left for today",
      "check my dose",
    ],
  },
  {
    name: "WorkoutDoneIntent",
    slots: [{ name: "workout", type: "WorkoutKind" }],
    samples: [
      "I just finished a workout",
      "I just worked out",
      "I just finished {workout}",
      "I just did {workout}",
      "I'm back from {workout}",
      "just finished {workout}",
      "just finished my {workout}",
      "I had {workout} today",
      "I'm done with {workout}",
      "done with {workout}",
      "I finished {workout}",
      "after {workout}",
      "I just got back from {workout}",
      "what should I do after {workout}",
      "I just finished training",
    ],
  },
  {
    name: "RoutineIntent",
    slots: [{ name: "region", type: "Region" }],
    samples: [
      "guide me through a {region} routine",
      "start the {region} routine",
      "start a {region} routine",
      "walk me through my {region} routine",
      "guided routine for my {region}",
      "do the full routine for my {region}",
      "do the full routine",
      "guide me through a routine",
      "start a guided routine",
      "start the routine",
      "walk me through a session",
      "I want the full routine",
      "routine for my {region}",
    ],
  },
  {
    name: "ReadyIntent",
    samples: [
      "ready",
      "I'm ready",
      "next",
      "next step",
      "done",
      "I'm done",
      "let's go",
      "move on",
      "finished stretching",
      "I've finished",
      "okay next",
      "go on",
      "continue",
    ],
  },
  {
    name: "LogSpasmIntent",
    samples: [
      "log a spasm",
      "I had a spasm",
      "I had a spasm today",
      "I had a cramp",
      "record a spasm",
      "note a spasm",
      "my back spasmed",
      "add a spasm",
      "log a cramp",
      "I just had a spasm",
      "my muscle spasmed",
    ],
  },
  {
    name: "LogTendernessIntent",
    slots: [
      { name: "score", type: "AMAZON.NUMBER" },
      { name: "region", type: "Region" },
    ],
    samples: [
      "my knot tenderness is {score}",
      "tenderness {score}",
      "tenderness is {score}",
      "log tenderness of {score}",
      "log tenderness {score}",
      "rate my tenderness {score}",
      "rate my tenderness {score} out of ten",
      "the knot is a {score}",
      "the knot in my {region} is a {score}",
      "my {region} is a {score} out of ten",
      "my {region} tenderness is {score}",
      "my knots are a {score}",
      "knot tenderness {score} out of ten",
      "the knot is {score} out of ten",
      "log my tenderness",
    ],
  },
  {
    name: "LogRangeOfMotionIntent",
    slots: [{ name: "change", type: "RomChange" }],
    samples: [
      "my range of motion is {change}",
      "range of motion is {change}",
      "my range is {change}",
      "moving feels {change}",
      "my mobility is {change}",
      "mobility is {change} today",
      "log range of motion {change}",
      "log my range of motion as {change}",
      "my movement is {change}",
      "turning my head feels {change}",
      "bending feels {change}",
      "log my range of motion",
    ],
  },
  {
    name: "ProgressIntent",
    samples: [
      "how am I doing",
      "how's my progress",
      "how is my progress",
      "am I improving",
      "am I getting better",
      "show my progress",
      "tell me my progress",
      "give me my weekly summary",
      "weekly summary",
      "how were my weeks",
      "compare this week",
      "how is it going",
    ],
  },
  {
    name: "RedFlagIntent",
    slots: [{ name: "symptom", type: "Symptom" }],
    samples: [
      "I have {symptom}",
      "I've got {symptom}",
      "I'm having {symptom}",
      "I am having {symptom}",
      "I noticed {symptom}",
      "I've noticed {symptom}",
      "I have been having {symptom}",
      "there is {symptom}",
      "I think I have {symptom}",
      "what if I have {symptom}",
      "I also have {symptom}",
      "I'm experiencing {symptom}",
    ],
  },
  {
    name: "FaqIntent",
    slots: [{ name: "topic", type: "FaqTopic" }],
    samples: [
      "can red light stop {topic}",
      "can it stop {topic}",
      "will it stop {topic}",
      "does it help with {topic}",
      "do I still need {topic}",
      "should I still get {topic}",
      "is it safe to use it {topic}",
      "can I use it {topic}",
      "should I use the panel {topic}",
      "is it okay to use it {topic}",
      "what about {topic}",
      "can red light therapy replace {topic}",
    ],
  },
  {
    name: "CautionIntent",
    samples: [
      "read the caution again",
      "read the caution",
      "read the safety warning",
      "what are the red flags",
      "tell me the red flags",
      "safety information",
      "repeat the safety check",
      "read me the safety check",
      "what is the caution",
      "is it safe for me",
    ],
  },
  { name: "AMAZON.HelpIntent", samples: ["what can I say", "what can you do"] },
  { name: "AMAZON.FallbackIntent", samples: [] },
  { name: "AMAZON.StopIntent", samples: [] },
  { name: "AMAZON.CancelIntent", samples: [] },
  { name: "AMAZON.NavigateHomeIntent", samples: [] },
  { name: "AMAZON.YesIntent", samples: ["yes please", "yes start it", "one of them applies", "some of them apply", "yes one does"] },
  {
    name: "AMAZON.NoIntent",
    samples: ["none apply", "none of them apply", "none of those", "no none of them", "no they don't", "no thanks"],
  },
];

function slotType(name: string, values: SlotValue[], locale: SkillLocale) {
  return {
    name,
    values: values.map((v) => ({
      id: v.id,
      name: { value: v.value, synonyms: [...v.synonyms, ...(locale === "en-GB" ? (v.british ?? []) : [])] },
    })),
  };
}

const british = (s: string) => s.replace(/centimeters/g, "centimetres");

export function interactionModel(locale: SkillLocale) {
  return {
    interactionModel: {
      languageModel: {
        invocationName: "bio light",
        intents: INTENTS.map((i) => ({
          name: i.name,
          ...(i.slots
            ? {
                slots: i.slots.map((s) => ({
                  name: s.name,
                  type: s.type,
                  ...(s.samples ? { samples: locale === "en-GB" ? s.samples.map(british) : s.samples } : {}),
                })),
              }
            : {}),
          samples: locale === "en-GB" ? [...new Set([...i.samples.map(british), ...(i.gbSamples ?? [])])] : i.samples,
        })),
        types: [
          slotType("Region", regionValues(), locale),
          slotType("WorkoutKind", Object.values(WORKOUT_VALUES), locale),
          slotType("Symptom", SYMPTOM_VALUES, locale),
          slotType("RomChange", romValues(locale), locale),
          slotType("FaqTopic", Object.values(FAQ_VALUES), locale),
        ],
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
