import * as z from "zod";
import { RegionIdSchema } from "./config.js";
import { decimalNumber } from "./numbers.js";

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
] as const;
export const RefusalCodeSchema = z.enum(REFUSAL_CODES);
export type RefusalCode = z.infer<typeof RefusalCodeSchema>;

export const ADJUSTMENT_REASONS = ["SESSION_MAX_SECONDS", "SESSION_MAX_FLUENCE", "REGION_FLUENCE_24H", "DAILY_ON_TIME"] as const;
export const AdjustmentReasonSchema = z.enum(ADJUSTMENT_REASONS);
export type AdjustmentReason = z.infer<typeof AdjustmentReasonSchema>;

export const SessionRequestSchema = z.strictObject({
  region: RegionIdSchema,
  seconds: z.number().int("must be whole seconds").min(1).max(86400).optional(),
  distanceCm: z.number().min(1).max(300).optional(),
  panelId: z.string().min(1).max(40).optional(),
});
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

export const AdjustmentSchema = z.object({
  reason: AdjustmentReasonSchema,
  requested: z.number(),
  granted: z.number(),
});
export type Adjustment = z.infer<typeof AdjustmentSchema>;

export const SessionSchema = z.object({
  id: z.string(),
  panelId: z.string(),
  region: RegionIdSchema,
  seconds: z.number(),
  startedAt: z.string(),
  endsAt: z.string(),
  fluenceJPerCm2: z.number(),
  distanceCm: z.number().optional(),
  irradianceMwPerCm2: z.number().optional(),
  source: z.string().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export const StartSessionResponseSchema = z.object({
  session: SessionSchema,
  adjustments: z.array(AdjustmentSchema),
});
export type StartSessionResponse = z.infer<typeof StartSessionResponseSchema>;

export const FinishedSessionSchema = SessionSchema.extend({
  endedAt: z.string(),
  deliveredSeconds: z.number(),
  deliveredFluenceJPerCm2: z.number(),
  endReason: z.string().optional(),
});
export type FinishedSession = z.infer<typeof FinishedSessionSchema>;

/** The stop route takes no options: an empty body or `{}`. */
export const StopSessionRequestSchema = z.strictObject({});
export const StopSessionResponseSchema = z.object({ session: FinishedSessionSchema });

/**
 * off: no session. starting: granted, the relay is being switched on. on: running. stopping: the
 * switch-off has not been confirmed yet (it is retried until it is). Only "off" is dark for sure.
 */
export const PANEL_STATES = ["off", "starting", "on", "stopping"] as const;
export const PanelStateSchema = z.enum(PANEL_STATES);
export type PanelState = z.infer<typeof PanelStateSchema>;

export const PanelStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** True in every state but "off": the panel may be giving light. */
  on: z.boolean(),
  state: PanelStateSchema.optional(),
  /** A problem the bridge sees with the panel (e.g. drawing power while switched off), else null. */
  fault: z.string().nullable().optional(),
  region: RegionIdSchema,
  remainingSeconds: z.number(),
  reachable: z.boolean(),
  session: SessionSchema.nullable().optional(),
});
export type PanelStatus = z.infer<typeof PanelStatusSchema>;
export const PanelsResponseSchema = z.object({ panels: z.array(PanelStatusSchema) });

export const RegionDoseSchema = z.object({
  usedFluenceJPerCm2: z.number(),
  remainingFluenceJPerCm2: z.number(),
  capFluenceJPerCm2: z.number().optional(),
  sessions24h: z.number(),
  sessions7d: z.number(),
  /** ISO time a minimum-length session could start; null when waiting cannot help (e.g. too close). */
  nextAllowedAt: z.string().nullable(),
});
export type RegionDose = z.infer<typeof RegionDoseSchema>;
export const DoseResponseSchema = z.object({
  regions: z.record(z.string(), RegionDoseSchema),
  onSeconds24h: z.number(),
  remainingOnSeconds24h: z.number(),
  cautionAcknowledged: z.boolean().optional(),
});
export type DoseResponse = z.infer<typeof DoseResponseSchema>;

export const HistoryQuerySchema = z.strictObject({
  days: decimalNumber(z.number().int().min(1, "days must be 1–365").max(365, "days must be 1–365"), {
    integer: true,
    message: "days must be a whole number written in plain digits (e.g. 7)",
  }).default(7),
});
export const HistoryResponseSchema = z.object({ sessions: z.array(FinishedSessionSchema) });
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

export const CautionAcknowledgeRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  source: z.string().max(40).optional(),
});
export const CautionAcknowledgeResponseSchema = z.object({
  acknowledged: z.literal(true),
  version: z.number(),
  acknowledgedAt: z.string(),
});

/** `GET /v1/caution`: what the household is asked to acknowledge, and whether the gate is open. */
export const CautionStatusResponseSchema = z.object({
  version: z.number(),
  text: z.string(),
  /** True only for an acknowledgement of this version that has not been withdrawn. */
  acknowledged: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  /** The version last acknowledged (may be older than `version`), or null. */
  acknowledgedVersion: z.number().nullable().optional(),
  withdrawnAt: z.string().nullable().optional(),
  withdrawnReason: z.string().nullable().optional(),
});
export type CautionStatusResponse = z.infer<typeof CautionStatusResponseSchema>;

/** `POST /v1/caution/withdraw`: closes the household gate until the caution is acknowledged again. */
export const CautionWithdrawRequestSchema = z.strictObject({
  reason: z.string().max(200).optional(),
  source: z.string().max(40).optional(),
});
export const CautionWithdrawResponseSchema = z.object({
  acknowledged: z.literal(false),
  withdrawnAt: z.string(),
  /** Sessions that were running and have been stopped because of the withdrawal. */
  stopped: z.array(z.string()).optional(),
  /** Panels that have not confirmed the switch-off yet (it is retried until they do). */
  stillSwitchingOff: z.array(z.string()).optional(),
});

/** `GET /v1/health` (no token). `clock: "behind"` while starts are refused with CLOCK_UNTRUSTED. */
export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  clock: z.enum(["ok", "behind"]).optional(),
});

export const ErrorBodySchema = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      retryAfterSeconds: z.number().optional(),
      nextAllowedAt: z.string().optional(),
    })
    .passthrough(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
