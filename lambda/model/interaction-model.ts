/**
 * Source of the Alexa interaction models: `npm run models` writes
 * models/interactionModels/custom/<locale>.json for every locale the skill speaks from this one
 * description (en-GB adds British phrasings). The Region slot's ids, names and synonyms are the
 * contract's region catalogue; the other slots are keyed by the ids the skill's handlers read.
 */
import { writeFileSync } from "node:fs";
import { REGION_IDS, REGIONS, type WorkoutKind } from "../../matter-bridge/contract/regions.js";
import { SKILL_LOCALES, type SkillLocale, speechFor } from "../speech/index.js";
import { SYMPTOMS } from "../symptoms.js";
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

/**
 * Every combination of the parts, in order, single-spaced: `phrases(["", "please"], ["start", "begin"], "my {region}")`
 * gives "start my {region}", "begin my {region}", "please start my {region}", "please begin my {region}".
 */
export function phrases(...parts: Array<string | readonly string[]>): string[] {
  let out = [""];
  for (const part of parts) {
    const options = typeof part === "string" ? [part] : part;
    out = out.flatMap((head) => options.map((tail) => `${head} ${tail}`));
  }
  return out.map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p.length > 0);
}
const unique = (...lists: string[][]): string[] => [...new Set(lists.flat())];

/** Ways of asking politely in front of a request ("please", "I want to", "can you"). */
const POLITE = [
  "",
  "would you",
  "please",
  "I want to",
  "I'd like to",
  "I need to",
  "can you",
  "could you",
  "can we",
  "let's",
  "go ahead and",
];

/** "start | begin | do | run | have" × "a {region} session | a session on my {region} | …" */
const SESSION_VERBS = ["start", "begin", "do", "run", "have"];
const SESSION_OBJECTS = [
  "a {region} session",
  "my {region} session",
  "the {region} session",
  "a session on my {region}",
  "a session for my {region}",
  "a red light session for my {region}",
  "red light on my {region}",
  "red light for my {region}",
  "red light therapy on my {region}",
  "some red light on my {region}",
];
/** "treat | light up | put the light on | …" × "my {region} | the {region}" */
const BODY_VERBS = [
  "start",
  "treat",
  "do",
  "light",
  "light up",
  "work on",
  "put the light on",
  "put the panel on",
  "shine the light on",
  "turn the light on for",
  "turn on the panel for",
  "switch on the panel for",
  "turn the panel on for",
  "use the panel on",
  "start on",
  "get started on",
  "start the panel on",
];
const BODY_OBJECTS = ["my {region}", "the {region}"];

const START_SAMPLES = unique(
  phrases(POLITE, ["start", "begin", "do", "run"], SESSION_OBJECTS),
  phrases(POLITE, BODY_VERBS, "my {region}", ["", "now"]),
  phrases(["", "please", "can you", "let's"], BODY_VERBS, "the {region}"),
  phrases(SESSION_VERBS, SESSION_OBJECTS, "please"),
  phrases(
    ["I want", "I'd like", "I need", "I'll have", "can I have", "could I have", "can I get", "could I get", "can we have", "give me"],
    [
      "a {region} session",
      "a session on my {region}",
      "a session for my {region}",
      "some light on my {region}",
      "some red light on my {region}",
      "red light on my {region}",
      "red light therapy on my {region}",
      "a red light session on my {region}",
    ],
  ),
  phrases(BODY_VERBS, BODY_OBJECTS, ["please", "now"]),
  phrases(SESSION_VERBS, SESSION_OBJECTS, "now"),
  phrases(["", "please"], ["start", "do", "treat", "light"], ["my {region}", "a {region} session"], "for {duration}"),
  phrases(["", "please", "can you", "let's"], ["start", "do", "run"], SESSION_OBJECTS, ["for {duration}", "at {distance} centimeters"]),
  phrases(["start", "do"], ["a {region} session", "my {region}"], "at {distance} centimeters"),
  [
    "start {region}",
    "start {region} for {duration}",
    "start {region} at {distance} centimeters",
    "start a {region} session for {duration} at {distance} centimeters",
    "start a session on my {region} for {duration}",
    "session for my {region}",
    "red light for my {region}",
    "red light on my {region}",
    "give my {region} some light",
    "give my {region} some red light",
    "start the light on my {region}",
    "my {region} needs some light",
    "my {region} could use some light",
    "time for my {region}",
    "time for a {region} session",
  ],
  // Without a region: the handler asks which one.
  phrases(POLITE, ["start", "begin", "do", "run"], ["a session", "a light session", "a red light session", "my session", "red light"]),
  phrases(["", "please"], ["turn on", "switch on", "start"], ["the panel", "the light", "the red light"]),
  ["start a session for {duration}", "turn the panel on", "switch the panel on", "turn the light on"],
  // Answers to "which region?"
  ["{region}", "my {region}", "the {region}", "{region} please", "my {region} please", "the {region} please", "I'll do my {region}"],
);

