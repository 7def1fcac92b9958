/** Loads this user's data before the handler and saves it after, when it changed. */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from "ask-sdk-core";
import { speechFor } from "../language/speech/index.js";
import { alexaUserId } from "../user-data/persistence/user-key.js";
import { parseUserData, pruneLogs } from "../user-data/schema.js";
import type { SkillDeps } from "./context.js";
import { NOT_LINKED, state } from "./context.js";

export const loadRequestState = (deps: SkillDeps): RequestInterceptor => ({
  async process(h) {
    const [raw, household] = await Promise.all([h.attributesManager.getPersistentAttributes(), householdOf(deps, h)]);
    h.attributesManager.setRequestAttributes({
      deps: household,
      speech: speechFor(h.requestEnvelope.request.locale),
      user: parseUserData(raw),
      userChanged: false,
    });
  },
});

/** With households: this request's user's bridge, looked up per request (a skill event needs none). */
async function householdOf(deps: SkillDeps, h: HandlerInput): Promise<SkillDeps> {
  if (!deps.households || h.requestEnvelope.request.type.startsWith("AlexaSkillEvent.")) return deps;
  const bridge = await deps.households.bridgeFor(alexaUserId(h.requestEnvelope));
  return bridge ? { ...deps, bridge, household: "linked" } : { ...deps, bridge: NOT_LINKED, household: "unlinked" };
}

export const saveUserData: ResponseInterceptor = {
  async process(h) {
    const s = state(h);
    if (!s?.userChanged) return;
    h.attributesManager.setPersistentAttributes(pruneLogs(s.user, s.deps.clock.now()));
    await h.attributesManager.savePersistentAttributes();
    s.userChanged = false;
  },
};
