import type { RequestHandler } from "ask-sdk-core";
import { addressed, identify } from "../flows/person.js";
import { deps, me, speech } from "../request/context.js";
import { bridgeTrouble, joinSpeech, tell } from "../request/respond.js";
import { HISTORY_DAYS, progressReport, REVIEW_AFTER_WEEKS } from "../user-data/progress.js";
import { isIntent } from "./match.js";

/** "How am I doing?": this week against earlier weeks, from the bridge's history and the logs of the person asking. */
export const ProgressHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "ProgressIntent"),
  async handle(h) {
    const s = speech(h);
    const who = await identify(h);
    if (who.kind === "reply") return who.response;
    const { person } = who;
    const history = await deps(h).bridge.history(HISTORY_DAYS, person.id);
    if (history.kind !== "ok") return tell(h, bridgeTrouble(h, history));
    const sessions = history.value.people.find((p) => p.id === person.id)?.sessions ?? [];
    const report = progressReport(me(h), sessions, deps(h).clock.now());
    if (report.empty) return tell(h, addressed(h, person, s.progressEmpty()));
    return tell(
      h,
      joinSpeech(addressed(h, person, s.progress(report)), report.suggestReview ? s.progressReview(REVIEW_AFTER_WEEKS) : undefined),
    );
  },
};
