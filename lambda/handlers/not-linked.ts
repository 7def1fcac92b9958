import type { RequestHandler } from "ask-sdk-core";
import { deps, speech } from "../request/context.js";
import { ask, tell } from "../request/respond.js";
import { isIntent, isRequest } from "./match.js";

/**
 * First in line: an Alexa account linked to no household hears how to link, and nothing else
 * happens (no bridge is asked: its BridgeClient is NOT_LINKED anyway). Only "link my bridge" and
 * "unlink my bridge" go on to their own handlers; "stop" just says goodbye.
 */
export const NotLinkedHandler: RequestHandler = {
  canHandle: (h) =>
    deps(h).household === "unlinked" &&
    (isRequest(h, "LaunchRequest") || (isRequest(h, "IntentRequest") && !isIntent(h, "LinkBridgeIntent", "UnlinkBridgeIntent"))),
  handle(h) {
    const s = speech(h);
    if (isIntent(h, "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")) return tell(h, s.goodbye());
    return ask(h, s.household.notLinked(), s.reprompt());
  },
};
