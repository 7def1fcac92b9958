import type { RequestHandler } from "ask-sdk-core";
import { deps, intentOf, speech, updateUser } from "../context.js";
import { ask } from "../respond.js";
import { numberSlot, regionSlot } from "../slots.js";
import { isIntent } from "./match.js";

/** Knot tenderness 0–10; anything else is asked again and nothing is logged. */
export const LogTendernessHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogTendernessIntent"),
  handle(h) {
    const s = speech(h);
    const intent = intentOf(h);
    const score = numberSlot(intent, "score");
    if (score.kind !== "ok" || score.value < 0 || score.value > 10 || !Number.isInteger(score.value))
      return ask(h, s.askTenderness(), s.askTenderness());
    const region = regionSlot(intent);
    const now = deps(h).now();
    updateUser(h, (u) => ({
      ...u,
      tenderness: [...u.tenderness, { at: now, score: score.value, ...(region.kind === "ok" ? { region: region.value } : {}) }],
    }));
    return ask(h, `${s.tendernessLogged(score.value)} ${s.reprompt()}`, s.reprompt());
  },
};
