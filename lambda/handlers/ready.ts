import type { RequestHandler } from "ask-sdk-core";
import { requestSession } from "../flows/start-session.js";
import { conversation, setConversation, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

/** "Ready": movement → self-release → the light. */
export const ReadyHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "ReadyIntent"),
  handle(h) {
    const s = speech(h);
    const step = conversation(h);
    if (step?.step !== "routine") return ask(h, s.notInRoutine(), s.reprompt());
    if (step.stage === "movement") {
      setConversation(h, { ...step, stage: "release" });
      return ask(h, s.routineRelease(step.region), s.routineReprompt());
    }
    return requestSession(h, { region: step.region });
  },
};
