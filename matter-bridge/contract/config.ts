import * as z from "zod";
import { ThingNameSchema } from "./cloud-link.js";
import { refineIds } from "./config-ids.js";
import { DoseLimitsSchema, seconds } from "./dose-limits.js";
import { RegionIdSchema } from "./region-id.js";
import { REGION_IDS, REGIONS, type RegionId } from "./regions.js";

export { DOSE_LIMIT_DEFAULTS } from "./dose-defaults.js";
export { type DoseLimits, DoseLimitsSchema } from "./dose-limits.js";
export { RegionIdSchema } from "./region-id.js";

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

const idSchema = () => z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be lowercase letters, digits and dashes (max 40)");

/**
 * The ids this person or panel had before a rename: the ledger keeps the id each entry was written
 * with, and these say whose it is now (see dose/ids.ts).
 */
const formerIdsSchema = () => z.array(idSchema()).max(16).optional();

/** A person whose dose the guard keeps (limits are physiological: they belong to a person's body). */
export const PersonConfigSchema = z.strictObject({
  id: idSchema(),
  name: z.string().min(1).max(32),
  formerIds: formerIdsSchema(),
});

/** Without `people` in the config there is one person: the household. */
export const HOUSEHOLD_PERSON = { id: "household", name: "Household" } as const;

export const PanelConfigSchema = z.strictObject({
  id: idSchema(),
  name: z.string().min(1).max(32),
  deviceType: z.enum(["outlet", "light"]).default("outlet"),
  driver: DriverSchema.default({ kind: "simulated" }),
  defaultRegion: RegionIdSchema.default("low-back-hips"),
  distanceCm: z.number().positive().max(300).default(30),
  irradianceMwPerCm2: IrradianceTableSchema.default({ ...DEFAULT_IRRADIANCE }),
  /** Whom a session on this panel is for when the request names nobody (Matter, a press): default the first person. */
  defaultPerson: idSchema().optional(),
  /** One extra bridged On/Off endpoint per region ("Low back session"), for ecosystems without the skill. */
  regionSwitches: z.boolean().default(false),
  formerIds: formerIdsSchema(),
});

/**
 * People who left the household and panels taken out of use: the ledger's entries with these ids are
 * kept and shown, but count for nobody's limits (a retired panel's light still counts for its person).
 */
export const RetiredSchema = z.strictObject({
  people: z.array(idSchema()).max(64).default([]),
  panels: z.array(idSchema()).max(64).default([]),
});

export const RegionSettingsSchema = z.strictObject({
  defaultSeconds: seconds(1).optional(),
  /** The name of the region's Matter switch on panels with `regionSwitches` (default: "<Region> session"). */
  switchName: z.string().min(1).max(32).optional(),
});

/** An `mqtts://host[:port]` URL (port 8883 by default; 443 goes through ALPN `x-amzn-mqtt-ca`). */
const mqttsUrl = z.string().refine((u) => {
  if (!/^mqtts:\/\//i.test(u)) return false;
  try {
    const url = new URL(u);
    return (
      url.hostname !== "" &&
      url.username === "" &&
      url.password === "" &&
      url.search === "" &&
      url.hash === "" &&
      /^\/?$/.test(url.pathname)
    );
  } catch {
    return false;
  }
}, "must be mqtts://<host>[:port], e.g. mqtts://abc123-ats.iot.eu-west-1.amazonaws.com:8883 (no path, no user)");

/**
 * The outbound link to AWS IoT Core (docs/cloud-link.md). Files are relative to the storage folder
 * or absolute; `ca` defaults to Node's own roots (which hold Amazon's).
 */
export const CloudConfigSchema = z.strictObject({
  url: mqttsUrl,
  /** The MQTT client id and the topic prefix `biolight/v1/<thing>/`. */
  thing: ThingNameSchema,
  cert: z.string().min(1),
  key: z.string().min(1),
  ca: z.string().min(1).optional(),
});

export const BridgeConfigSchema = z
  .strictObject({
    panels: z.array(PanelConfigSchema).min(1, "needs at least one panel").max(16),
    people: z
      .array(PersonConfigSchema)
      .min(1, "needs at least one person (or leave people out)")
      .max(16)
      .default([{ ...HOUSEHOLD_PERSON }]),
    dose: DoseLimitsSchema.default(DoseLimitsSchema.parse({})),
    regions: z.partialRecord(RegionIdSchema, RegionSettingsSchema).default({}),
    retired: RetiredSchema.default({ people: [], panels: [] }),
    cloud: CloudConfigSchema.optional(),
  })
  .superRefine((cfg, ctx) => {
    refineIds(cfg, ctx);
    const seen = new Set<string>();
    cfg.panels.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: "custom", path: ["panels", i, "id"], message: `duplicate panel id "${p.id}"` });
      seen.add(p.id);
    });
    const people = new Set<string>();
    cfg.people.forEach((p, i) => {
      if (people.has(p.id)) ctx.addIssue({ code: "custom", path: ["people", i, "id"], message: `duplicate person id "${p.id}"` });
      people.add(p.id);
    });
    cfg.panels.forEach((p, i) => {
      if (p.defaultPerson !== undefined && !people.has(p.defaultPerson))
        ctx.addIssue({
          code: "custom",
          path: ["panels", i, "defaultPerson"],
          message: `must be one of the people: ${[...people].join(", ")}`,
        });
    });
    // Two switches of one name: a voice assistant could not tell which one is meant.
    const switchNames = new Map<string, RegionId>();
    for (const region of REGION_IDS) {
      const name = cfg.regions[region]?.switchName ?? defaultSwitchName(region);
      const other = switchNames.get(name.toLowerCase());
      // Named where the config sets it (a default name is not in the file).
      const [named, taken] = other && cfg.regions[region]?.switchName === undefined ? [other, region] : [region, other];
      if (other)
        ctx.addIssue({
          code: "custom",
          path: ["regions", named, "switchName"],
          message: `"${name}" is already the switch name of ${taken}`,
        });
      switchNames.set(name.toLowerCase(), region);
    }
    if (cfg.dose.minSessionSeconds > cfg.dose.maxSessionSeconds)
      ctx.addIssue({ code: "custom", path: ["dose", "minSessionSeconds"], message: "must not exceed dose.maxSessionSeconds" });
  });

