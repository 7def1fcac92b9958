/**
 * What the skill keeps per Alexa user. Anything that does not parse is dropped field by field, so
 * corrupt data can never count as an acknowledged caution.
 */
import * as z from "zod";
import { DAY_MS, RegionIdSchema } from "../matter-bridge/contract/index.js";
import { ROM_CHANGES, TENDERNESS_SCALE } from "./vocabulary.js";

const CautionAckSchema = z.object({ version: z.number().int().min(1), acknowledgedAt: z.number() });
const TendernessSchema = z.object({
  at: z.number(),
  score: z.number().min(TENDERNESS_SCALE.min).max(TENDERNESS_SCALE.max),
  region: RegionIdSchema.optional(),
});
const RomSchema = z.object({ at: z.number(), change: z.enum(ROM_CHANGES) });

export const UserDataSchema = z.object({
  caution: CautionAckSchema.optional().catch(undefined),
  spasms: z.array(z.number()).catch([]).default([]),
  tenderness: z.array(TendernessSchema).catch([]).default([]),
  rom: z.array(RomSchema).catch([]).default([]),
  /** The Alexa timer announcing the end of the last session started, so an early stop can cancel it. */
  timer: z.object({ id: z.string(), sessionId: z.string() }).optional().catch(undefined),
  /** When this user was asked for the Timers permission by voice: it is asked once, never again. */
  timersAskedAt: z.number().optional().catch(undefined),
});
export type UserData = z.infer<typeof UserDataSchema>;

export function parseUserData(raw: unknown): UserData {
  const parsed = UserDataSchema.safeParse(raw && typeof raw === "object" ? raw : {});
  return parsed.success ? parsed.data : UserDataSchema.parse({});
}

/** Progress logs older than this are dropped: tracking is about weeks, not years. */
export const LOG_RETENTION_MS = 180 * DAY_MS;

export function pruneLogs(data: UserData, now: number): UserData {
  const keep = (at: number) => at >= now - LOG_RETENTION_MS;
  return {
    ...data,
    spasms: data.spasms.filter(keep),
    tenderness: data.tenderness.filter((t) => keep(t.at)),
    rom: data.rom.filter((r) => keep(r.at)),
  };
}
