/** Small helpers the non-English catalogues share: lists and counted nouns in words. */
import { numberWordsIn, ONE } from "../spoken-numbers/de-fr-es-it.js";
import type { Language } from "../vocabulary.js";

export type OtherLanguage = Exclude<Language, "en">;

/** "a, b und c" (no serial comma in these languages). */
export const listIn = (items: readonly string[], joiner: string) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${joiner} ${items[items.length - 1]}`;

export const capitalised = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}`;

/** A counted noun in words: (de, 1, "Minute", "Minuten", "f") → "eine Minute"; (de, 10, …) → "zehn Minuten". */
export function counted(language: OtherLanguage, n: number, singular: string, plural: string, gender: "f" | "m"): string {
  if (n === 1) return `${gender === "f" ? ONE[language].feminine : ONE[language].masculine} ${singular}`;
  let words = numberWordsIn(language, n);
  // Spanish and Italian shorten a final "one" before a noun: "veintiún minutos", "ventun minuti".
  if (language === "es" && gender === "m") words = words.replace(/veintiuno$/, "veintiún").replace(/ y uno$/, " y un");
  if (language === "es" && gender === "f") words = words.replace(/veintiuno$/, "veintiuna").replace(/ y uno$/, " y una");
  if (language === "it" && gender === "m") words = words.replace(/uno$/, "un");
  if (language === "it" && gender === "f") words = words.replace(/uno$/, "una");
  // French "one" agrees with a feminine noun: "vingt et une minutes", "quatre-vingt-une heures".
  if (language === "fr" && gender === "f") words = words.replace(/(^|[ -])un$/, "$1une");
  return `${words} ${plural}`;
}

/** Seconds as whole minutes, half minutes or seconds: the shape every language's minutesPhrase follows. */
export function minutesShape(
  seconds: number,
): { kind: "seconds"; n: number } | { kind: "minutes"; n: number } | { kind: "half"; whole: number } {
  if (seconds < 60) return { kind: "seconds", n: Math.max(1, Math.round(seconds)) };
  const minutes = Math.round(seconds / 6) / 10;
  const whole = Math.round(minutes);
  if (Math.abs(minutes - whole) < 0.05) return { kind: "minutes", n: whole };
  const half = Math.round(minutes * 2) / 2;
  return half % 1 === 0 ? { kind: "minutes", n: half } : { kind: "half", whole: Math.floor(half) };
}

/** How far ahead something is, for "in about …": the same thresholds as English. */
export function whenShape(seconds: number): { unit: "minute" | "minutes" | "hours" | "days"; n: number } {
  if (seconds <= 60) return { unit: "minute", n: 1 };
  if (seconds < 90 * 60) return { unit: "minutes", n: Math.ceil(seconds / 60) };
  if (seconds < 36 * 3600) return { unit: "hours", n: Math.round(seconds / 3600) };
  return { unit: "days", n: Math.round(seconds / 86400) };
}
