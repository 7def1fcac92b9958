/** `GET /v1/history`: finished sessions per person. */
import * as z from "zod";
import { decimalNumber } from "../numbers.js";
import { PersonIdSchema } from "./person-id.js";
import { FinishedSessionSchema } from "./sessions.js";

export const HistoryQuerySchema = z.strictObject({
  days: decimalNumber(z.number().int().min(1, "days must be 1–365").max(365, "days must be 1–365"), {
    integer: true,
    message: "days must be a whole number written in plain digits (e.g. 7)",
  }).default(7),
  person: PersonIdSchema.optional(),
});
/**
 * `GET /v1/history?person=`: one person's finished sessions, or every person's (grouped), oldest
 * first. Everyone's ends with the people the config lists as retired (`retired: true`, named by id):
 * their sessions are kept and shown, counted for nobody.
 */
export const PersonHistorySchema = z.object({
  id: z.string(),
  name: z.string(),
  retired: z.literal(true).optional(),
  sessions: z.array(FinishedSessionSchema),
});
export const HistoryResponseSchema = z.object({ people: z.array(PersonHistorySchema) });
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;
