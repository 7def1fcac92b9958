import type { RequestHandler } from "ask-sdk-core";
import { speech } from "../context.js";
import { ask } from "../respond.js";
import { isIntent } from "./match.js";

export const HelpHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "AMAZON.HelpIntent"),
  handle: (h) => ask(h, speech(h).help(), speech(h).reprompt()),
};
