import * as z from "zod";
import { RegionIdSchema } from "../contract/config.js";

/** One session as the ledger keeps it. Times are wall-clock epoch milliseconds. */
export const LedgerSessionSchema = z.strictObject({
  id: z.string().min(1),
  panelId: z.string().min(1),
  region: RegionIdSchema,
  /**
   * Whose dose it is. Absent in entries written before people existed: they count for their panel's
   * `defaultPerson` (see people.ts), as does an entry whose person is no longer configured.
   */
  person: z.string().min(1).optional(),
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

/** One person's own answer to the caution (the gate itself stays the household's `caution`). */
export const PersonCautionSchema = z.strictObject({
  version: z.number().int().min(1),
  /** Absent for a red flag reported for this person before they ever answered. */
  acknowledgedAt: z.number().int().optional(),
  source: z.string(),
  /** Set when a red flag was reported for this person (or for the household) after the answer. */
  withdrawnAt: z.number().int().optional(),
});
export type PersonCaution = z.infer<typeof PersonCautionSchema>;

/**
 * One red flag as reported (format 3). It holds whom it names (everyone configured when it names
 * nobody) until each of them acknowledges the caution again themselves; then it is cleared (kept,
 * for the record, until it ages out like a session).
 */
export const RedFlagSchema = z.strictObject({
  id: z.string().min(1),
  /** When it was reported (a write retried later still records that time). */
  at: z.number().int(),
  source: z.string(),
  /** Whom it names; absent: nobody (it holds everyone). */
  person: z.string().min(1).optional(),
  reason: z.string().optional(),
  /** Who must still acknowledge again before it is cleared. */
  holds: z.array(z.string().min(1)),
  /** When the last one it held acknowledged again. Absent: open. */
  clearedAt: z.number().int().optional(),
});
export type RedFlag = z.infer<typeof RedFlagSchema>;

export const PersonRecordSchema = z.strictObject({ caution: PersonCautionSchema.optional() });
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

/**
 * Entries re-dated because the clock had put them in the future: once the wall clock was known good
 * (the system said it is synchronized, or the owner confirmed it), every time after it became it.
 */
export const ClockCorrectionSchema = z.strictObject({
  /** The known-good wall-clock time: every later time in the ledger became this one. */
  at: z.number().int(),
  /** The ledger's newest time before (ahead of `at`, as the wrong clock had it). */
  newestBefore: z.number().int(),
  /** Who said the clock is right: "system: …" (a time sync service) or "owner: …" (the dashboard, --clock-is-right). */
  source: z.string(),
  /** How many entries (sessions, caution records) were re-dated. */
  redated: z.number().int().min(0),
});
export type ClockCorrection = z.infer<typeof ClockCorrectionSchema>;

export const LedgerFileSchema = z.strictObject({
  /**
   * 1: the whole ledger in this one file (everything people added is optional, so a file from before
   * people loads as it is). 2: a snapshot that the journal beside it (`ledger.journal`) continues;
   * a bridge that knows only format 1 refuses it instead of missing the journal's entries. 3: format 2
   * plus `redFlags` (in the snapshot and the journal); a bridge that knows only 1 and 2 refuses it
   * instead of missing a red flag.
   */
  format: z.enum(["biolight-ledger/1", "biolight-ledger/2", "biolight-ledger/3"]),
  sessions: z.array(LedgerSessionSchema),
  caution: CautionRecordSchema.nullable(),
  /** Per person (by id): their own caution answer. Absent in files from before people existed. */
  people: z.record(z.string(), PersonRecordSchema).optional(),
  /** Format 3: every red flag reported, oldest first (open ones are never dropped). */
  redFlags: z.array(RedFlagSchema).optional(),
  /** The trusted time of the last write: a wall clock behind it at start-up is not trusted. */
  seenAt: z.number().int().optional(),
  /** Every re-dating of future entries (newest last, the last 20 kept). Absent in older files. */
  clockCorrections: z.array(ClockCorrectionSchema).optional(),
  /** Format 2: the last journal record this snapshot holds; the journal's records up to it are skipped. */
  journalSeq: z.number().int().min(0).optional(),
});
export type LedgerFile = z.infer<typeof LedgerFileSchema>;

/**
 * One line of the journal (`ledger.journal`, JSON lines): one change, applied to the snapshot in
 * `seq` order. `sessions` are put in by id (added, or replacing the entry with that id: a close),
 * `caution` replaces the household record, `people` replaces the named persons' records, `redFlags`
 * are put in by id (format 3: a new red flag, or one an acknowledgement cleared). `at` is the
 * change's trusted time (the file's `seenAt`). Times are wall-clock, like the snapshot's.
 */
export const JournalRecordSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.number().int(),
  sessions: z.array(LedgerSessionSchema).optional(),
  caution: CautionRecordSchema.nullable().optional(),
  people: z.record(z.string(), PersonRecordSchema).optional(),
  redFlags: z.array(RedFlagSchema).optional(),
});
export type JournalRecord = z.infer<typeof JournalRecordSchema>;

export const isOpen = (s: LedgerSession): boolean => s.endedAt === undefined;

/** The end reason of a session left open by a crash or power loss and closed at the next start. */
export const RECOVERED = "recovered-after-restart";

/** Seconds the session counts for: delivered when closed, planned while open (conservative). */
export const countedSeconds = (s: LedgerSession): number => (s.deliveredSeconds !== undefined ? s.deliveredSeconds : s.plannedSeconds);

/** When the session stops (or will stop) emitting light. */
export const endOf = (s: LedgerSession): number => s.endedAt ?? s.startedAt + s.plannedSeconds * 1000;
