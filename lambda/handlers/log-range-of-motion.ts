import type { RequestHandler } from "ask-sdk-core";
import { deps, intentOf, speech, updateUser } from "../context.js";
import { ask } from "../respond.js";
import { slotId } from "../slots.js";
import type { RomChange } from "../user-data.js";
import { isIntent } from "./match.js";

const CHANGES: readonly string[] = ["better", "same", "worse"] satisfies RomChange[];

export const LogRangeOfMotionHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogRangeOfMotionIntent"),
  handle(h) {
    const s = speech(h);
    const change = slotId(intentOf(h), "change");
    if (change.kind !== "ok" || !CHANGES.includes(change.value)) return ask(h, s.askRom(), s.askRom());
    const value = change.value as RomChange;
    const now = deps(h).now();
    updateUser(h, (u) => ({ ...u, rom: [...u.rom, { at: now, change: value }] }));
    return ask(h, `${s.romLogged(value)} ${s.reprompt()}`, s.reprompt());
  },
};
