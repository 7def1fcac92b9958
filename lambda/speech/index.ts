import { enGB } from "./en-GB.js";
import { enUS, type Speech } from "./en-US.js";

export type { Speech } from "./en-US.js";
export { minutesPhrase, whenPhrase } from "./en-US.js";

const LOCALES: Record<string, Speech> = { "en-US": enUS, "en-GB": enGB };

/** Speech for a request locale; other English locales fall back to en-US. */
export const speechFor = (locale: string | undefined): Speech => LOCALES[locale ?? ""] ?? enUS;

/** Text is spoken through SSML: keep it well-formed. */
export const ssmlSafe = (text: string): string => text.replace(/&/g, "and").replace(/[<>]/g, "");
