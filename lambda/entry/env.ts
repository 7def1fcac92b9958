/** The skill's settings from the environment (docs/skill.md, "Skill environment"), validated with one schema. */
import { join } from "node:path";
import * as z from "zod";
import { ThingNameSchema } from "../../matter-bridge/contract/cloud-link.js";
import { describeIssues } from "../../matter-bridge/contract/issues.js";
import { API_TOKEN_FILE } from "../../matter-bridge/contract/storage.js";

export const SkillEnvSchema = z
  .object({
    BRIDGE_URL: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:8787" })
      .default("http://127.0.0.1:8787"),
    BRIDGE_TOKEN: z.string().min(1).optional(),
    /** Set by the SAM template: the token lives in Secrets Manager, not in plain environment text. */
    BRIDGE_TOKEN_SECRET_ARN: z.string().min(1).optional(),
    SKILL_ID: z
      .string()
      .regex(/^amzn1\.ask\.skill\.[0-9a-f-]+$/i, "must look like amzn1.ask.skill.<uuid>")
      .optional(),
    PERSISTENCE: z.enum(["file", "dynamodb"], { error: 'must be "file" or "dynamodb"' }).default("file"),
    SKILL_DATA_DIR: z.string().min(1).default("./.data/skill"),
    DYNAMODB_TABLE: z.string().min(3).optional(),
    /** How the skill reaches the bridge: its HTTP API at BRIDGE_URL, or the MQTT link through a broker (AWS IoT Core). */
    BRIDGE_LINK: z.enum(["http", "mqtt"], { error: 'must be "http" or "mqtt"' }).default("http"),
    /** wss://<ATS endpoint>/mqtt (signed with the function's AWS credentials), or ws:// / mqtt(s):// unsigned. */
    MQTT_URL: z.url({ protocol: /^(wss?|mqtts?)$/, error: "must be a wss://, ws://, mqtt:// or mqtts:// URL" }).optional(),
    /** The household's thing: the bridge's MQTT client id and topic prefix. */
    BRIDGE_THING: ThingNameSchema.optional(),
    /** single: every user reaches BRIDGE_THING (or BRIDGE_URL); dynamodb: each user reaches the household they linked (HOUSEHOLDS_TABLE). */
    HOUSEHOLDS: z.enum(["single", "dynamodb"], { error: 'must be "single" or "dynamodb"' }).default("single"),
    /** The household table: link codes and bindings Alexa user → thing (lambda/households/schema.ts). */
    HOUSEHOLDS_TABLE: z.string().min(3).optional(),
    /** Where the bridge keeps its token file, for a skill running next to the bridge. */
    BRIDGE_STORAGE: z.string().min(1).default("./.data"),
  })
  .refine((e) => e.PERSISTENCE !== "dynamodb" || e.DYNAMODB_TABLE, {
    path: ["DYNAMODB_TABLE"],
    message: "is required when PERSISTENCE=dynamodb",
  })
  .refine((e) => e.BRIDGE_LINK !== "mqtt" || e.MQTT_URL, { path: ["MQTT_URL"], message: "is required when BRIDGE_LINK=mqtt" })
  .refine((e) => e.BRIDGE_LINK !== "mqtt" || e.BRIDGE_THING || e.HOUSEHOLDS === "dynamodb", {
    path: ["BRIDGE_THING"],
    message: "is required when BRIDGE_LINK=mqtt (unless HOUSEHOLDS=dynamodb)",
  })
  .refine((e) => e.HOUSEHOLDS !== "dynamodb" || e.HOUSEHOLDS_TABLE, {
    path: ["HOUSEHOLDS_TABLE"],
    message: "is required when HOUSEHOLDS=dynamodb",
  })
  .refine((e) => e.HOUSEHOLDS !== "dynamodb" || e.BRIDGE_LINK === "mqtt", {
    path: ["BRIDGE_LINK"],
    message: "must be mqtt when HOUSEHOLDS=dynamodb (each household's bridge is reached through its own thing)",
  });
export type SkillEnv = z.infer<typeof SkillEnvSchema>;

export class SkillEnvError extends Error {}

export function parseSkillEnv(env: NodeJS.ProcessEnv): SkillEnv {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = SkillEnvSchema.safeParse(blankless);
  if (!parsed.success)
    throw new SkillEnvError(
      `Invalid skill environment:\n${describeIssues(parsed.error)
        .map((l) => `  - ${l}`)
        .join("\n")}`,
    );
  return parsed.data;
}

/** BRIDGE_TOKEN, else the Secrets Manager secret, else the bridge's token file beside a local skill. */
export async function resolveBridgeToken(env: SkillEnv): Promise<string> {
  if (env.BRIDGE_TOKEN) return env.BRIDGE_TOKEN;
  if (env.BRIDGE_TOKEN_SECRET_ARN) {
    const { SecretsManagerClient, GetSecretValueCommand } = await import("@aws-sdk/client-secrets-manager");
    const client = new SecretsManagerClient({});
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: env.BRIDGE_TOKEN_SECRET_ARN }));
      if (!out.SecretString) throw new SkillEnvError("The bridge token secret has no string value.");
      return out.SecretString.trim();
    } finally {
      client.destroy();
    }
  }
  const file = join(env.BRIDGE_STORAGE, API_TOKEN_FILE);
  try {
    const { readFile } = await import("node:fs/promises"); // only a skill beside the bridge reads its token file
    const token = (await readFile(file, "utf8")).trim();
    if (token) return token;
  } catch {}
  throw new SkillEnvError(`No bridge token: set BRIDGE_TOKEN, or run the bridge once so that ${file} exists.`);
}
