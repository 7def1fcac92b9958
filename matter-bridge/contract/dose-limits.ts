/** The dose limits a bridge's config may set (their defaults: dose-defaults.ts). */
import * as z from "zod";
import { DOSE_LIMIT_DEFAULTS } from "./dose-defaults.js";

/** Seconds, at least `min`. */
export const seconds = (min: number) => z.number().min(min, `must be at least ${min} second${min === 1 ? "" : "s"}`);
const fluence = () => z.number().min(0.001, "must be at least 0.001 J/cm²");

const D = DOSE_LIMIT_DEFAULTS;
export const DoseLimitsSchema = z.strictObject({
  maxSessionSeconds: seconds(1).default(D.maxSessionSeconds),
  maxSessionFluenceJPerCm2: fluence().default(D.maxSessionFluenceJPerCm2),
  maxRegionFluencePer24hJPerCm2: fluence().default(D.maxRegionFluencePer24hJPerCm2),
  minRestSameRegionSeconds: seconds(0).default(D.minRestSameRegionSeconds),
  maxOnSecondsPer24h: seconds(1).default(D.maxOnSecondsPer24h),
  maxSessionsPerRegionPer7d: z.number().int().min(1).default(D.maxSessionsPerRegionPer7d),
  maxIrradianceMwPerCm2: z.number().positive().default(D.maxIrradianceMwPerCm2),
  minSessionSeconds: seconds(1).default(D.minSessionSeconds),
});
export type DoseLimits = z.infer<typeof DoseLimitsSchema>;
