import { enUS, type Speech } from "./en-US.js";

/** British English: the same texts, with local wording where it differs. */
export const enGB: Speech = {
  ...enUS,
  badDistance: () =>
    "I didn't catch a sensible distance. Distances are in centimetres, between five and a hundred. Or leave it out to use the panel's usual distance.",
  progressReview: () =>
    "After four weeks or more, things haven't improved. It would be a good idea to review your plan with a healthcare professional or physio.",
  faq: {
    ...enUS.faq,
    massage: () =>
      "Most people do best combining approaches. Massage and physiotherapy work on movement, strength and tissue in ways light can't. Use the panel to support comfort and recovery around them, not instead of them.",
  },
  faqUnknown: () => "I can answer: can it stop a cramp, do I still need massage or physio, and can I use it every day. Which one?",
};
