/** The skill, built once: handlers, interceptors, persistence, the Alexa API client. */
import { type Skill as CustomSkill, DefaultApiClient, type PersistenceAdapter, SkillBuilders } from "ask-sdk-core";
import { type Clock, systemClock } from "../../common/clock.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import type { BridgeClient } from "../bridge-api/client.js";
import { requestHandlers, SkillErrorHandler } from "../handlers/index.js";
import type { Households } from "../households/skill-households.js";
import { NOT_LINKED, type SkillDeps } from "../request/context.js";
import { loadRequestState, saveUserData } from "../request/interceptors.js";

export interface SkillOptions {
  /** The one household's bridge (HOUSEHOLDS=single); with `households`, each request's is its user's. */
  bridge?: BridgeClient;
  households?: Households;
  persistence: PersistenceAdapter;
  /** When set, requests for any other skill id are rejected. */
  skillId?: string;
  clock?: Clock;
  cautionVersion?: number;
  alexaApiTimeoutMs?: number;
}

export function createSkill(options: SkillOptions): CustomSkill {
  if (!options.bridge && !options.households) throw new Error("createSkill needs a bridge or households");
  const deps: SkillDeps = {
    bridge: options.bridge ?? NOT_LINKED,
    households: options.households,
    household: options.households ? "unlinked" : "single",
    clock: options.clock ?? systemClock,
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
