import { numberWords } from "../spoken-numbers/en.js";
import { enGB } from "./en-GB.js";
import { enUS, type Speech } from "./en-US.js";

/** Australian English: British spelling and "physio", as en-GB. */
export const enAU: Speech = { ...enGB };

/** Indian English: British spelling; "physiotherapist" rather than "physio". */
export const enIN: Speech = {
  ...enGB,
  progressReview: (weeks) =>
    `After ${numberWords(weeks)} weeks or more, things haven't improved. It would be a good idea to review your plan with a healthcare professional or physiotherapist.`,
  faq: {
    ...enGB.faq,
    massage: {
      question: "do I still need massage or physiotherapy",
      answer: () =>
        "Most people do best combining approaches. Massage and physiotherapy work on movement, strength and tissue in ways light can't. Use the panel to support comfort and recovery around them, not instead of them.",
    },
  },
};

/** Canadian English: American wording with metric spelling ("centimetres") and "physiotherapist". */
export const enCA: Speech = {
  ...enUS,
  badDistance: enGB.badDistance,
  progressReview: enIN.progressReview,
  faq: enIN.faq,
};
