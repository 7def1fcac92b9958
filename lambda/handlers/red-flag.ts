import type { RequestHandler } from "ask-sdk-core";
import { reportRedFlag, WITHDRAW_REASONS } from "../flows/caution.js";
import { setConversation, speech } from "../request/context.js";
import { joinSpeech, tell } from "../request/respond.js";
import { isIntent } from "./match.js";

/**
 * A red-flag symptom: advise prompt evaluation, start nothing, withdraw this user's "none apply" so
 * the caution is asked again before any later session, and withdraw the household's on the bridge,
 * which switches off anything running and pauses every session until the caution is answered again.
 */
export const RedFlagHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "RedFlagIntent"),
  async handle(h) {
    const s = speech(h);
    setConversation(h, undefined);
    const bridge = await reportRedFlag(h, WITHDRAW_REASONS.symptom);
    return tell(h, joinSpeech(s.redFlag(), bridge));
  },
};
