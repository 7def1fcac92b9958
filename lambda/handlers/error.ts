import type { ErrorHandler } from "ask-sdk-core";
import { speechFor } from "../language/speech/index.js";
import { ask } from "../request/respond.js";

/** Anything unexpected: apologise and keep listening; never an exception to Alexa. */
export const SkillErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(h, error) {
    console.error(`skill error: ${error.stack ?? error.message}`);
    const s = speechFor(h.requestEnvelope.request.locale);
    return ask(h, s.error(), s.reprompt());
  },
};
