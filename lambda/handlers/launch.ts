import type { RequestHandler } from "ask-sdk-core";
import { setConversation, speech } from "../context.js";
import { ask } from "../respond.js";
import { isIntent, isRequest } from "./match.js";

export const LaunchHandler: RequestHandler = {
  canHandle: (h) => isRequest(h, "LaunchRequest") || isIntent(h, "AMAZON.NavigateHomeIntent"),
  handle(h) {
    setConversation(h, undefined);
    return ask(h, speech(h).welcome(), speech(h).welcomeReprompt());
  },
};
