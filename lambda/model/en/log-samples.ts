/** The English samples of the progress intents: progress, spasm, tenderness and range-of-motion logs. */
import { phrases, unique } from "../phrases.js";

export const PROGRESS_SAMPLES = unique(
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

export const LOG_SPASM_SAMPLES = unique(
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
export const LOG_TENDERNESS_SAMPLES = unique(
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

export const LOG_ROM_SAMPLES = unique(
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
