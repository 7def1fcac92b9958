/** Loads this user's data before the handler and saves it after, when it changed. */
import type { RequestInterceptor, ResponseInterceptor } from "ask-sdk-core";
import type { SkillDeps } from "../context.js";
import { state } from "../context.js";
import { speechFor } from "../speech/index.js";
import { parseUserData, pruneLogs } from "../user-data.js";

export const loadRequestState = (deps: SkillDeps): RequestInterceptor => ({
  async process(h) {
    const raw = await h.attributesManager.getPersistentAttributes();
    h.attributesManager.setRequestAttributes({
      deps,
      speech: speechFor(h.requestEnvelope.request.locale),
      user: parseUserData(raw),
      userChanged: false,
    });
  },
});

export const saveUserData: ResponseInterceptor = {
  async process(h) {
    const s = state(h);
    if (!s?.userChanged) return;
    h.attributesManager.setPersistentAttributes(pruneLogs(s.user, s.deps.now()));
    await h.attributesManager.savePersistentAttributes();
    s.userChanged = false;
  },
};
