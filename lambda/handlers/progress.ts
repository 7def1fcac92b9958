import type { RequestHandler } from "ask-sdk-core";
import { deps, speech, user } from "../context.js";
import { bridgeTrouble } from "../flows/start-session.js";
import { HISTORY_DAYS, progressReport } from "../progress.js";
import { joinSpeech, tell } from "../respond.js";
import { isIntent } from "./match.js";

/** "How am I doing?": this week against earlier weeks, from the bridge's history and this user's logs. */
export const ProgressHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "ProgressIntent"),
  async handle(h) {
    const s = speech(h);
    const history = await deps(h).bridge.history(HISTORY_DAYS);
    if (history.kind !== "ok") return tell(h, bridgeTrouble(h, history));
    const report = progressReport(user(h), history.value.sessions, deps(h).now());
    if (report.empty) return tell(h, s.progressEmpty());
    return tell(h, joinSpeech(s.progress(report), report.suggestReview ? s.progressReview() : undefined));
  },
};
