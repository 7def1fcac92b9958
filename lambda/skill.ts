/** The skill, built once: handlers, interceptors, persistence, the Alexa API client. */
import { type Skill as CustomSkill, DefaultApiClient, type PersistenceAdapter, SkillBuilders } from "ask-sdk-core";
import { CAUTION_VERSION } from "../matter-bridge/contract/caution.js";
import type { BridgeClient } from "./bridge-client.js";
import type { SkillDeps } from "./context.js";
import { requestHandlers, SkillErrorHandler } from "./handlers/index.js";
import { loadRequestState, saveUserData } from "./interceptors/user-data.js";

export interface SkillOptions {
  bridge: BridgeClient;
  persistence: PersistenceAdapter;
  /** When set, requests for any other skill id are rejected. */
  skillId?: string;
  now?: () => number;
  cautionVersion?: number;
  alexaApiTimeoutMs?: number;
}

export function createSkill(options: SkillOptions): CustomSkill {
  const deps: SkillDeps = {
    bridge: options.bridge,
    now: options.now ?? Date.now,
    cautionVersion: options.cautionVersion ?? CAUTION_VERSION,
    alexaApiTimeoutMs: options.alexaApiTimeoutMs ?? 1000,
  };
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...requestHandlers)
    .addErrorHandlers(SkillErrorHandler)
    .addRequestInterceptors(loadRequestState(deps))
    .addResponseInterceptors(saveUserData)
    .withPersistenceAdapter(options.persistence)
    .withApiClient(new DefaultApiClient())
    .withCustomUserAgent("biolight-skill");
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}
