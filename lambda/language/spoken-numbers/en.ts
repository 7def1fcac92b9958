/**
 * Spoken numbers in English, both ways, from one table: what the skill hears (virtual-alexa and
 * spoken slot text send words) and what it says when a limit is spoken ("between five and a hundred").
 * parseNumber reads digits and the other languages' words too (./de-fr-es-it.ts).
 */

import { parseNumberWords } from "./de-fr-es-it.js";

const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
] as const;
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"] as const;

/** Words heard for a number: the tables above, plus "oh", "a" and "an". */
const HEARD: Record<string, number> = {
  ...Object.fromEntries(UNITS.map((w, n) => [w, n])),
  ...Object.fromEntries(TENS.flatMap((w, i) => (w ? [[w, i * 10]] : []))),
  oh: 0,
  a: 1,
  an: 1,
};

/** "7", "7.5", "seven", "twenty five", "a hundred", "zehn", "dix-sept" → number; anything else → undefined. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const other = parseNumberWords(t);
  if (other !== undefined) return other;
  const words = t
    .replace(/-/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "and");
  if (!words.length) return undefined;
  let total = 0;
  for (const w of words) {
    if (w in HEARD) total += HEARD[w];
    else if (w === "hundred") total = (total || 1) * 100;
    else if (w === "half") total += 0.5;
    else return undefined;
  }
  return total;
}

/** 60 → "sixty", 100 → "a hundred", 105 → "one hundred five"; whole numbers below 1000, else digits. */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 20) return UNITS[n];
  if (n < 100) return n % 10 === 0 ? TENS[n / 10] : `${TENS[Math.floor(n / 10)]} ${UNITS[n % 10]}`;
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return rest === 0 ? `${hundreds === 1 ? "a" : UNITS[hundreds]} hundred` : `${UNITS[hundreds]} hundred ${numberWords(rest)}`;
}

/** A length in words for limits: 60 → "a minute", 1200 → "twenty minutes", 30 → "thirty seconds". */
export function durationWords(seconds: number): string {
  const [count, unit] = seconds % 60 === 0 ? [seconds / 60, "minute"] : [seconds, "second"];
  return count === 1 ? `a ${unit}` : `${numberWords(count)} ${unit}s`;
}
