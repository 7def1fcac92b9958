import type { RequestHandler } from "ask-sdk-core";
import { setConversation, speech } from "../context.js";
import { withdrawAcknowledgement } from "../flows/caution.js";
import { stopAll } from "../flows/panel.js";
import { joinSpeech, tell } from "../respond.js";
import { isIntent } from "./match.js";

/**
 * A red-flag symptom: advise prompt evaluation, switch off anything running, start nothing, and
 * withdraw this user's "none apply" so the caution is asked again before any later session.
 */
export const RedFlagHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "RedFlagIntent"),
  async handle(h) {
    const s = speech(h);
    setConversation(h, undefined);
    withdrawAcknowledgement(h);
    const stopped = await stopAll(h);
    const switchedOff = stopped.kind === "ok" && stopped.value.length > 0;
    return tell(h, joinSpeech(s.redFlag(), switchedOff ? s.redFlagStopped() : undefined));
  },
};
