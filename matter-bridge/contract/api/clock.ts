/** The clock routes: a clock behind the dose ledger, and the owner's confirmation that it is right. */
import * as z from "zod";

/** While the clock is behind the ledger (GET /v1/health `clockCheck`): the two times and what starts wait for. */
export const ClockCheckSchema = z.object({
  /** The dose ledger's newest entry (ISO 8601). */
  ledgerNewestAt: z.string(),
  /** The machine's clock now (ISO 8601). */
  machineTime: z.string(),
  /** How far the machine's clock is behind the ledger's newest entry. */
  behindSeconds: z.number(),
  /** What starts wait for and how to give it, in words (the refusal's message). */
  waitsFor: z.string(),
});
export type ClockCheckView = z.infer<typeof ClockCheckSchema>;

/**
 * `POST /v1/clock/confirm`: the owner confirms the machine's time is right, having seen both times.
 * Refused (409 CLOCK_CONFIRMATION_STALE, nothing changed) when the clock is now further behind than
 * `behindSeconds`, i.e. it went back since.
 */
export const ClockConfirmRequestSchema = z.strictObject({
  /** How far behind the owner saw the clock (`clockCheck.behindSeconds`). */
  behindSeconds: z.number().min(0),
});
export const ClockConfirmResponseSchema = z.object({
  clock: z.literal("ok"),
  /** Entries re-dated to `machineTime` (0: the clock was not behind, nothing was changed). */
  redated: z.number().int().min(0),
  machineTime: z.string(),
  /** The ledger's newest entry before the re-dating (absent when nothing was re-dated). */
  ledgerNewestAt: z.string().optional(),
});
export type ClockConfirmResponse = z.infer<typeof ClockConfirmResponseSchema>;
