import type { RequestHandler } from "ask-sdk-core";
import { DAY_MS, WEEK_MS } from "../../matter-bridge/contract/index.js";
import { deps, speech, updateUser, user } from "../context.js";
import { ask } from "../respond.js";
import { isIntent } from "./match.js";

export const LogSpasmHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogSpasmIntent"),
  handle(h) {
    const s = speech(h);
    const now = deps(h).now();
    updateUser(h, (u) => ({ ...u, spasms: [...u.spasms, now] }));
    const count = user(h).spasms.filter((at) => at > now - WEEK_MS).length;
    return ask(h, `${s.spasmLogged(count, WEEK_MS / DAY_MS)} ${s.reprompt()}`, s.reprompt());
  },
};
