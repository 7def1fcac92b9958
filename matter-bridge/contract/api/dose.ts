/** `GET /v1/dose`: each person's dose per region, each panel's on-time. */
import * as z from "zod";
import { PersonIdSchema } from "./person-id.js";

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
/** One person's dose per region (the rules are kept per person and region). */
export const PersonDoseSchema = z.object({
  id: z.string(),
  name: z.string(),
  regions: z.record(z.string(), RegionDoseSchema),
});
export type PersonDose = z.infer<typeof PersonDoseSchema>;

/** A panel's own on-time in the last 24 h (it protects the device, whoever sat in front of it). */
export const PanelDoseSchema = z.object({
  id: z.string(),
  onSeconds24h: z.number(),
  remainingOnSeconds24h: z.number(),
});
export type PanelDose = z.infer<typeof PanelDoseSchema>;

/** `GET /v1/dose?person=`: one person, or every person (grouped) when none is named. */
export const DoseQuerySchema = z.strictObject({ person: PersonIdSchema.optional() });
export const DoseResponseSchema = z.object({
  people: z.array(PersonDoseSchema),
  panels: z.array(PanelDoseSchema),
  /** The household's gate. */
  cautionAcknowledged: z.boolean().optional(),
});
export type DoseResponse = z.infer<typeof DoseResponseSchema>;
