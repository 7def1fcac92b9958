import type { RequestHandler } from "ask-sdk-core";
import { askCautionAtLaunch, isLaunchCaution, recordAcknowledgement } from "../flows/caution.js";
import { identify } from "../flows/person.js";
import { cautionCurrent, conversation, setConversation, speech } from "../request/context.js";
import { ask, bridgeTrouble, joinSpeech, tell } from "../request/respond.js";
import { isIntent, isRequest } from "./match.js";

/**
 * "Alexa, open bio light": who is speaking (in a home with several people), then the caution first
 * for a person who has not answered its current version, else the greeting (or, the bridge being
 * away, only that: an offline home is not a new user).
 */
export const LaunchHandler: RequestHandler = {
  canHandle: (h) => isRequest(h, "LaunchRequest") || isIntent(h, "AMAZON.NavigateHomeIntent"),
  async handle(h) {
    setConversation(h, undefined);
    if (isRequest(h, "LaunchRequest")) {
      const who = await identify(h, { prefix: speech(h).welcomeCaution(false) });
      if (who.kind === "reply") return who.response;
      if (!cautionCurrent(h)) return askCautionAtLaunch(h);
      // A returning user whose bridge is away (unreachable, or offline by its own word) hears that, nothing else.
      if (who.away) return tell(h, bridgeTrouble(h, who.away));
    }
    return ask(h, speech(h).welcome(), speech(h).welcomeReprompt());
  },
};

/**
 * "No" to the caution read at a launch: recorded (and told to the bridge) as any "no" is, then
 * what the launch would have offered. ("Yes" is the YesHandler's, as for any caution.)
 */
export const LaunchCautionNoHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "AMAZON.NoIntent") && isLaunchCaution(conversation(h)),
  async handle(h) {
    const s = speech(h);
    const who = await identify(h);
    if (who.kind === "reply") return who.response;
    const step = conversation(h);
    setConversation(h, undefined);
    await recordAcknowledgement(h, isLaunchCaution(step) ? step.version : undefined);
    return ask(h, joinSpeech(s.cautionAcknowledged(), s.welcomeOptions()), s.welcomeReprompt());
  },
};
