import type { RequestHandler } from "ask-sdk-core";
import { isRequest } from "./match.js";

export const SessionEndedHandler: RequestHandler = {
  canHandle: (h) => isRequest(h, "SessionEndedRequest"),
  handle: (h) => h.responseBuilder.getResponse(),
};
