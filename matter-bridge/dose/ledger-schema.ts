import * as z from "zod";
import { RegionIdSchema } from "../contract/config.js";

/** One session as the ledger keeps it. Times are wall-clock epoch milliseconds. */
export const LedgerSessionSchema = z.strictObject({
  id: z.string().min(1),
  panelId: z.string().min(1),
  region: RegionIdSchema,
  source: z.string(),
  distanceCm: z.number().positive(),
  irradianceMwPerCm2: z.number().positive(),
  startedAt: z.number().int(),
  plannedSeconds: z.number().positive(),
  /** Set when the session was closed. Absent means running (or cut short by a crash). */
  endedAt: z.number().int().optional(),
  deliveredSeconds: z.number().min(0).optional(),
  endReason: z.string().optional(),
});
export type LedgerSession = z.infer<typeof LedgerSessionSchema>;

export const CautionRecordSchema = z.strictObject({
  version: z.number().int().min(1),
  /** Absent for a withdrawal recorded before anyone acknowledged (the gate was never open). */
  acknowledgedAt: z.number().int().optional(),
  source: z.string(),
  /** Set when the household withdrew the acknowledgement (a red flag was reported): the gate is closed. */
  withdrawnAt: z.number().int().optional(),
  withdrawnReason: z.string().optional(),
  withdrawnSource: z.string().optional(),
});
export type CautionRecord = z.infer<typeof CautionRecordSchema>;

export const LedgerFileSchema = z.strictObject({
  format: z.literal("biolight-ledger/1"),
  sessions: z.array(LedgerSessionSchema),
  caution: CautionRecordSchema.nullable(),
  /** The trusted time of the last write: a wall clock behind it at start-up is not trusted. */
  seenAt: z.number().int().optional(),
});
export type LedgerFile = z.infer<typeof LedgerFileSchema>;

export const isOpen = (s: LedgerSession): boolean => s.endedAt === undefined;

/** Seconds the session counts for: delivered when closed, planned while open (conservative). */
export const countedSeconds = (s: LedgerSession): number => (s.deliveredSeconds !== undefined ? s.deliveredSeconds : s.plannedSeconds);

/** When the session stops (or will stop) emitting light. */
export const endOf = (s: LedgerSession): number => s.endedAt ?? s.startedAt + s.plannedSeconds * 1000;
