import type { RequestHandler } from "ask-sdk-core";
import { startRoutine } from "../flows/routine.js";
import { requestSession } from "../flows/start-session.js";
import { durationSlot, numberSlot, regionSlot } from "../language/slots.js";
import { DEFAULT_DOSE_LIMITS, MAX_SPOKEN_SECONDS, SPOKEN_DISTANCE_CM } from "../language/spoken-limits.js";
import { conversation, intentOf, type PendingStart, setConversation, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { isIntent } from "./match.js";

/** The lengths a re-prompt offers: from the bridge's shortest session to the longest the skill passes on. */
const SPOKEN_DURATION = { minSeconds: DEFAULT_DOSE_LIMITS.minSessionSeconds, maxSeconds: MAX_SPOKEN_SECONDS };

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
      return ask(h, s.badDuration(SPOKEN_DURATION, duration.kind === "invalid" ? duration.heard : undefined), s.askRegion());
    }
    const distance = numberSlot(intent, "distance");
    if (
      distance.kind === "invalid" ||
      (distance.kind === "ok" && (distance.value < SPOKEN_DISTANCE_CM.min || distance.value > SPOKEN_DISTANCE_CM.max))
    ) {
      keep();
      return ask(h, s.badDistance(SPOKEN_DISTANCE_CM), s.askRegion());
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
