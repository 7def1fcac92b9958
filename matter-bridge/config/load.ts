/** Config file + CLI flags + environment, per the DESIGN contract. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as z from "zod";
import { allowedConfigKeys, type BridgeConfig, BridgeConfigSchema, DEFAULT_CONFIG } from "../contract/config.js";
import { describeIssues } from "../contract/issues.js";
import { decimalNumber, exponentInJson } from "../contract/numbers.js";
import { LOG_FORMATS } from "../support/log.js";
import { jsonMistake } from "./json-error.js";

export class ConfigError extends Error {
  /** The exit status a CLI stops with: 1 for the config file, 2 for flags, environment and the `cloud` section. */
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

export async function loadConfig(path?: string): Promise<BridgeConfig> {
  if (!path) return BridgeConfigSchema.parse(DEFAULT_CONFIG);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    throw new ConfigError(`Cannot read config file ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const at = jsonMistake(text);
    throw new ConfigError(
      at
        ? `Config file ${path} is not valid JSON: line ${at.line}, column ${at.column}: ${at.message}`
        : `Config file ${path} is not valid JSON: ${(err as Error).message}`,
    );
  }
  // Plain decimal numbers, as everywhere in the contract.
  const exponent = exponentInJson(text);
  if (exponent) throw new ConfigError(`Invalid ${path}:\n  - ${exponent.field ?? "(file)"}: ${exponent.message}`);
  return parseConfig(json, path);
}

export function parseConfig(json: unknown, source = "config"): BridgeConfig {
  const parsed = BridgeConfigSchema.safeParse(json);
  // A mistake only in the cloud section: one line naming the field, exit 2, as for its files (cloud/options.ts).
  if (!parsed.success && parsed.error.issues.every((i) => i.path[0] === "cloud"))
    throw new ConfigError(`Invalid ${source}: ${describeIssues(parsed.error, allowedConfigKeys).join("; ").replace(/\n\s*/g, " ")}`, 2);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid ${source}:\n${describeIssues(parsed.error, allowedConfigKeys)
        .map((l) => `  - ${l}`)
        .join("\n")}`,
    );
  return parsed.data;
}

/** Ports, passcode and discriminator are plain decimal digits (see contract/numbers.ts), naming the flag. */
const whole = (name: string, min: number, max: number, what = "a whole number") =>
  decimalNumber(z.number().int().min(min, `${name} must be ${min}–${max}`).max(max, `${name} must be ${min}–${max}`), {
    integer: true,
    message: `${name} must be ${what} written in plain digits, ${min}–${max}`,
  });
const port = (name: string) => whole(name, 0, 65535, "a port number");

export const CliOptionsSchema = z.strictObject({
  config: z.string().optional(),
  storage: z.string().min(1),
  matterPort: port("--matter-port / MATTER_PORT"),
  apiPort: port("--api-port / BRIDGE_API_PORT"),
  apiHost: z.string().min(1),
  passcode: whole("--passcode", 1, 99999998).optional(),
  discriminator: whole("--discriminator", 0, 4095).optional(),
  acknowledgeCaution: z.boolean(),
  /** The owner says the machine's clock is right: dose ledger entries dated after it count as just now. */
  clockIsRight: z.boolean().optional(),
  /** Whether the system's time sync (timesyncd, chrony) may say the clock is right (default "system"). */
  clockSync: z.enum(["system", "off"], { error: () => "--clock-sync / BRIDGE_CLOCK_SYNC must be one of: system, off" }).optional(),
  /** Forget every Matter fabric at start (after a confirmation: a y/N prompt on a terminal, else --yes). */
  resetPairing: z.boolean().optional(),
  yes: z.boolean().optional(),
  /** How often the storage lock is checked, and a storage folder the bridge cannot write re-checked (ms; default 2000). */
  storageCheckMs: whole("--storage-check-ms / BRIDGE_STORAGE_CHECK_MS", 100, 60000).optional(),
  logFormat: z.enum(LOG_FORMATS, { error: () => `--log-format / BRIDGE_LOG_FORMAT must be one of: ${LOG_FORMATS.join(", ")}` }).optional(),
  help: z.boolean(),
  version: z.boolean().optional(),
  /** Check the config file (and its cloud section's files), print what was found, exit 0 or 2. */
  checkConfig: z.boolean().optional(),
});
export type CliOptions = z.infer<typeof CliOptionsSchema>;

