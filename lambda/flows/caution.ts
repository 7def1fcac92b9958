/** The first-use caution: asked before any session until this user has answered "no" to the current version. */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import type { RegionId } from "../../matter-bridge/contract/index.js";
import { deps, type PendingStart, persistUser, setConversation, speech, updateUser } from "../context.js";
import { ask } from "../respond.js";

/** Reads the caution and remembers what was asked for, so "no" can carry on with it. */
export function askCaution(h: HandlerInput, after: { pending?: PendingStart; routine?: RegionId }): Response {
  setConversation(h, { step: "caution", ...after });
  return ask(h, speech(h).caution(), speech(h).cautionReprompt());
}

/** Records "none of these apply" for this user, then tells the bridge (the household gate). */
export async function recordAcknowledgement(h: HandlerInput): Promise<void> {
  const { bridge, cautionVersion, now } = deps(h);
  updateUser(h, (u) => ({ ...u, caution: { version: cautionVersion, acknowledgedAt: now() } }));
  await persistUser(h);
  // A bridge that is down now is told again before the next start (see startSession).
  await bridge.acknowledgeCaution(cautionVersion);
}

/** Something the user said means the caution's answer no longer holds: ask it again next time. */
export function withdrawAcknowledgement(h: HandlerInput): void {
  updateUser(h, (u) => ({ ...u, caution: undefined }));
}
