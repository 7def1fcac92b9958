/** The English samples of the session intents: start, stop, time left, dose status. */
import { phrases, unique } from "../phrases.js";

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

export const START_SAMPLES = unique(
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

export const STOP_SAMPLES = unique(
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
    ["", "thanks", "thank you", "now", "for today", "stop it", ...phrases(["turn", "switch"], "it off")],
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

export const TIME_LEFT_SAMPLES = unique(
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

export const DOSE_STATUS_SAMPLES = unique(
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
