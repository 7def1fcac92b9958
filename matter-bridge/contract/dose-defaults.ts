/**
 * The dose limits of a config that sets none: the schema's defaults (dose-limits.ts), in a file of
 * their own so that the skill can speak them without building the schema.
 */
export const DOSE_LIMIT_DEFAULTS = {
  maxSessionSeconds: 1200,
  maxSessionFluenceJPerCm2: 40,
  maxRegionFluencePer24hJPerCm2: 40,
  minRestSameRegionSeconds: 43200,
  maxOnSecondsPer24h: 2700,
  maxSessionsPerRegionPer7d: 7,
  maxIrradianceMwPerCm2: 100,
  minSessionSeconds: 60,
} as const;
