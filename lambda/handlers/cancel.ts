import type { RequestHandler } from "ask-sdk-core";
import { setConversation, speech } from "../request/context.js";
import { tell } from "../request/respond.js";
import { isIntent } from "./match.js";

/** Cancel ends the conversation; a running session keeps its own timed off. */
export const CancelHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "AMAZON.CancelIntent"),
  handle(h) {
    setConversation(h, undefined);
    return tell(h, speech(h).goodbye());
  },
};
