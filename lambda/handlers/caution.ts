import type { RequestHandler } from "ask-sdk-core";
import { speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

export const CautionHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "CautionIntent"),
  handle(h) {
    const s = speech(h);
    return ask(h, `${s.cautionAgain()} ${s.reprompt()}`, s.reprompt());
  },
};