const STOP_SAMPLES = unique(
  phrases(
    ["", "please", "can you", "I want to"],
    ["stop", "end", "finish", "cancel", "turn off", "switch off", "shut off"],
    ["the panel", "the session", "my session", "the light", "the red light", "this session"],
  ),
  phrases(["", "please"], ["turn", "switch"], ["the panel", "the light", "it"], "off"),
  phrases(
    ["stop", "end", "finish", "cancel", "turn off", "switch off", "shut off"],
    ["the panel", "the session", "my session", "the light", "the red light", "this session"],
    ["please", "now"],
  ),
  phrases(["", "please"], ["stop", "end"], ["it", "it now"]),
  phrases(
    ["it's", "it is", "it feels", "it's getting", "that's", "this is"],
    ["", "way", "much", "a bit", "really"],
    ["too hot", "too warm"],
  ),
  phrases(["it's", "it feels"], ["", "really"], ["hot", "burning"]),
  [
    "it's too hot",
    "it feels too hot",
    "it feels hot",
    "it's getting hot",
    "it's getting too hot",
    "it's too warm",
    "it feels too warm",
    "it's burning",
    "that's too hot",
    "that's enough light",
    "that's enough for today",
    "I've had enough light",
    "I'm done with the light",
    "stop the light now",
  ],
);

const TIME_LEFT_SAMPLES = unique(
  phrases(
    ["", "tell me"],
    ["how long", "how much time", "how many minutes"],
    ["is left", "are left", "left", "is remaining", "do I have left", "have I got left"],
    ["", "on my session", "on the panel", "on the light"],
  ).filter((p) => !/minutes is|seconds is|long are|time are/.test(p)),
  phrases(
    ["when does", "when will"],
    ["the panel", "the session", "the light", "my session"],
    ["turn off", "end", "finish", "stop", "switch off"],
  ),
  phrases("how long until", ["the panel", "the session", "the light", "my session"], ["turns off", "ends", "is done", "finishes"]),
  phrases(["when's", "when is"], ["the session", "my session", "the light"], ["over", "done", "finished"]),
  phrases("how much longer", ["", "is left", "is it", "is there", "do I have", "have I got", "on my session", "on the panel"]),
  ["how long left", "time left", "time remaining", "is it nearly done", "am I nearly done"],
);

const DOSE_STATUS_SAMPLES = unique(
  phrases(
    ["when can I", "can I", "am I allowed to", "is it okay to"],
    ["do", "treat", "light", "use it on", "use the panel on"],
    ["my {region}", "the {region}"],
    ["again", "again today", "today"],
  ),
  phrases(["when can I", "can I", "is it okay to"], ["do", "have", "start"], "another {region} session", ["", "today"]),
  phrases("when can I", ["do", "treat", "light"], "my {region}", ["", "next"]),
  phrases(
    ["how much light", "how much"],
    ["has my {region} had", "is left for my {region}", "can my {region} have", "can my {region} still have", "have I had on my {region}"],
    ["", "today"],
  ),
  phrases(
    [
      "what's my dose",
      "what is my dose",
      "how much light have I had",
      "how much have I used",
      "how much light is left",
      "how much light can I still have",
      "check my dose",
      "how's my dose",
    ],
    ["", "today", "so far", "so far today"],
  ),
  phrases(
    ["is my {region}", "is the {region}"],
    ["allowed", "ready for", "okay for", "good for"],
    ["another session", "more light", "a session"],
    ["", "today"],
  ),
  phrases(["what's", "what is", "how's", "check"], ["the dose", "my dose"], ["on", "for"], ["my {region}", "the {region}"], ["", "today"]),
  phrases("how much light", ["did my {region} get", "has my {region} got", "did I give my {region}", "went on my {region}"], ["", "today"]),
  phrases(["when is", "when's"], ["my {region}", "the {region}"], ["ready", "ready again", "allowed again", "free again", "okay again"]),
  phrases(
    ["has my {region} had", "has the {region} had"],
    ["enough", "enough light", "too much light", "its light", "its dose", "its limit"],
    ["", "today"],
  ),
  phrases(
    ["can my {region}", "can the {region}"],
    ["have", "get", "take"],
    ["more light", "another session", "some more light"],
    ["", "today"],
  ),
  phrases(["how long until", "how long before", "how soon can"], ["I can do", "I can treat", "I can light", "I do"], "my {region}", [
    "",
    "again",
  ]),
  [
    "when can I do another session",
    "when can I have another session",
    "when is my next session allowed",
    "when's my next session allowed",
    "when can I go again",
    "what's left for today",
    "what is left for today",
  ],
);

