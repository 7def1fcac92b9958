/** What `GET /v1/dose` reports: per region and for one panel, as of now on the trusted line. */
import { findPanel } from "../contract/config.js";
import { REGION_IDS, type RegionId } from "../contract/regions.js";
import { round3 } from "../contract/units.js";
import { type DoseContext, nextAllowedAt } from "./policy.js";
import { panelOnSeconds24h, regionUsage } from "./windows.js";

export interface DoseSummary {
  regions: Record<
    RegionId,
    {
      usedFluenceJPerCm2: number;
      remainingFluenceJPerCm2: number;
      capFluenceJPerCm2: number;
      sessions24h: number;
      sessions7d: number;
      nextAllowedAt: number;
    }
  >;
  onSeconds24h: number;
  remainingOnSeconds24h: number;
}

/** Values as of ctx.now, per region and for one panel's on-time (default: the first panel). */
export function doseSummary(ctx: DoseContext, panelId?: string): DoseSummary {
  const panel = findPanel(ctx.config, panelId) ?? ctx.config.panels[0];
  const cap = ctx.config.dose.maxRegionFluencePer24hJPerCm2;
  const acknowledged = { ...ctx, cautionAcknowledged: true };
  const regions = Object.fromEntries(
    REGION_IDS.map((region) => {
      const usage = regionUsage(ctx.sessions, region, ctx.now);
      const next = nextAllowedAt(acknowledged, { region, panelId: panel.id, seconds: ctx.config.dose.minSessionSeconds });
      return [
        region,
        {
          usedFluenceJPerCm2: round3(usage.fluence24h),
          remainingFluenceJPerCm2: round3(Math.max(0, cap - usage.fluence24h)),
          capFluenceJPerCm2: cap,
          sessions24h: usage.sessions24h,
          sessions7d: usage.sessions7d,
          nextAllowedAt: next ?? Number.POSITIVE_INFINITY,
        },
      ];
    }),
  ) as DoseSummary["regions"];
  const onSeconds24h = panelOnSeconds24h(ctx.sessions, panel.id, ctx.now);
  return {
    regions,
    onSeconds24h: round3(onSeconds24h),
    remainingOnSeconds24h: round3(Math.max(0, ctx.config.dose.maxOnSecondsPer24h - onSeconds24h)),
  };
}
