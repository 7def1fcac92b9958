/**
 * What `GET /v1/dose` reports, as of now on the trusted line: per person and region (the region
 * rules are a person's), and per panel (its on-time protects the device, whoever sat in front of it).
 */
import { defaultPersonOf, findPanel } from "../contract/config.js";
import { REGION_IDS, type RegionId } from "../contract/regions.js";
import { round3 } from "../contract/units.js";
import { panelResolver } from "./ids.js";
import type { LedgerSession } from "./ledger-schema.js";
import { personResolver } from "./people.js";
import { type DoseContext, nextAllowedAt } from "./policy.js";
import { panelOnSeconds24h, regionUsage } from "./windows.js";

export interface RegionSummary {
  usedFluenceJPerCm2: number;
  remainingFluenceJPerCm2: number;
  capFluenceJPerCm2: number;
  sessions24h: number;
  sessions7d: number;
  /** On the trusted line; +Infinity when no amount of waiting helps. */
  nextAllowedAt: number;
}

export interface PanelOnTime {
  onSeconds24h: number;
  remainingOnSeconds24h: number;
}

export interface DoseSummary extends PanelOnTime {
  /** The person the regions are for. */
  person: string;
  regions: Record<RegionId, RegionSummary>;
}

export interface DoseSummaryOptions {
  /** The panel whose on-time is reported and on which the next allowed time is judged (default: the first). */
  panelId?: string;
  /** Whose regions (default: the panel's `defaultPerson`). */
  person?: string;
}

/** One person's regions (the next allowed time as on `panelId`, default the first panel). */
export function personRegions(ctx: DoseContext, person: string, panelId?: string): Record<RegionId, RegionSummary> {
  const panel = findPanel(ctx.config, panelId) ?? ctx.config.panels[0];
  const cap = ctx.config.dose.maxRegionFluencePer24hJPerCm2;
  const acknowledged = { ...ctx, cautionAcknowledged: true };
  const personOf = personResolver(ctx.config);
  const mine = (s: LedgerSession) => personOf(s) === person;
  return Object.fromEntries(
    REGION_IDS.map((region) => {
      const usage = regionUsage(ctx.sessions, region, ctx.now, mine);
      const next = nextAllowedAt(acknowledged, { region, panelId: panel.id, person, seconds: ctx.config.dose.minSessionSeconds });
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
  ) as Record<RegionId, RegionSummary>;
}

/** A panel's on-time in the last 24 hours and what is left of its cap. */
export function panelOnTime(ctx: DoseContext, panelId: string): PanelOnTime {
  const onSeconds24h = panelOnSeconds24h(ctx.sessions, panelId, ctx.now, panelResolver(ctx.config));
  return {
    onSeconds24h: round3(onSeconds24h),
    remainingOnSeconds24h: round3(Math.max(0, ctx.config.dose.maxOnSecondsPer24h - onSeconds24h)),
  };
}

/** One person's regions and one panel's on-time (default: the first panel and its `defaultPerson`). */
export function doseSummary(ctx: DoseContext, options: DoseSummaryOptions = {}): DoseSummary {
  const panel = findPanel(ctx.config, options.panelId) ?? ctx.config.panels[0];
  const person = options.person ?? defaultPersonOf(ctx.config, panel);
  return { person, regions: personRegions(ctx, person, panel.id), ...panelOnTime(ctx, panel.id) };
}

/** Every person's regions (or only `person`'s) and every panel's on-time. */
export function householdDose(ctx: DoseContext, person?: string) {
  const people = ctx.config.people.filter((p) => person === undefined || p.id === person);
  return {
    people: people.map((p) => ({ id: p.id, name: p.name, regions: personRegions(ctx, p.id) })),
    panels: ctx.config.panels.map((p) => ({ id: p.id, ...panelOnTime(ctx, p.id) })),
  };
}

export type HouseholdDose = ReturnType<typeof householdDose>;