const CAUTION_SAMPLES = unique(
  phrases(
    ["read", "read me", "tell me", "repeat", "give me", "go over", "remind me of"],
    [
      "the caution",
      "the safety warning",
      "the safety warnings",
      "the warning",
      "the safety check",
      "the safety information",
      "the red flags",
      "the safety rules",
      "the precautions",
    ],
    ["", "again"],
  ),
  phrases(["what are", "tell me"], ["the risks", "the warnings", "the safety warnings", "the contraindications"]),
  [
    "what are the red flags",
    "what is the caution",
    "what's the caution",
    "is it safe for me",
    "is this safe for me",
    "is red light safe for me",
    "who shouldn't use it",
    "who should not use the panel",
    "safety information",
    "any safety warnings",
    "the safety warning please",
  ],
);

const PROGRESS_SAMPLES = unique(
  phrases(
    [
      "how am I doing",
      "how am I getting on",
      "how have I been doing",
      "how is it going",
      "how's it going",
      "how are things going",
      "am I improving",
      "am I getting better",
      "is it working",
      "is it helping",
      "am I making progress",
    ],
    ["", "this week", "lately", "so far", "this month"],
  ),
  phrases(
    ["show", "show me", "tell me", "give me", "read me", "what's", "what is"],
    ["my progress", "my weekly summary", "my summary", "my weekly report", "my progress report"],
  ),
  phrases(["what's", "what is", "how's", "how is"], "my progress", ["like", "looking", "this week"]),
  phrases(["how did I do", "how did I get on", "how did it go"], ["", "last week", "this week", "this month"]),
  [
    "how is my progress",
    "how's my progress",
    "weekly summary",
    "compare this week",
    "compare this week with last week",
    "how were my weeks",
    "how did this week go",
    "how was my week",
  ],
);

const LOG_SPASM_SAMPLES = unique(
  phrases(
    ["", "please"],
    ["log", "record", "note", "add", "track", "write down"],
    ["a spasm", "a muscle spasm", "a back spasm", "a cramp", "a muscle cramp", "a spasm today", "another spasm"],
  ),
  phrases(
    ["I had", "I just had", "I've had", "I got", "I've just had", "I had another"],
    ["a spasm", "a muscle spasm", "a back spasm", "a cramp", "a spasm today", "spasm"],
  ).filter((p) => p !== "I had another a spasm" && !/another a /.test(p) && !/(had|got) spasm$/.test(p)),
  phrases(
    "my",
    ["back", "lower back", "neck", "muscle", "muscles", "shoulder", "leg"],
    ["spasmed", "seized up", "went into spasm", "cramped up", "locked up"],
  ),
);

const SCORES = phrases(
  ["", "about", "around", "like"],
  ["{score}", "a {score}", "an {score}", "{score} out of ten", "a {score} out of ten"],
  ["", "today"],
);
const LOG_TENDERNESS_SAMPLES = unique(
  phrases(
    ["log", "record", "note", "rate"],
    ["tenderness", "my tenderness", "knot tenderness", "my knot tenderness", "the knot", "my knot"],
    ["{score}", "as {score}", "at {score}", "of {score}", "{score} out of ten"],
  ),
  phrases(
    [
      "tenderness",
      "my tenderness is",
      "my knot tenderness is",
      "tenderness is",
      "the knot is",
      "my knot is",
      "my knots are",
      "the tenderness is",
    ],
    SCORES,
  ),
  phrases(
    [
      "the knot in my {region} is",
      "my {region} knot is",
      "my {region} is",
      "my {region} are",
      "my {region} tenderness is",
      "tenderness in my {region} is",
    ],
    SCORES,
  ),
  [
    "log my tenderness",
    "log tenderness",
    "record my tenderness",
    "rate my knots",
    "rate my tenderness {score}",
    "knot tenderness {score} out of ten",
  ],
  phrases(["log", "record", "note"], ["a tenderness of {score}", "a tenderness score of {score}", "a knot tenderness of {score}"]),
);

