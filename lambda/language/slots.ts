/** Reading slot values the way real Alexa sends them (ISO-8601 durations, digits) and virtual-alexa does (words). */
import type { Intent } from "ask-sdk-model";
import { REGION_IDS, type RegionId } from "../../matter-bridge/contract/regions.js";
import { parseNumber } from "./spoken-numbers/en.js";
import { isOneOf } from "./vocabulary.js";

export type SlotRead<T> = { kind: "ok"; value: T } | { kind: "missing" } | { kind: "invalid"; heard: string };

const slotOf = (intent: Intent | undefined, name: string) => intent?.slots?.[name];

/** The entity-resolved id of a custom slot, e.g. "lumbar" → "low-back-hips". */
export function slotId(intent: Intent | undefined, name: string): SlotRead<string> {
  const slot = slotOf(intent, name);
  if (!slot?.value) return { kind: "missing" };
  for (const authority of slot.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status.code === "ER_SUCCESS_MATCH" && authority.values?.[0]) return { kind: "ok", value: authority.values[0].value.id };
  }
  return { kind: "invalid", heard: slot.value };
}

/** The entity-resolved id of a custom slot, when it is one of `ids`. */
export function slotOneOf<T extends string>(intent: Intent | undefined, name: string, ids: readonly T[]): SlotRead<T> {
  const read = slotId(intent, name);
  if (read.kind !== "ok") return read;
  return isOneOf(ids, read.value) ? { kind: "ok", value: read.value } : { kind: "invalid", heard: read.value };
}

export const regionSlot = (intent: Intent | undefined, name = "region"): SlotRead<RegionId> => slotOneOf(intent, name, REGION_IDS);

export function numberSlot(intent: Intent | undefined, name: string): SlotRead<number> {
  const slot = slotOf(intent, name);
  if (!slot?.value || slot.value === "?") return slot?.value === "?" ? { kind: "invalid", heard: "?" } : { kind: "missing" };
  const n = parseNumber(slot.value);
  return n === undefined || !Number.isFinite(n) ? { kind: "invalid", heard: slot.value } : { kind: "ok", value: n };
}

/** The units of a spoken length, in every language the skill speaks ("minutes", "Minuten", "minutos", "minuti"). */
const UNIT_SECONDS: Array<[RegExp, number]> = [
  [/^(hours?|stunden?|heures?|horas?|ore|ora)$/i, 3600],
  [/^(minutes?|mins?|minuten?|minutos?|minuti|minuto)$/i, 60],
  [/^(seconds?|sekunden?|secondes?|segundos?|secondi|secondo)$/i, 1],
];

/** ISO-8601 durations as Alexa sends them (PT10M, PT1H30M, PT90S, P1D), or spoken text ("ten minutes", "zehn Minuten"). */
export function parseDurationSeconds(text: string): number | undefined {
  const iso = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (iso && text.trim().length > 2 && !/T$/i.test(text.trim())) {
    const [, d, h, m, s] = iso.map((x) => (x === undefined ? 0 : Number(x)));
    return d * 86400 + h * 3600 + m * 60 + s;
  }
  const spoken = /^(.+?)\s+(\p{L}+)$/u.exec(text.trim());
  if (!spoken) return undefined;
  const n = parseNumber(spoken[1]);
  const unit = UNIT_SECONDS.find(([pattern]) => pattern.test(spoken[2]));
  return n === undefined || !unit ? undefined : n * unit[1];
}

export function durationSlot(intent: Intent | undefined, name = "duration"): SlotRead<number> {
  const slot = slotOf(intent, name);
  if (!slot?.value) return { kind: "missing" };
  const seconds = parseDurationSeconds(slot.value);
  return seconds === undefined ? { kind: "invalid", heard: slot.value } : { kind: "ok", value: seconds };
}
