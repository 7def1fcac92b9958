/**
 * The skill as the Lambda entry loads it with the first request (built to its own file,
 * dist/lambda/skill-core.js, so the entry stays small): the short-lived settings first, then the
 * skill from the environment. One bundle for both, so the setting reaches the zod the skill uses.
 */
import type { Skill as CustomSkill } from "ask-sdk-core";
import { configureShortLived } from "./short-lived.js";

export async function loadSkill(env: NodeJS.ProcessEnv): Promise<CustomSkill> {
  configureShortLived();
  const { skillFromEnv } = await import("./from-env.js");
  return skillFromEnv(env);
}
