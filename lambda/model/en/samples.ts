/**
 * The English samples, every intent's, for en-US, en-GB, en-CA, en-AU and en-IN; the variants outside
 * the US spell "centimetres".
 */
import { phrases, unique } from "../phrases.js";
import type { IntentName } from "../shape.js";
import { LOG_ROM_SAMPLES, LOG_SPASM_SAMPLES, LOG_TENDERNESS_SAMPLES, PROGRESS_SAMPLES } from "./log-samples.js";
import { DOSE_STATUS_SAMPLES, START_SAMPLES, STOP_SAMPLES, TIME_LEFT_SAMPLES } from "./session-samples.js";

export const ENGLISH_INVOCATION = "bio light";

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

const INTENTS: Array<{ name: IntentName; samples: readonly string[] }> = [
  {
    name: "StartSessionIntent",
    samples: START_SAMPLES,
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
    samples: DOSE_STATUS_SAMPLES,
  },
  {
    name: "WorkoutDoneIntent",
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
        [
          "I'm back from",
          "back from",
          "just back from",
          "I've just been to",
          "I've been to",
          "I've just come back from",
          "I've come back from",
          "I just came back from",
          "I've just got back from",
          "I've just got in from",
          "I'm home from",
          "home from",
          "I've just finished",
          "I've finished",
          "I've just done",
          "I've just had",
          "I was at",
          "I've been at",
          "I'm just in from",
          "been for",
          "been to",
          "I've been for",
          "I just got home from",
          "I got home from",
          "I'm done with",
          "done with",
          "I'm finished with",
        ],
        ["{workout}", "my {workout}"],
        ["", "today", "this morning", "tonight", "this evening", "just now"],
      ),
      ...phrases(
        ["I did", "I've done", "I went for", "I went to", "I've been", "I had", "just got back from", "I'm just back from"],
        ["{workout}", "some {workout}"],
        ["", "today", "this morning", "tonight"],
      ),
    ],
  },
  {
    name: "RoutineIntent",
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
    samples: LOG_TENDERNESS_SAMPLES,
  },
  {
    name: "LogRangeOfMotionIntent",
    samples: LOG_ROM_SAMPLES,
  },
  {
    name: "ProgressIntent",
    samples: PROGRESS_SAMPLES,
  },
  {
    name: "RedFlagIntent",
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
    name: "IdentifyPersonIntent",
    samples: [
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
    name: "ForgetVoiceIntent",
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
  {
    name: "LinkBridgeIntent",
    samples: unique(
      phrases(
        ["", "please", "I want to", "I'd like to", "help me", "can you", "how do I"],
        ["link", "connect", "pair", "set up"],
        ["my bridge", "my bio light bridge", "my home", "my panel", "my account", "this account", "the bridge"],
      ),
      ["give me a link code", "give me a code for my bridge", "I need a link code", "get a link code", "new link code", "link code"],
    ),
  },
  {
    name: "UnlinkBridgeIntent",
    samples: unique(
      phrases(
        ["", "please", "I want to", "I'd like to", "can you"],
        ["unlink", "disconnect", "remove"],
        ["my bridge", "my bio light bridge", "my home", "my account from my bridge", "this account", "the bridge"],
      ),
      ["stop using my bridge", "forget my bridge", "forget my home"],
    ),
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

/** The English locales. */
export type EnglishLocale = "en-US" | "en-GB" | "en-CA" | "en-AU" | "en-IN";

/** Outside the US: metric spelling. */
const localSpelling = (locale: EnglishLocale) => (s: string) => (locale === "en-US" ? s : s.replace(/centimeters/g, "centimetres"));

export const englishSamples = (locale: EnglishLocale): Record<IntentName, string[]> => {
  const spell = localSpelling(locale);
  return Object.fromEntries(INTENTS.map((i) => [i.name, unique(i.samples.map(spell))])) as Record<IntentName, string[]>;
};
