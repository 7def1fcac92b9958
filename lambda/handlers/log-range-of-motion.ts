import type { RequestHandler } from "ask-sdk-core";
import { identifyForLog, updateLogs } from "../flows/person.js";
import { slotOneOf } from "../language/slots.js";
import { ROM_CHANGES } from "../language/vocabulary.js";
import { deps, intentOf, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

export const LogRangeOfMotionHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogRangeOfMotionIntent"),
  async handle(h) {
    const s = speech(h);
    const change = slotOneOf(intentOf(h), "change", ROM_CHANGES);
    if (change.kind !== "ok") return ask(h, s.askRom(), s.askRom());
    const who = await identifyForLog(h);
    if (who.kind === "reply") return who.response;
    const value = change.value;
    const now = deps(h).clock.now();
    updateLogs(h, who, (p) => ({ ...p, rom: [...p.rom, { at: now, change: value }] }));
    const away = who.kind === "account" ? ` ${s.loggedForHousehold()}` : "";
    return ask(h, `${s.romLogged(value)}${away} ${s.reprompt()}`, s.reprompt());
  },
};
