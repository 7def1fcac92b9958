/** The red-flag symptoms in English, as people say them (the guide's red flags, each one). */
import type { SlotWords, SymptomId } from "../vocabulary.js";

export const ENGLISH_SYMPTOMS: Record<SymptomId, SlotWords> = {
  "face-spasm": {
    value: "spasms in my face",
    synonyms: ["face spasms", "my face is twitching", "face twitching", "facial spasms", "spasm in my face", "twitching in my face"],
  },
  "tongue-spasm": { value: "tongue spasms", synonyms: ["spasms in my tongue", "my tongue is spasming", "tongue twitching"] },
  swallowing: {
    value: "trouble swallowing",
    synonyms: ["difficulty swallowing", "problems swallowing", "spasms when I swallow", "it hurts to swallow"],
  },
  weakness: {
    value: "weakness",
    synonyms: ["muscle weakness", "my leg is weak", "my arm is weak", "weak legs", "sudden weakness", "significant weakness"],
  },
  numbness: {
    value: "numbness",
    synonyms: ["numb", "numb legs", "my leg is numb", "pins and needles", "loss of feeling", "tingling and numbness", "numbness in my leg"],
  },
  "bladder-bowel": {
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
  fever: { value: "a fever", synonyms: ["fever", "a high temperature", "a temperature", "chills and fever"] },
  "weight-loss": {
    value: "unexplained weight loss",
    synonyms: ["weight loss", "losing weight", "losing weight without trying", "I am losing weight", "sudden weight loss"],
  },
  "severe-spasm": {
    value: "a severe spasm",
    synonyms: ["severe spasms", "a sudden violent spasm", "a really bad spasm", "severe muscle spasms", "an extreme spasm"],
  },
};
