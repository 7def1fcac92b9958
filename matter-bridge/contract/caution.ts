/**
 * The household red-flag caution. Bump CAUTION_VERSION whenever the text changes: the skill reads a
 * new version again to users who acknowledged an older one.
 */
export const CAUTION_VERSION = 1;

/** Red flags from the guide, plus photosensitising medication and eye protection. */
export const RED_FLAGS: readonly string[] = [
  "spasms that are severe or sudden, or that involve your face, tongue or swallowing",
  "real weakness, numbness, or any loss of bladder or bowel control",
  "fever, weight loss you cannot explain, or a history of serious illness together with new pain",
  "medication or a condition that makes your skin sensitive to light",
];

export const EYE_PROTECTION = "Do not look into the panel; close your eyes or wear the supplied eye protection while it is on.";

export const WELLNESS_DISCLAIMER =
  "Bio light supports muscle comfort and recovery as part of a wider routine. It is not medical advice and not a substitute for a professional.";

export const cautionText = (): string =>
  [
    "Before your first session, a safety check.",
    `Talk to a healthcare professional first if you have any of these: ${RED_FLAGS.join("; ")}.`,
    EYE_PROTECTION,
    "The light should feel pleasantly warm at most, never hot.",
    WELLNESS_DISCLAIMER,
  ].join(" ");
