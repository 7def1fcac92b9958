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

/**
 * `GET /v1/history/export?person=&format=csv|json`: one person's whole kept history (their health
 * data, theirs to take), retired people included. HTTP only, never over the cloud link.
 */
export const HistoryExportQuerySchema = z.strictObject({
  person: z
    .string({ error: () => "person is required: whose history to export (a person's id)" })
    .min(1)
    .max(40),
  format: z.enum(["json", "csv"], { error: () => "format must be one of: json, csv" }).default("json"),
});
export const HistoryExportResponseSchema = z.object({
  person: z.object({ id: z.string(), name: z.string(), retired: z.literal(true).optional() }),
  exportedAt: z.string(),
  /** Every finished session the ledger keeps for them (up to 100 days), oldest first. */
  sessions: z.array(FinishedSessionSchema),
});
export type HistoryExportResponse = z.infer<typeof HistoryExportResponseSchema>;

/** The CSV's columns, in order: the JSON's session fields. */
export const HISTORY_CSV_COLUMNS = [
  "id",
  "person",
  "panelId",
  "region",
  "startedAt",
  "endedAt",
  "seconds",
  "deliveredSeconds",
  "deliveredFluenceJPerCm2",
  "distanceCm",
  "irradianceMwPerCm2",
  "source",
  "endReason",
] as const satisfies ReadonlyArray<keyof z.infer<typeof FinishedSessionSchema>>;
