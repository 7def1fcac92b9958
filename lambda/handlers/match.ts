import { getIntentName, getRequestType, type HandlerInput } from "ask-sdk-core";

export const isRequest = (h: HandlerInput, type: string): boolean => getRequestType(h.requestEnvelope) === type;

export const isIntent = (h: HandlerInput, ...names: string[]): boolean =>
  isRequest(h, "IntentRequest") && names.includes(getIntentName(h.requestEnvelope));
