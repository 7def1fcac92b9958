import type { RequestHandler } from "ask-sdk-core";
import { deps, speech, updateUser, user } from "../context.js";
import { ask } from "../respond.js";
import { isIntent } from "./match.js";

const WEEK = 7 * 24 * 3600 * 1000;

export const LogSpasmHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogSpasmIntent"),
  handle(h) {
    const s = speech(h);
    const now = deps(h).now();
    updateUser(h, (u) => ({ ...u, spasms: [...u.spasms, now] }));
    const count = user(h).spasms.filter((at) => at > now - WEEK).length;
    return ask(h, `${s.spasmLogged(count)} ${s.reprompt()}`, s.reprompt());
  },
};
