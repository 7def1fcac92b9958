import type { RequestHandler } from "ask-sdk-core";
import { stopAll } from "../flows/panel.js";
import { setConversation, speech } from "../request/context.js";
import { bridgeTrouble, joinSpeech, tell } from "../request/respond.js";
import { isIntent } from "./match.js";

/**
 * "Stop the panel", "Alexa, tell bio light to stop", and Alexa's own Stop while the skill is
 * listening: a stop heard by this skill always switches a running panel off.
 */
export const StopSessionHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "StopSessionIntent", "AMAZON.StopIntent"),
  async handle(h) {
    const s = speech(h);
    const explicit = isIntent(h, "StopSessionIntent");
    setConversation(h, undefined);
    const result = await stopAll(h);
    if (result.kind !== "ok") return tell(h, bridgeTrouble(h, result));
    const said = result.value.map(({ session, cancelled }) =>
      cancelled ? s.stoppedBeforeStart(session.region) : s.stopped(session.deliveredSeconds, session.region),
    );
    if (said.length) return tell(h, joinSpeech(...said));
    return tell(h, explicit ? s.nothingRunning() : s.goodbye());
  },
};
