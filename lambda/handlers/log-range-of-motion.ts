import type { RequestHandler } from "ask-sdk-core";
import { deps, intentOf, speech, updateUser } from "../context.js";
import { ask } from "../respond.js";
import { slotOneOf } from "../slots.js";
import { ROM_CHANGES } from "../vocabulary.js";
import { isIntent } from "./match.js";

export const LogRangeOfMotionHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogRangeOfMotionIntent"),
  handle(h) {
    const s = speech(h);
    const change = slotOneOf(intentOf(h), "change", ROM_CHANGES);
    if (change.kind !== "ok") return ask(h, s.askRom(), s.askRom());
    const value = change.value;
    const now = deps(h).now();
    updateUser(h, (u) => ({ ...u, rom: [...u.rom, { at: now, change: value }] }));
    return ask(h, `${s.romLogged(value)} ${s.reprompt()}`, s.reprompt());
  },
};
