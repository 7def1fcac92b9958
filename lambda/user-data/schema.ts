/**
 * What the skill keeps per Alexa account: per person of the bridge (keyed by the bridge's person id)
 * their caution answer and progress logs; which Alexa voice profile is which person; and the
 * account's own Timers state. Anything that does not parse is dropped field by field, so corrupt
 * data can never count as an acknowledged caution.
 */
import * as z from "zod";
import { RegionIdSchema } from "../../matter-bridge/contract/region-id.js";
import { DAY_MS } from "../../matter-bridge/contract/units.js";
import { ROM_CHANGES, TENDERNESS_SCALE } from "../language/vocabulary.js";

const CautionAckSchema = z.object({ version: z.number().int().min(1), acknowledgedAt: z.number() });
const TendernessSchema = z.object({
  at: z.number(),
  score: z.number().min(TENDERNESS_SCALE.min).max(TENDERNESS_SCALE.max),
  region: RegionIdSchema.optional(),
});
const RomSchema = z.object({ at: z.number(), change: z.enum(ROM_CHANGES) });

/** One person's own: their answer to the caution and their progress logs. */
const personFields = {
  caution: CautionAckSchema.optional().catch(undefined),
  spasms: z.array(z.number()).catch([]).default([]),
  tenderness: z.array(TendernessSchema).catch([]).default([]),
  rom: z.array(RomSchema).catch([]).default([]),
};
export const PersonDataSchema = z.object(personFields);
export type PersonData = z.infer<typeof PersonDataSchema>;
const emptyPerson = (): PersonData => PersonDataSchema.parse({});

/** A bridge person as the skill remembers them for a voice: the id, and the name to address them by. */
export const KnownPersonSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type KnownPerson = z.infer<typeof KnownPersonSchema>;

export const UserDataSchema = z.object({
  /**
   * Before people: the account's own caution answer and logs (the same fields a person has). Moved,
   * whole, to the bridge's default person the first time the skill learns who that is.
   */
  ...personFields,
  /** Per bridge person id. */
  people: z.record(z.string(), PersonDataSchema.catch(emptyPerson)).catch({}).default({}),
  /** Alexa voice profile (context.System.person.personId) → the bridge person it was told it is. */
  voices: z.record(z.string(), KnownPersonSchema).catch({}).default({}),
  /** The Alexa timer announcing the end of the last session started, so an early stop can cancel it. */
  timer: z.object({ id: z.string(), sessionId: z.string() }).optional().catch(undefined),
  /** When this account was asked for the Timers permission by voice: it is asked once, never again. */
  timersAskedAt: z.number().optional().catch(undefined),
});
export type UserData = z.infer<typeof UserDataSchema>;

export function parseUserData(raw: unknown): UserData {
  const parsed = UserDataSchema.safeParse(raw && typeof raw === "object" ? raw : {});
  return parsed.success ? parsed.data : UserDataSchema.parse({});
}

/** The account's data from before people were kept apart (anything to move). */
export const hasAccountLogs = (data: UserData): boolean =>
  data.caution !== undefined || data.spasms.length + data.tenderness.length + data.rom.length > 0;

/**
 * Moves the account's data from before people to `personId` (the bridge's default person), without
 * loss: logs are merged with what that person already has, in time order, and the newer caution
 * answer is kept.
 */
export function migrateAccountData(data: UserData, personId: string): UserData {
  if (!hasAccountLogs(data)) return data;
  const into = data.people[personId] ?? emptyPerson();
  const newer = (a?: PersonData["caution"], b?: PersonData["caution"]) =>
    !a ? b : !b ? a : b.version > a.version || (b.version === a.version && b.acknowledgedAt > a.acknowledgedAt) ? b : a;
  const merged: PersonData = {
    caution: newer(into.caution, data.caution),
    spasms: [...into.spasms, ...data.spasms].sort((a, b) => a - b),
    tenderness: [...into.tenderness, ...data.tenderness].sort((a, b) => a.at - b.at),
    rom: [...into.rom, ...data.rom].sort((a, b) => a.at - b.at),
  };
  return { ...data, caution: undefined, spasms: [], tenderness: [], rom: [], people: { ...data.people, [personId]: merged } };
}

/** `personId`'s own data (empty when the skill has nothing for them yet). */
export const personData = (data: UserData, personId: string): PersonData => data.people[personId] ?? emptyPerson();

export function updatePersonData(data: UserData, personId: string, change: (p: PersonData) => PersonData): UserData {
  return { ...data, people: { ...data.people, [personId]: change(personData(data, personId)) } };
}

/** Progress logs older than this are dropped: tracking is about weeks, not years. */
export const LOG_RETENTION_MS = 180 * DAY_MS;

function prunePerson<T extends PersonData>(p: T, now: number): T {
  const keep = (at: number) => at >= now - LOG_RETENTION_MS;
  return { ...p, spasms: p.spasms.filter(keep), tenderness: p.tenderness.filter((t) => keep(t.at)), rom: p.rom.filter((r) => keep(r.at)) };
}

export function pruneLogs(data: UserData, now: number): UserData {
  return {
    ...prunePerson(data, now),
    people: Object.fromEntries(Object.entries(data.people).map(([id, p]) => [id, prunePerson(p, now)])),
  };
}
