import type { RequestHandler } from "ask-sdk-core";
import { DAY_MS, WEEK_MS } from "../../matter-bridge/contract/units.js";
import { identifyForLog, updateLogs } from "../flows/person.js";
import { deps, me, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

export const LogSpasmHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogSpasmIntent"),
  async handle(h) {
    const s = speech(h);
    const who = await identifyForLog(h);
    if (who.kind === "reply") return who.response;
    const now = deps(h).clock.now();
    updateLogs(h, who, (p) => ({ ...p, spasms: [...p.spasms, now] }));
    if (who.kind === "account") return ask(h, `${s.spasmNoted()} ${s.loggedForHousehold()} ${s.reprompt()}`, s.reprompt());
    const count = me(h).spasms.filter((at) => at > now - WEEK_MS).length;
    return ask(h, `${s.spasmLogged(count, WEEK_MS / DAY_MS)} ${s.reprompt()}`, s.reprompt());
  },
};
