import type { RequestHandler } from "ask-sdk-core";
import { deps, intentOf, speech, updateMe } from "../context.js";
import { identify } from "../flows/person.js";
import { ask } from "../respond.js";
import { slotOneOf } from "../slots.js";
import { ROM_CHANGES } from "../vocabulary.js";
import { isIntent } from "./match.js";

export const LogRangeOfMotionHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogRangeOfMotionIntent"),
  async handle(h) {
    const s = speech(h);
    const change = slotOneOf(intentOf(h), "change", ROM_CHANGES);
    if (change.kind !== "ok") return ask(h, s.askRom(), s.askRom());
    const who = await identify(h);
    if (who.kind === "reply") return who.response;
    const value = change.value;
    const now = deps(h).now();
    updateMe(h, (p) => ({ ...p, rom: [...p.rom, { at: now, change: value }] }));
    return ask(h, `${s.romLogged(value)} ${s.reprompt()}`, s.reprompt());
  },
};
