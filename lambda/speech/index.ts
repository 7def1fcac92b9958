import { enGB } from "./en-GB.js";
import { enUS, type Speech } from "./en-US.js";

export type { RefusalContext, Speech } from "./en-US.js";
export { agoPhrase, minutesPhrase, whenPhrase } from "./en-US.js";

/** The locales the skill speaks (and has an interaction model for). */
const SPEECH = { "en-US": enUS, "en-GB": enGB } satisfies Record<string, Speech>;
export type SkillLocale = keyof typeof SPEECH;
export const SKILL_LOCALES = Object.keys(SPEECH) as SkillLocale[];

/** Speech for a request locale; other English locales fall back to en-US. */
export const speechFor = (locale: string | undefined): Speech => (SPEECH as Record<string, Speech>)[locale ?? ""] ?? enUS;

/** Text is spoken through SSML: keep it well-formed. */
export const ssmlSafe = (text: string): string => text.replace(/&/g, "and").replace(/[<>]/g, "");