const LOG_ROM_SAMPLES = unique(
  phrases(
    [
      "my range of motion",
      "range of motion",
      "my range",
      "my mobility",
      "mobility",
      "my movement",
      "moving",
      "turning my head",
      "bending",
      "bending over",
      "my flexibility",
      "flexibility",
    ],
    ["is {change}", "feels {change}", "is {change} today", "feels {change} today", "seems {change}"],
  ),
  phrases(["log", "record", "note"], ["range of motion", "my range of motion", "my mobility"], ["{change}", "as {change}"]),
  ["log my range of motion", "record my range of motion", "log my mobility"],
);

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
      // No slot-level samples and no dialog model: the handler asks for a missing region itself.
      { name: "region", type: "Region" },
      { name: "duration", type: "AMAZON.DURATION" },
      { name: "distance", type: "AMAZON.NUMBER" },
    ],
    samples: START_SAMPLES,
    gbSamples: ["start {region} at {distance} centimetres", "start a {region} session at {distance} centimetres"],
  },
  {
    name: "StopSessionIntent",
    samples: STOP_SAMPLES,
  },
  {
    name: "TimeLeftIntent",
    samples: TIME_LEFT_SAMPLES,
  },
  {
    name: "DoseStatusIntent",
    slots: [{ name: "region", type: "Region" }],
    samples: DOSE_STATUS_SAMPLES,
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
      "I'm done with {workout}",
      "done with {workout}",
      "I finished {workout}",
      "after {workout}",
      "I just got back from {workout}",
      "what should I do after {workout}",
      "I just finished training",
      ...phrases(
        ["I did", "I've done", "I went for", "I went to", "I've been", "I had", "just got back from", "I'm just back from"],
        ["{workout}", "some {workout}"],
        ["", "today", "this morning", "tonight"],
      ),
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
      ...phrases(
        ["what's", "what is", "tell me", "give me", "read me"],
        ["the routine", "my routine", "the steps"],
        ["for {region}", "for my {region}", "for the {region}"],
      ),
      ...phrases(["how should I", "how do I"], ["do", "treat", "use the panel on"], ["my {region}", "the {region}"]),
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
    samples: LOG_SPASM_SAMPLES,
  },
  {
    name: "LogTendernessIntent",
    slots: [
      { name: "score", type: "AMAZON.NUMBER" },
      { name: "region", type: "Region" },
    ],
    samples: LOG_TENDERNESS_SAMPLES,
  },
  {
    name: "LogRangeOfMotionIntent",
    slots: [{ name: "change", type: "RomChange" }],
    samples: LOG_ROM_SAMPLES,
  },
  {
    name: "ProgressIntent",
    samples: PROGRESS_SAMPLES,
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
      "{symptom}",
      "I suddenly have {symptom}",
      "I've been getting {symptom}",
      "I'm {symptom}",
      "I am {symptom}",
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
      "should I use the panel {topic}",
      "is it okay to use it {topic}",
      "what about {topic}",
      "can red light therapy replace {topic}",
      ...phrases(["what should I do about", "what do I do about", "what do I do with", "what if I get"], "{topic}"),
      ...phrases(["does this replace", "does it replace", "can it replace", "is it a replacement for", "should I stop"], "{topic}"),
      ...phrases(["should I still see", "should I still go to", "can I still see", "do I still see"], "{topic}"),
      ...phrases(["can I use it", "should I use it", "can I use the panel", "is it fine to use it"], "{topic}"),
    ],
  },
  {
    name: "CautionIntent",
    samples: CAUTION_SAMPLES,
  },
  {
    // The answer to "who is this?" (several people at home). AMAZON.FirstName, not a custom type: the
    // people are the bridge's, named at run time, and Alexa recognises first names without a list.
    // `name`: the speaker says who they are (a voice asked is remembered); `forName`: whom this one
    // request is for ("it's for Anna"), which is never remembered for the voice.
    name: "IdentifyPersonIntent",
    slots: [
      { name: "name", type: "AMAZON.FirstName" },
      { name: "forName", type: "AMAZON.FirstName" },
    ],
    samples: [
      "{name}",
      "it's {name}",
      "it is {name}",
      "this is {name}",
      "I'm {name}",
      "I am {name}",
      "my name is {name}",
      "it's me {name}",
      "{name} here",
      "for {forName}",
      "it's for {forName}",
      "it is for {forName}",
      "the session is for {forName}",
      "this one is for {forName}",
    ],
  },
  {
    // The speaker's Alexa voice profile is linked to the wrong person (or should not be linked): forget it.
    name: "ForgetVoiceIntent",
    slots: [{ name: "name", type: "AMAZON.FirstName" }],
    samples: [
      "that's not me",
      "that is not me",
      "forget my voice",
      "forget who I am",
      "unlink my voice",
      "you have the wrong person",
      "you've got the wrong person",
      "that's the wrong person",
      "that's not my name",
      "I'm not {name}",
      "I am not {name}",
      "this isn't {name}",
      "this is not {name}",
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
          slotType("Symptom", [...SYMPTOMS], locale),
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
