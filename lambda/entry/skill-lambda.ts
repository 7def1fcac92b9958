/**
 * The skill's Lambda entry, built to dist/lambda/index.js (the templates' `index.handler` and
 * `index.provision`): an async handler; the skill is built once per container, on the first request.
 * Everything but this file loads with that first request (a dynamic import, which the CommonJS bundle
 * keeps lazy), so the module itself loads in about the time of a hello-world skill.
 */

import type { Skill as CustomSkill } from "ask-sdk-core";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";

let skill: Promise<CustomSkill> | undefined;

export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  skill ??= import("./short-lived.js")
    .then(({ configureShortLived }) => {
      configureShortLived();
      return import("./from-env.js");
    })
    .then(({ skillFromEnv }) => skillFromEnv(process.env))
    .catch((err) => {
      skill = undefined; // a later request tries again (e.g. a secret that was not readable yet)
      throw err;
    });
  return (await skill).invoke(event, context);
}

/** Hosted mode's provisioning endpoint (API Gateway → `index.provision`): its own handler, loaded only in that function. */
export async function provision(event: import("../provision/handler.js").HttpApiEvent) {
  return (await import("../provision/handler.js")).handler(event);
}
