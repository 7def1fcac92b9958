/**
 * The skill's Lambda entry, built to dist/lambda/index.js (the templates' `index.handler` and
 * `index.provision`): an async handler; the skill is built once per container, on the first request.
 * Everything but this file loads with that first request: the build makes the skill
 * (`skill-core.ts`) and the provisioning handler files of their own, which this one requires when
 * first asked, so the module itself loads in about the time of a hello-world skill.
 */

import type { Skill as CustomSkill } from "ask-sdk-core";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";

let skill: Promise<CustomSkill> | undefined;

/**
 * In the Lambda bundle (CommonJS) the skill is a file of its own, required: an import() of a
 * CommonJS file goes through the ESM loader, which first scans the whole file for its exports
 * (about 25 ms more for the skill's). Outside the bundle (ESM), an import().
 */
const loadCore = (): Promise<typeof import("./skill-core.js")> =>
  typeof require === "function" ? Promise.resolve(require("./skill-core.js")) : import("./skill-core.js");

export async function handler(event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
  skill ??= loadCore()
    .then(({ loadSkill }) => loadSkill(process.env))
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
