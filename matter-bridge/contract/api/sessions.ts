/** Sessions: the start and stop routes, and a session as the API shows it. */
import * as z from "zod";
import { RegionIdSchema } from "../region-id.js";
import { PersonIdSchema } from "./person-id.js";
import { AdjustmentReasonSchema } from "./refusals.js";

export const SessionRequestSchema = z.strictObject({
  region: RegionIdSchema,
  seconds: z.number().int("must be whole seconds").min(1).max(86400).optional(),
  distanceCm: z.number().min(1).max(300).optional(),
  panelId: z.string().min(1).max(40).optional(),
  /** Whose dose it is; default: the panel's `defaultPerson`. */
  person: PersonIdSchema.optional(),
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
  /** Whose dose the session counts for. */
  person: z.string(),
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
export const StopSessionResponseSchema = z.object({
  session: FinishedSessionSchema,
  /** The stop caught a start still being set up: nothing was switched on (0 s delivered). */
  cancelled: z.literal(true).optional(),
});
export type StopSessionResponse = z.infer<typeof StopSessionResponseSchema>;
