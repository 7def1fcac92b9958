import * as z from "zod";
import { REGION_IDS, REGIONS, type RegionId } from "./regions.js";

export const RegionIdSchema = z.enum(REGION_IDS, {
  error: () => `must be one of: ${REGION_IDS.join(", ")}`,
});

const seconds = (min: number) => z.number().min(min, `must be at least ${min} second${min === 1 ? "" : "s"}`);
const fluence = () => z.number().min(0.001, "must be at least 0.001 J/cm²");

export const ShellyDriverSchema = z.strictObject({
  kind: z.literal("shelly"),
  url: z
    .string()
    .url("must be an http(s) URL such as http://192.168.1.50")
    .refine((u) => /^https?:\/\//.test(u), "must start with http:// or https://"),
  switchId: z.number().int().min(0).default(0),
  timeoutMs: z.number().int().min(50).max(30000).default(2000),
});

export const DriverSchema = z.discriminatedUnion("kind", [z.strictObject({ kind: z.literal("simulated") }), ShellyDriverSchema], {
  error: () => 'driver.kind must be one of: "simulated", "shelly"',
});

export const DEFAULT_IRRADIANCE = { "15": 60, "30": 24, "45": 14, "60": 10 } as const;

export const IrradianceTableSchema = z
  .record(
    z.string().regex(/^\d+(\.\d+)?$/, 'distance keys must be centimetres, e.g. "30"'),
    z.number().positive("irradiance must be > 0 mW/cm²"),
  )
  .refine((t) => Object.keys(t).length >= 1, "needs at least one distance");

export const PanelConfigSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be lowercase letters, digits and dashes (max 40)"),
  name: z.string().min(1).max(32),
  deviceType: z.enum(["outlet", "light"]).default("outlet"),
  driver: DriverSchema.default({ kind: "simulated" }),
  defaultRegion: RegionIdSchema.default("low-back-hips"),
  distanceCm: z.number().positive().max(300).default(30),
  irradianceMwPerCm2: IrradianceTableSchema.default({ ...DEFAULT_IRRADIANCE }),
});

export const DoseLimitsSchema = z.strictObject({
  maxSessionSeconds: seconds(1).default(1200),
  maxSessionFluenceJPerCm2: fluence().default(40),
  maxRegionFluencePer24hJPerCm2: fluence().default(40),
  minRestSameRegionSeconds: seconds(0).default(43200),
  maxOnSecondsPer24h: seconds(1).default(2700),
  maxSessionsPerRegionPer7d: z.number().int().min(1).default(7),
  maxIrradianceMwPerCm2: z.number().positive().default(100),
  minSessionSeconds: seconds(1).default(60),
});

export const RegionSettingsSchema = z.strictObject({ defaultSeconds: seconds(1) });

export const BridgeConfigSchema = z
  .strictObject({
    panels: z.array(PanelConfigSchema).min(1, "needs at least one panel").max(16),
    dose: DoseLimitsSchema.default(DoseLimitsSchema.parse({})),
    regions: z.partialRecord(RegionIdSchema, RegionSettingsSchema).default({}),
  })
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.panels.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: ["panels", i, "id"], message: `duplicate panel id "${p.id}"` });
      seen.add(p.id);
    });
    if (cfg.dose.minSessionSeconds > cfg.dose.maxSessionSeconds)
      ctx.addIssue({ code: "custom", path: ["dose", "minSessionSeconds"], message: "must not exceed dose.maxSessionSeconds" });
  });

export type ShellyDriverConfig = z.infer<typeof ShellyDriverSchema>;
export type DriverConfig = z.infer<typeof DriverSchema>;
export type PanelConfig = z.infer<typeof PanelConfigSchema>;
export type DoseLimits = z.infer<typeof DoseLimitsSchema>;
export type BridgeConfig = z.infer<typeof BridgeConfigSchema>;
export type BridgeConfigInput = z.input<typeof BridgeConfigSchema>;

/** Keys allowed at a config path, for "unknown key" errors. */
export function allowedConfigKeys(path: readonly PropertyKey[]): readonly string[] | undefined {
  const [head, , sub] = path;
  if (path.length === 0) return Object.keys(BridgeConfigSchema.shape);
  if (head === "dose") return Object.keys(DoseLimitsSchema.shape);
  if (head === "regions") return path.length === 1 ? REGION_IDS : Object.keys(RegionSettingsSchema.shape);
  if (head === "panels" && path.length === 2) return Object.keys(PanelConfigSchema.shape);
  if (head === "panels" && sub === "driver") return ["kind", ...Object.keys(ShellyDriverSchema.shape).filter((k) => k !== "kind")];
  return undefined;
}

export const DEFAULT_CONFIG: BridgeConfigInput = {
  panels: [{ id: "panel-1", name: "Red light panel", driver: { kind: "simulated" } }],
};

/** A region's default session length: the config's, else the catalogue's. */
export const regionDefaultSeconds = (config: BridgeConfig, region: RegionId): number =>
  config.regions[region]?.defaultSeconds ?? REGIONS[region].defaultSeconds;

/** The panel with `panelId`, or the first panel when none is named. */
export const findPanel = (config: BridgeConfig, panelId?: string): PanelConfig | undefined =>
  panelId === undefined ? config.panels[0] : config.panels.find((p) => p.id === panelId);