export type ShellyDriverConfig = z.infer<typeof ShellyDriverSchema>;
export type DriverConfig = z.infer<typeof DriverSchema>;
export type PanelConfig = z.infer<typeof PanelConfigSchema>;
export type PersonConfig = z.infer<typeof PersonConfigSchema>;
export type CloudConfig = z.infer<typeof CloudConfigSchema>;
export type BridgeConfig = z.infer<typeof BridgeConfigSchema>;
export type BridgeConfigInput = z.input<typeof BridgeConfigSchema>;

/** Keys allowed at a config path, for "unknown key" errors. */
export function allowedConfigKeys(path: readonly PropertyKey[]): readonly string[] | undefined {
  const [head, , sub] = path;
  if (path.length === 0) return Object.keys(BridgeConfigSchema.shape);
  if (head === "dose") return Object.keys(DoseLimitsSchema.shape);
  if (head === "regions") return path.length === 1 ? REGION_IDS : Object.keys(RegionSettingsSchema.shape);
  if (head === "panels" && path.length === 2) return Object.keys(PanelConfigSchema.shape);
  if (head === "cloud") return Object.keys(CloudConfigSchema.shape);
  if (head === "people" && path.length === 2) return Object.keys(PersonConfigSchema.shape);
  if (head === "retired" && path.length === 1) return Object.keys(RetiredSchema.shape);
  if (head === "panels" && sub === "driver") return ["kind", ...Object.keys(ShellyDriverSchema.shape).filter((k) => k !== "kind")];
  return undefined;
}

export const DEFAULT_CONFIG: BridgeConfigInput = {
  panels: [{ id: "panel-1", name: "Red light panel", driver: { kind: "simulated" } }],
};

/** A region's default session length: the config's, else the catalogue's. */
export const regionDefaultSeconds = (config: BridgeConfig, region: RegionId): number =>
  config.regions[region]?.defaultSeconds ?? REGIONS[region].defaultSeconds;

const defaultSwitchName = (region: RegionId): string => `${REGIONS[region].shortName} session`;

/**
 * The name of `panel`'s Matter switch for `region` (panels with `regionSwitches`): the region's
 * `switchName`, else "<Region> session" ("Low back session"). With region switches on more than one
 * panel, the panel's name goes first ("Bedroom low back session"), cut to Matter's 32 characters.
 */
export function regionSwitchName(config: BridgeConfig, panel: PanelConfig, region: RegionId): string {
  const configured = config.regions[region]?.switchName;
  if (config.panels.filter((p) => p.regionSwitches).length <= 1) return configured ?? defaultSwitchName(region);
  const name = configured ?? `${REGIONS[region].shortName.toLowerCase()} session`;
  return `${panel.name} ${name}`.slice(0, 32).trimEnd();
}

/** The panel with `panelId`, or the first panel when none is named. */
export const findPanel = (config: BridgeConfig, panelId?: string): PanelConfig | undefined =>
  panelId === undefined ? config.panels[0] : config.panels.find((p) => p.id === panelId);

/** Whom a session on `panel` is for when nobody is named: its `defaultPerson`, else the first person. */
export const defaultPersonOf = (config: BridgeConfig, panel: PanelConfig): string => panel.defaultPerson ?? config.people[0].id;

/** The person with `personId`, or undefined. */
export const findPerson = (config: BridgeConfig, personId: string): PersonConfig | undefined =>
  config.people.find((p) => p.id === personId);
