/** The Lambda entry: an async handler; the skill is built once per container, on the first request. */

import type { Skill as CustomSkill } from "ask-sdk-core";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { skillFromEnv } from "./from-env.js";

let skill: Promise<CustomSkill> | undefined;

export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  skill ??= skillFromEnv(process.env).catch((err) => {
    skill = undefined; // a later request tries again (e.g. a secret that was not readable yet)
    throw err;
  });
  return (await skill).invoke(event, context);
}
