import type { RequestHandler } from "ask-sdk-core";
import { deps, speech, user } from "../context.js";
import { HISTORY_DAYS, progressReport, REVIEW_AFTER_WEEKS } from "../progress.js";
import { bridgeTrouble, joinSpeech, tell } from "../respond.js";
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
    return tell(h, joinSpeech(s.progress(report), report.suggestReview ? s.progressReview(REVIEW_AFTER_WEEKS) : undefined));
  },
};
