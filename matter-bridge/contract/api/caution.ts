/** The caution routes: acknowledge, status, withdraw. */
import * as z from "zod";
import { PersonIdSchema } from "./person-id.js";

export const CautionAcknowledgeRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  source: z.string().max(40).optional(),
  /** Who answered: their own answer is kept too (the gate stays the household's). */
  person: PersonIdSchema.optional(),
});
export const CautionAcknowledgeResponseSchema = z.object({
  acknowledged: z.literal(true),
  version: z.number(),
  acknowledgedAt: z.string(),
});

/** One open red flag, as `GET /v1/caution` lists it. */
export const OpenRedFlagSchema = z.object({
  /** Whom it names, or null: nobody (it holds everyone). */
  person: z.string().nullable(),
  /** When it was reported (ISO). */
  at: z.string(),
  /** How it was reported: "alexa", "dashboard", "cli-prompt", "api"... */
  source: z.string(),
  reason: z.string().nullable(),
  /** Who must still acknowledge again (with their own `person`) before it is cleared. */
  waitingFor: z.array(z.string()),
});
export type OpenRedFlag = z.infer<typeof OpenRedFlagSchema>;

/** `GET /v1/caution`: what the household is asked to acknowledge, and whether the gate is open. */
export const CautionStatusResponseSchema = z.object({
  version: z.number(),
  text: z.string(),
  /** True only for an acknowledgement of this version that has not been withdrawn. */
  acknowledged: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  /** The version last acknowledged (may be older than `version`), or null. */
  acknowledgedVersion: z.number().nullable().optional(),
  /** The newest red flag since the last acknowledgement (null while the gate is open). */
  withdrawnAt: z.string().nullable().optional(),
  withdrawnReason: z.string().nullable().optional(),
  /** Every red flag still holding someone, newest first (also while the gate is open again). */
  redFlags: z.array(OpenRedFlagSchema).optional(),
  /** With `?person=`: whether that person has answered the current version themselves. */
  personAcknowledged: z.boolean().optional(),
  /**
   * With `?person=`: a red flag reported for that person (or for everyone) holds their sessions until
   * they acknowledge again themselves, even while the household gate is open.
   */
  personWithdrawn: z.boolean().optional(),
});
/** `GET /v1/caution?person=`. */
export const CautionQuerySchema = z.strictObject({ person: PersonIdSchema.optional() });
export type CautionStatusResponse = z.infer<typeof CautionStatusResponseSchema>;

/** `POST /v1/caution/withdraw`: closes the household gate until the caution is acknowledged again. */
export const CautionWithdrawRequestSchema = z.strictObject({
  reason: z.string().max(200).optional(),
  source: z.string().max(40).optional(),
  /** Who reported the red flag: their own answer is withdrawn too (everyone's when nobody is named). */
  person: PersonIdSchema.optional(),
});
export const CautionWithdrawResponseSchema = z.object({
  acknowledged: z.literal(false),
  withdrawnAt: z.string(),
  /** Sessions that were running and have been stopped because of the withdrawal. */
  stopped: z.array(z.string()).optional(),
  /** Panels that have not confirmed the switch-off yet (it is retried until they do). */
  stillSwitchingOff: z.array(z.string()).optional(),
});
