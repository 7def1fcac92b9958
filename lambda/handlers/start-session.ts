import type { RequestHandler } from "ask-sdk-core";
import { conversation, intentOf, type PendingStart, setConversation, speech } from "../context.js";
import { startRoutine } from "../flows/routine.js";
import { requestSession } from "../flows/start-session.js";
import { ask } from "../respond.js";
import { durationSlot, numberSlot, regionSlot } from "../slots.js";
import { isIntent } from "./match.js";

/** Longer than any sensible session; anything up to it is passed on and the bridge clamps it. */
export const MAX_SPOKEN_SECONDS = 3600;
export const DISTANCE_CM = { min: 5, max: 100 };

/** "Start a low back session for ten minutes at 40 centimeters", or a bare region answering "which region?". */
export const StartSessionHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "StartSessionIntent"),
  handle(h) {
    const s = speech(h);
    const intent = intentOf(h);
    const waiting = conversation(h);
    const earlier: PendingStart = waiting?.step === "region" ? waiting.pending : {};
    const keep = () =>
      setConversation(h, { step: "region", pending: earlier, forRoutine: waiting?.step === "region" ? waiting.forRoutine : undefined });

    const region = regionSlot(intent);
    if (region.kind === "invalid") {
      keep();
      return ask(h, s.unknownRegion(region.heard), s.askRegion());
    }
    const duration = durationSlot(intent);
    if (duration.kind === "invalid" || (duration.kind === "ok" && (duration.value < 1 || duration.value > MAX_SPOKEN_SECONDS))) {
      keep();
      return ask(h, s.badDuration(duration.kind === "invalid" ? duration.heard : undefined), s.askRegion());
    }
    const distance = numberSlot(intent, "distance");
    if (distance.kind === "invalid" || (distance.kind === "ok" && (distance.value < DISTANCE_CM.min || distance.value > DISTANCE_CM.max))) {
      keep();
      return ask(h, s.badDistance(), s.askRegion());
    }
    const pending: PendingStart = {
      region: region.kind === "ok" ? region.value : earlier.region,
      seconds: duration.kind === "ok" ? Math.round(duration.value) : earlier.seconds,
      distanceCm: distance.kind === "ok" ? distance.value : earlier.distanceCm,
    };
    if (waiting?.step === "region" && waiting.forRoutine && pending.region) return startRoutine(h, pending.region);
    return requestSession(h, pending);
  },
};
