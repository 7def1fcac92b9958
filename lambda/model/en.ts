/**
 * The English interaction models' words: one source for en-US, en-GB, en-CA, en-AU and en-IN. The
 * variants outside the US spell "centimetres" and add the words heard there ("physio", "bum").
 * Region words are the contract's catalogue; the other slots are keyed by the ids the handlers read.
 */
import { REGION_IDS, REGIONS, type WorkoutKind } from "../../matter-bridge/contract/regions.js";
import { SYMPTOM_WORDS } from "../language/symptoms/index.js";
import { type FaqTopic, ROM_CHANGES, type RomChange } from "../language/vocabulary.js";
import { type IntentName, type LanguageSource, phrases, type SlotWords, unique } from "./shape.js";

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
  // Everyday (British) ways of putting the light on.
  phrases(
    ["", "can you", "please"],
    ["pop", "stick", "put", "switch", "chuck"],
    ["the light", "the panel"],
    "on",
    ["my {region}", "for my {region}"],
    ["", "please"],
  ),
  phrases(
    ["I fancy", "I could do with", "I could use", "can I do", "I'll do", "let's have", "let's do"],
    ["a {region} session", "some light on my {region}", "a session on my {region}", "my {region}"],
    ["", "now"],
  ),
  phrases("give my {region}", ["a session", "a go", "a blast"], ["", "please"]),
  phrases(["", "please"], ["start", "do"], ["the {region}", "my {region}"], "for {duration}"),
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
    ["", "please", "can you", "could you"],
    ["turn", "switch", "shut", "knock"],
    ["the panel", "the light", "it", "everything", "that"],
    "off",
    ["", "now", "please"],
  ),
  phrases(
    ["", "please", "can you", "could you", "I want to"],
    "stop",
    ["it", "the panel", "the light", "the red light", "that", "everything"],
    ["", "now", "please"],
  ),
  phrases(
    ["that'll do", "that's enough", "that's plenty", "I've had enough", "enough", "I'm finished with the light", "that's me done"],
    ["", "thanks", "thank you", "now", "for today", "stop it", "turn it off", "switch it off"],
  ),
  phrases(
    ["it's", "it is", "it feels", "it's getting", "that's", "this is"],
    ["", "way", "much", "a bit", "really", "far", "a little"],
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
  phrases(["how long's", "how much time's"], ["left", "remaining"], ["", "on the panel", "on my session", "on the light"]),
);

const DOSE_STATUS_SAMPLES = unique(
  phrases(
    ["when can I", "can I", "am I allowed to", "is it okay to"],
    ["do", "treat", "light", "use it on", "use the panel on"],
    ["my {region}", "the {region}"],
    ["again", "again today", "today"],
  ),
  phrases(["when can I", "can I", "is it okay to"], ["do", "have", "start"], "another {region} session", ["", "today"]),
  phrases(
    ["when can my {region}", "when can the {region}"],
    ["have", "get"],
    ["more light", "another session", "another go", "some light"],
    ["", "again"],
  ),
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
  phrases(
    "how much light",
    ["did my {region} get", "has my {region} got", "has my {region} gotten", "did I give my {region}", "went on my {region}"],
    ["", "today"],
  ),
  phrases(["when is", "when's"], ["my {region}", "the {region}"], ["ready", "ready again", "allowed again", "free again", "okay again"]),
  phrases(
    ["has my {region} had", "has the {region} had"],
    ["enough", "enough light", "too much light", "its light", "its dose", "its limit"],
    ["", "today"],
  ),
  phrases(
    ["can my {region}", "can the {region}"],
    ["have", "get", "take"],
    ["more light", "another session", "some more light", "another go", "another round"],
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
    ["", "in my leg", "in my back", "in my neck", "in my calf", "in my foot", "in my shoulder"],
  ).filter((p) => !/another a /.test(p) && !/(had|got) spasm( in my \w+)?$/.test(p) && !/(today|back spasm) in my/.test(p)),
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

const words = (locale: EnglishLocale, w: EnglishWords): SlotWords => ({
  value: w.value,
  synonyms: [...w.synonyms, ...(locale === "en-US" ? [] : (w.commonwealth ?? []))],
});
const keyed = <K extends string>(ids: readonly K[], of: (id: K) => SlotWords): Record<K, SlotWords> =>
  Object.fromEntries(ids.map((id) => [id, of(id)])) as Record<K, SlotWords>;

/** What the skill calls a range-of-motion change (the RomChange values) comes from the speech. */
export function english(locale: EnglishLocale, romWords: Record<RomChange, string>): LanguageSource {
  const spell = localSpelling(locale);
  const samples = Object.fromEntries(INTENTS.map((i) => [i.name, unique(i.samples.map(spell))])) as Record<IntentName, string[]>;
  return {
    invocationName: "bio light",
    samples,
    types: {
      Region: keyed(REGION_IDS, (id) =>
        words(locale, { value: REGIONS[id].spokenName, synonyms: REGIONS[id].synonyms, commonwealth: REGIONS[id].britishSynonyms }),
      ),
      WorkoutKind: keyed(Object.keys(WORKOUT_VALUES) as WorkoutKind[], (id) => words(locale, WORKOUT_VALUES[id])),
      Symptom: SYMPTOM_WORDS.en,
      RomChange: keyed(ROM_CHANGES, (id) => ({ value: romWords[id], synonyms: ROM_SYNONYMS[id] })),
      FaqTopic: keyed(Object.keys(FAQ_VALUES) as FaqTopic[], (id) => words(locale, FAQ_VALUES[id])),
    },
  };
}
