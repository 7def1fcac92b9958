import type { RequestHandler } from "ask-sdk-core";
import { reportRedFlag, WITHDRAW_REASONS } from "../flows/caution.js";
import { requestSession } from "../flows/start-session.js";
import { conversation, setConversation, speech } from "../request/context.js";
import { ask, tell } from "../request/respond.js";
import { isIntent } from "./match.js";

/**
 * "Yes" to the caution means something applies: nothing starts, this user's answer and the
 * household's on the bridge are withdrawn (which switches off anything running). "Yes" to an offer starts it.
 */
export const YesHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "AMAZON.YesIntent"),
  async handle(h) {
    const s = speech(h);
    const step = conversation(h);
    if (step?.step === "caution") {
      setConversation(h, undefined);
      const bridge = await reportRedFlag(h, WITHDRAW_REASONS.cautionYes);
      return tell(h, s.cautionApplies(bridge));
    }
    if (step?.step === "offer") return requestSession(h, step.pending);
    if (step?.step === "routine") return ask(h, s.routineReprompt(), s.routineReprompt());
    return ask(h, s.reprompt(), s.reprompt());
  },
};
