/** The skill as configured by the environment: what the Lambda, the self-hosted server and `npm run say` run. */
import type { Skill as CustomSkill } from "ask-sdk-core";
import { BridgeClient } from "./bridge-client.js";
import { parseSkillEnv, resolveBridgeToken, type SkillEnv } from "./env.js";
import { httpFetch } from "./http-fetch.js";
import { persistenceFromEnv } from "./persistence/index.js";
import { createSkill } from "./skill.js";

export async function skillFromEnv(processEnv: NodeJS.ProcessEnv = process.env): Promise<CustomSkill> {
  const env = parseSkillEnv(processEnv);
  return createSkill({
    bridge: await bridgeFromEnv(env, processEnv),
    persistence: await persistenceFromEnv(env),
    skillId: env.SKILL_ID,
  });
}

/** The MQTT link (one per container: this runs once per container), else HTTP with the bridge's token. */
async function bridgeFromEnv(env: SkillEnv, processEnv: NodeJS.ProcessEnv): Promise<BridgeClient> {
  if (env.BRIDGE_LINK === "mqtt" && env.MQTT_URL && env.BRIDGE_THING) {
    const { MqttLink } = await import("./link/mqtt-link.js");
    const link = new MqttLink({ url: env.MQTT_URL, thing: env.BRIDGE_THING, env: processEnv });
    return new BridgeClient({ url: env.MQTT_URL, token: "", link });
  }
  const token = await resolveBridgeToken(env);
  // The subset of fetch the client uses, without loading undici (a cold start's largest cost).
  return new BridgeClient({ url: env.BRIDGE_URL, token, fetch: httpFetch as unknown as typeof fetch });
}
