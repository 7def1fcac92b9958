/** Why the bridge refuses a start, and why it grants less than asked. */
import * as z from "zod";

export const REFUSAL_CODES = [
  "CAUTION_REQUIRED",
  "REST_INTERVAL",
  "REGION_LIMIT",
  "DAILY_ON_TIME",
  "WEEKLY_LIMIT",
  "TOO_CLOSE",
  "TOO_SHORT",
  "PANEL_BUSY",
  "PANEL_UNREACHABLE",
  "LEDGER_UNAVAILABLE",
  "UNKNOWN_PANEL",
  "CLOCK_UNTRUSTED",
  "UNKNOWN_PERSON",
  /** The panel was stopped while the start was still being set up: nothing switched on. */
  "STOPPED",
] as const;
export const RefusalCodeSchema = z.enum(REFUSAL_CODES);
export type RefusalCode = z.infer<typeof RefusalCodeSchema>;

export const ADJUSTMENT_REASONS = ["SESSION_MAX_SECONDS", "SESSION_MAX_FLUENCE", "REGION_FLUENCE_24H", "DAILY_ON_TIME"] as const;
export const AdjustmentReasonSchema = z.enum(ADJUSTMENT_REASONS);
export type AdjustmentReason = z.infer<typeof AdjustmentReasonSchema>;