const FLAGS: Record<string, { key: keyof CliOptions; env?: string; boolean?: boolean }> = {
  "--config": { key: "config", env: "BRIDGE_CONFIG" },
  "--storage": { key: "storage", env: "BRIDGE_STORAGE" },
  "--matter-port": { key: "matterPort", env: "MATTER_PORT" },
  "--api-port": { key: "apiPort", env: "BRIDGE_API_PORT" },
  "--api-host": { key: "apiHost", env: "BRIDGE_API_HOST" },
  "--passcode": { key: "passcode", env: "MATTER_PASSCODE" },
  "--discriminator": { key: "discriminator", env: "MATTER_DISCRIMINATOR" },
  "--acknowledge-caution": { key: "acknowledgeCaution", boolean: true },
  "--clock-is-right": { key: "clockIsRight", boolean: true },
  "--clock-sync": { key: "clockSync", env: "BRIDGE_CLOCK_SYNC" },
  "--reset-pairing": { key: "resetPairing", boolean: true },
  "--yes": { key: "yes", boolean: true },
  "--storage-check-ms": { key: "storageCheckMs", env: "BRIDGE_STORAGE_CHECK_MS" },
  "--log-format": { key: "logFormat", env: "BRIDGE_LOG_FORMAT" },
  "--version": { key: "version", boolean: true },
  "--check-config": { key: "checkConfig", boolean: true },
  "--help": { key: "help", boolean: true },
  "-h": { key: "help", boolean: true },
};

export const USAGE = `Usage: npm start -- [flags]
  --config FILE          panels, dose limits, regions (JSON)      env BRIDGE_CONFIG   default: one simulated panel
  --storage DIR          fabrics, dose ledger, token, passcode    env BRIDGE_STORAGE  default: ./.data
  --matter-port N        Matter UDP port                          env MATTER_PORT     default: 5540
  --api-port N           control API / dashboard port             env BRIDGE_API_PORT default: 8787
  --api-host H           control API listen address               env BRIDGE_API_HOST default: 127.0.0.1
  --passcode N           Matter setup passcode                    env MATTER_PASSCODE default: random, persisted
  --discriminator N      Matter discriminator (0–4095)            env MATTER_DISCRIMINATOR
  --acknowledge-caution  record that the household read the red-flag caution
  --clock-is-right       the machine's clock is right: dose ledger entries dated after it (a clock
                         that was ahead) count as just now; logs both times first
  --clock-sync S         system: a synchronized system clock (timesyncd, chrony) is trusted;
                         off: only --clock-is-right or the dashboard   env BRIDGE_CLOCK_SYNC default: system
  --reset-pairing        forget every Matter pairing (fabric), then run; asks y/N (no terminal: add --yes)
  --storage-check-ms N   how often the storage lock is checked, and a storage folder the bridge
                         cannot write re-checked (ms, 100–60000)  env BRIDGE_STORAGE_CHECK_MS default: 2000
  --log-format F         text or json (one JSON object per line)  env BRIDGE_LOG_FORMAT default: text
  --check-config         check the --config file (and the cloud section's files), then exit:
                         0 when it is good, 2 with the mistakes; starts and writes nothing
  --version              print the version and exit
  env BRIDGE_API_TOKEN   API token (default: generated into the storage dir)
  env MATTER_LOG_LEVEL   matter.js's own lines: debug, info, notice, warn, error, fatal (default: warn)`;

/**
 * matter.js's log variables, checked before matter.js loads: it reads them as it loads and dies of
 * a value it does not know with a stack trace. (The bridge writes matter.js's lines in its own
 * format, so a valid MATTER_LOG_FORMAT changes nothing.)
 */
const MatterEnvSchema = z.object({
  MATTER_LOG_LEVEL: z
    .string()
    .regex(/^(debug|info|notice|warn|error|fatal|0*[0-5])$/i, "must be one of: debug, info, notice, warn, error, fatal (or 0-5)")
    .optional(),
  MATTER_LOG_FORMAT: z.enum(["plain", "ansi", "html"], { error: "must be one of: plain, ansi, html" }).optional(),
});

/** What is wrong with the matter.js variables, in one message (undefined when nothing is). */
export function matterEnvProblem(env: NodeJS.ProcessEnv): string | undefined {
  const parsed = MatterEnvSchema.safeParse({
    MATTER_LOG_LEVEL: env.MATTER_LOG_LEVEL || undefined,
    MATTER_LOG_FORMAT: env.MATTER_LOG_FORMAT || undefined,
  });
  return parsed.success
    ? undefined
    : `Invalid environment:\n${describeIssues(parsed.error)
        .map((l) => `  - ${l}`)
        .join("\n")}`;
}

/** Flags win over environment, environment over defaults. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const raw: Record<string, unknown> = {
    storage: "./.data",
    matterPort: 5540,
    apiPort: 8787,
    apiHost: "127.0.0.1",
    acknowledgeCaution: false,
    logFormat: "text",
    help: false,
    version: false,
  };
  for (const spec of Object.values(FLAGS))
    if (spec.env && env[spec.env] !== undefined && env[spec.env] !== "") raw[spec.key] = env[spec.env];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const spec = FLAGS[flag];
    if (!spec) throw new ConfigError(`Unknown flag ${argv[i]}\n\n${USAGE}`);
    if (spec.boolean) {
      raw[spec.key] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new ConfigError(`${flag} needs a value\n\n${USAGE}`);
    raw[spec.key] = value;
  }
  const parsed = CliOptionsSchema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid options:\n${describeIssues(parsed.error)
        .map((l) => `  - ${l}`)
        .join("\n")}`,
    );
  return { ...parsed.data, storage: resolve(parsed.data.storage) };
}
