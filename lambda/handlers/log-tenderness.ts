import type { RequestHandler } from "ask-sdk-core";
import { identifyForLog, updateLogs } from "../flows/person.js";
import { numberSlot, regionSlot } from "../language/slots.js";
import { TENDERNESS_SCALE } from "../language/vocabulary.js";
import { deps, intentOf, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

/** Knot tenderness on its scale (whole numbers); anything else is asked again and nothing is logged. */
export const LogTendernessHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "LogTendernessIntent"),
  async handle(h) {
    const s = speech(h);
    const intent = intentOf(h);
    const score = numberSlot(intent, "score");
    if (score.kind !== "ok" || score.value < TENDERNESS_SCALE.min || score.value > TENDERNESS_SCALE.max || !Number.isInteger(score.value))
      return ask(h, s.askTenderness(TENDERNESS_SCALE), s.askTenderness(TENDERNESS_SCALE));
    const who = await identifyForLog(h);
    if (who.kind === "reply") return who.response;
    const region = regionSlot(intent);
    const now = deps(h).clock.now();
    updateLogs(h, who, (p) => ({
      ...p,
      tenderness: [...p.tenderness, { at: now, score: score.value, ...(region.kind === "ok" ? { region: region.value } : {}) }],
    }));
    const away = who.kind === "account" ? ` ${s.loggedForHousehold()}` : "";
    return ask(h, `${s.tendernessLogged(score.value, TENDERNESS_SCALE)}${away} ${s.reprompt()}`, s.reprompt());
  },
};
