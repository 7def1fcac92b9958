/** The skill as configured by the environment: what the Lambda, the self-hosted server and `npm run say` run. */
import type { Skill as CustomSkill } from "ask-sdk-core";
import { BridgeClient } from "./bridge-client.js";
import { parseSkillEnv, resolveBridgeToken } from "./env.js";
import { httpFetch } from "./http-fetch.js";
import { persistenceFromEnv } from "./persistence/index.js";
import { createSkill } from "./skill.js";

export async function skillFromEnv(processEnv: NodeJS.ProcessEnv = process.env): Promise<CustomSkill> {
  const env = parseSkillEnv(processEnv);
  const token = await resolveBridgeToken(env);
  return createSkill({
    // The subset of fetch the client uses, without loading undici (a cold start's largest cost).
    bridge: new BridgeClient({ url: env.BRIDGE_URL, token, fetch: httpFetch as unknown as typeof fetch }),
    persistence: await persistenceFromEnv(env),
    skillId: env.SKILL_ID,
  });
}
