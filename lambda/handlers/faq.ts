import type { RequestHandler } from "ask-sdk-core";
import { intentOf, speech } from "../context.js";
import { ask } from "../respond.js";
import { slotId } from "../slots.js";
import { isIntent } from "./match.js";

export const FaqHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "FaqIntent"),
  handle(h) {
    const s = speech(h);
    const topic = slotId(intentOf(h), "topic");
    const answer = topic.kind === "ok" ? s.faq[topic.value] : undefined;
    if (!answer) return ask(h, s.faqUnknown(), s.faqUnknown());
    return ask(h, `${answer()} ${s.reprompt()}`, s.reprompt());
  },
};
