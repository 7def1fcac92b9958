import type { HandlerInput, RequestHandler } from "ask-sdk-core";
import type { Request, RequestEnvelope, Response } from "ask-sdk-model";
import { matchPerson, voiceOf } from "../flows/person.js";
import { ssmlSafe } from "../language/speech/index.js";
import { isSymptomPhrase } from "../language/symptoms/index.js";
import {
  conversation,
  conversationSchema,
  intentOf,
  type Resume,
  setConversation,
  setCurrentPerson,
  speech,
  updateUser,
} from "../request/context.js";
import { ask } from "../request/respond.js";
import { FallbackHandler } from "./fallback.js";
import { isIntent } from "./match.js";
import { RedFlagHandler } from "./red-flag.js";

/**
 * The answer to "who is this?" ("Anna", "it's Ben", "it's for Anna"): the person for this skill
 * session, then what was asked for carries on. The answer is remembered for the Alexa voice profile
 * that was asked only when that same voice answers and says who it is ("it's Ben", "I'm Ben", a bare
 * name): "it's for Anna" books this request for Anna and remembers nothing, so a voice is never
 * linked to someone it spoke for. A name the bridge does not know is asked again; heard outside that
 * question, it is not understood.
 *
 * `handlerFor(h)`: the handler, not this one, that takes the request carried on (handlers/index.ts
 * passes the first of its list that can).
 */
export function identifyPersonHandler(handlerFor: (h: HandlerInput) => Promise<RequestHandler | undefined>): RequestHandler {
  return {
    canHandle: (h) => isIntent(h, "IdentifyPersonIntent"),
    async handle(h) {
      const slots = intentOf(h)?.slots;
      const self = slots?.name?.value?.trim() || undefined;
      const heard = self ?? (slots?.forName?.value?.trim() || undefined);
      // A red-flag symptom heard as a "name" ("I am {name}" catching "I am losing weight") is a red flag.
      if (heard && isSymptomPhrase(heard)) return RedFlagHandler.handle(h);
      const step = conversation(h);
      if (step?.step !== "person") return FallbackHandler.handle(h);
      const s = speech(h);
      const names = step.choices.map((c) => c.name);
      const chosen = heard ? matchPerson(heard, step.choices) : undefined;
      if (!chosen) return ask(h, s.whoUnknown(heard, names), s.whoReprompt(names));
      setCurrentPerson(h, { id: chosen.id, name: chosen.name, several: true });
      const voice = self && step.voice && voiceOf(h) === step.voice ? step.voice : undefined;
      if (voice) updateUser(h, (u) => ({ ...u, voices: { ...u.voices, [voice]: { id: chosen.id, name: chosen.name } } }));
      return carryOn(h, handlerFor, step.resume, voice ? s.voiceRemembered(chosen.name) : undefined);
    },
  };
}

/** Handles the request that was waiting for the answer, as if it came now; `prefix` is said first. */
async function carryOn(
  h: HandlerInput,
  handlerFor: (h: HandlerInput) => Promise<RequestHandler | undefined>,
  resume: Resume,
  prefix?: string,
): Promise<Response> {
  const restored = conversationSchema().safeParse(resume.conversation);
  setConversation(h, restored.success ? restored.data : undefined);
  const now = h.requestEnvelope.request;
  const request = { ...resume.request, requestId: now.requestId, timestamp: now.timestamp, locale: now.locale } as Request;
  (h as { requestEnvelope: RequestEnvelope }).requestEnvelope = { ...h.requestEnvelope, request };
  const next = await handlerFor(h);
  if (!next) return ask(h, speech(h).reprompt(), speech(h).reprompt());
  const response = await next.handle(h);
  const speak = response.outputSpeech;
  if (prefix && speak?.type === "SSML") speak.ssml = speak.ssml.replace(/^<speak>/, `<speak>${ssmlSafe(prefix)} `);
  return response;
}
