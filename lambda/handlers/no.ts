import type { RequestHandler } from "ask-sdk-core";
import { recordAcknowledgement } from "../flows/caution.js";
import { identify } from "../flows/person.js";
import { startRoutine } from "../flows/routine.js";
import { requestSession } from "../flows/start-session.js";
import { conversation, setConversation, speech } from "../request/context.js";
import { ask, joinSpeech, tell } from "../request/respond.js";
import { isIntent } from "./match.js";

/** "No" to the caution records the acknowledgement (of the version that was read) and carries on with what was asked for. */
export const NoHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "AMAZON.NoIntent"),
  async handle(h) {
    const s = speech(h);
    const step = conversation(h);
    if (step?.step === "caution") {
      // The answer is the person's own: who they are is known by now (asked before the caution was read).
      const who = await identify(h);
      if (who.kind === "reply") return who.response;
      setConversation(h, undefined);
      await recordAcknowledgement(h, step.version);
      const thanks = s.cautionAcknowledged();
      if (step.routine) return startRoutine(h, step.routine, thanks);
      if (step.pending) return requestSession(h, step.pending, thanks);
      return ask(h, joinSpeech(thanks, s.reprompt()), s.reprompt());
    }
    setConversation(h, undefined);
    if (step?.step === "offer") return tell(h, s.noThanks());
    return ask(h, s.reprompt(), s.reprompt());
  },
};
