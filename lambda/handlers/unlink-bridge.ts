import type { RequestHandler } from "ask-sdk-core";
import { deps, speech } from "../request/context.js";
import { tell } from "../request/respond.js";
import { alexaUserId } from "../user-data/persistence/user-key.js";
import { isIntent } from "./match.js";

/** "Unlink my bridge": this Alexa account no longer reaches its household (other accounts there stay linked). */
export const UnlinkBridgeHandler: RequestHandler = {
  canHandle: (h) => isIntent(h, "UnlinkBridgeIntent"),
  async handle(h) {
    const s = speech(h).household;
    const households = deps(h).households;
    if (!households) return tell(h, s.singleHome());
    try {
      const was = await households.unlink(alexaUserId(h.requestEnvelope));
      return tell(h, was ? s.unlinked() : s.nothingToUnlink());
    } catch (err) {
      console.error("UnlinkBridgeIntent failed:", err);
      return tell(h, s.unavailable());
    }
  },
};
