/** The skill as configured by the environment: what the Lambda, the self-hosted server and `npm run say` run. */
import type { Skill as CustomSkill } from "ask-sdk-core";
import { BridgeClient } from "./bridge-client.js";
import { parseSkillEnv, resolveBridgeToken } from "./env.js";
import { persistenceFromEnv } from "./persistence/index.js";
import { createSkill } from "./skill.js";

export async function skillFromEnv(processEnv: NodeJS.ProcessEnv = process.env): Promise<CustomSkill> {
  const env = parseSkillEnv(processEnv);
  const token = await resolveBridgeToken(env);
  return createSkill({
    bridge: new BridgeClient({ url: env.BRIDGE_URL, token }),
    persistence: await persistenceFromEnv(env),
    skillId: env.SKILL_ID,
  });
}
