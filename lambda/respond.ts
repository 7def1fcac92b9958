/** Building replies: every text goes through ssmlSafe; only a reprompt keeps the session open. */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import { ssmlSafe } from "./speech/index.js";

/** Speak and wait for an answer. */
export const ask = (h: HandlerInput, text: string, reprompt: string): Response =>
  h.responseBuilder.speak(ssmlSafe(text)).reprompt(ssmlSafe(reprompt)).getResponse();

/** Speak and end the skill session. */
export const tell = (h: HandlerInput, text: string): Response =>
  h.responseBuilder.speak(ssmlSafe(text)).withShouldEndSession(true).getResponse();

export const joinSpeech = (...parts: Array<string | undefined>): string => parts.filter(Boolean).join(" ");
