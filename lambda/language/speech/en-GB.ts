import { numberWords } from "../spoken-numbers/en.js";
import { enUS, type Speech } from "./en-US.js";

/** British English: the same texts, with local wording where it differs. */
export const enGB: Speech = {
  ...enUS,
  badDistance: (range) =>
    `I didn't catch a sensible distance. Distances are in centimetres, between ${numberWords(range.min)} and ${numberWords(range.max)}. Or leave it out to use the panel's usual distance.`,
  progressReview: (weeks) =>
    `After ${numberWords(weeks)} weeks or more, things haven't improved. It would be a good idea to review your plan with a healthcare professional or physio.`,
  voiceNotRecognized: () => "I don't recognise your voice, so I haven't linked it to anyone.",
  faq: {
    ...enUS.faq,
    massage: {
      question: "do I still need massage or physio",
      answer: () =>
        "Most people do best combining approaches. Massage and physiotherapy work on movement, strength and tissue in ways light can't. Use the panel to support comfort and recovery around them, not instead of them.",
    },
  },
};
