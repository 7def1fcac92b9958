import type { RequestHandler } from "ask-sdk-core";
import { slotOneOf } from "../language/slots.js";
import { FAQ_TOPICS } from "../language/vocabulary.js";
import { intentOf, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

/** An answer per topic; anything else hears the questions it can answer. */
export const FaqHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "FaqIntent"),
  handle(h) {
    const s = speech(h);
    const topic = slotOneOf(intentOf(h), "topic", FAQ_TOPICS);
    if (topic.kind !== "ok") {
      const offer = s.faqUnknown(FAQ_TOPICS.map((t) => s.faq[t].question));
      return ask(h, offer, offer);
    }
    return ask(h, `${s.faq[topic.value].answer()} ${s.reprompt()}`, s.reprompt());
  },
};
