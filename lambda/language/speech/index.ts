import type { Language } from "../vocabulary.js";
import { deDE } from "./de-DE.js";
import { enGB } from "./en-GB.js";
import { enUS, type Speech } from "./en-US.js";
import { enAU, enCA, enIN } from "./en-variants.js";
import { esES } from "./es-ES.js";
import { frFR } from "./fr-FR.js";
import { itIT } from "./it-IT.js";

export type { ProgressFigures, RefusalContext, Speech } from "./en-US.js";
export { agoPhrase, minutesPhrase, whenPhrase } from "./en-US.js";

/** The locales the skill speaks (and has an interaction model for), each with its catalogue. */
const SPEECH = {
  "en-US": enUS,
  "en-GB": enGB,
  "en-CA": enCA,
  "en-AU": enAU,
  "en-IN": enIN,
  "de-DE": deDE,
  "fr-FR": frFR,
  "es-ES": esES,
  "it-IT": itIT,
} satisfies Record<string, Speech>;
export type SkillLocale = keyof typeof SPEECH;
export const SKILL_LOCALES = Object.keys(SPEECH) as SkillLocale[];

/** The language a locale speaks: "de-DE" → "de". */
export const languageOf = (locale: SkillLocale): Language => locale.slice(0, 2) as Language;

/** Speech for a request locale; another locale of a language the skill speaks gets that language, else en-US. */
export function speechFor(locale: string | undefined): Speech {
  const exact = (SPEECH as Record<string, Speech>)[locale ?? ""];
  if (exact) return exact;
  const language = (locale ?? "").slice(0, 2);
  const same = SKILL_LOCALES.find((l) => l.startsWith(`${language}-`));
  return same ? SPEECH[same] : enUS;
}

/** Text is spoken through SSML: keep it well-formed. */
export const ssmlSafe = (text: string): string => text.replace(/&/g, "and").replace(/[<>]/g, "");
