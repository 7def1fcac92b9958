import type { RequestHandler } from "ask-sdk-core";
import { matchPerson, voiceOf } from "../flows/person.js";
import { clearCurrentPerson, currentPerson, intentOf, speech, updateUser, user } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

/**
 * "That's not me", "forget my voice", "I'm not Ben": the speaker's Alexa voice profile is no longer
 * linked to a person (only theirs; other voices stay), and nobody is known for this skill session any
 * more, so the next request asks who it is. "I'm not Anna" from a voice linked to Ben changes nothing.
 */
export const ForgetVoiceHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "ForgetVoiceIntent"),
  handle(h) {
    const s = speech(h);
    const voice = voiceOf(h);
    const linked = voice ? user(h).voices[voice] : undefined;
    const reply = (text: string) => ask(h, `${text} ${s.reprompt()}`, s.reprompt());
    if (!voice) return reply(s.voiceNotRecognized());
    if (!linked) return reply(s.voiceNotLinked());
    const denied = intentOf(h)?.slots?.name?.value?.trim();
    if (denied && !matchPerson(denied, [linked])) return reply(s.voiceIsSomeoneElse(linked.name));
    updateUser(h, (u) => ({ ...u, voices: Object.fromEntries(Object.entries(u.voices).filter(([v]) => v !== voice)) }));
    if (currentPerson(h)) clearCurrentPerson(h);
    return reply(s.voiceForgotten(linked.name));
  },
};
