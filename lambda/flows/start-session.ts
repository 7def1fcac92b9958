/**
 * Starting a session by voice: region asked for if missing, the caution gate, then the bridge's
 * answer explained. The skill never decides a dose; it only relays the request and the answer.
 */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import type { RegionId, SessionRequest } from "../../matter-bridge/contract/index.js";
import type { BridgeResult } from "../bridge-client.js";
import { cautionCurrent, deps, type PendingStart, persistUser, setConversation, speech, updateUser, user } from "../context.js";
import { ask, joinSpeech, tell } from "../respond.js";
import { createEndTimer, sendProgressive } from "./alexa-api.js";
import { askCaution } from "./caution.js";

/** Entry for every voice path that wants the light on. `prefix` is spoken before the outcome. */
export function requestSession(h: HandlerInput, pending: PendingStart, prefix?: string): Promise<Response> | Response {
  const s = speech(h);
  if (!pending.region) {
    setConversation(h, { step: "region", pending });
    return ask(h, joinSpeech(prefix, s.askRegion()), s.askRegion());
  }
  if (!cautionCurrent(h)) return askCaution(h, { pending });
  return startSession(h, { ...pending, region: pending.region }, prefix);
}

async function askBridge(h: HandlerInput, request: SessionRequest) {
  const { bridge, cautionVersion } = deps(h);
  let result = await bridge.startSession(request);
  // This user answered the caution but the bridge has no household acknowledgement (new
  // storage, or it was down when told): pass the answer on and ask once more.
  if (result.kind === "refused" && result.code === "CAUTION_REQUIRED" && cautionCurrent(h)) {
    const ack = await bridge.acknowledgeCaution(cautionVersion);
    if (ack.kind === "ok") result = await bridge.startSession(request);
  }
  return result;
}

export async function startSession(h: HandlerInput, request: SessionRequest & { region: RegionId }, prefix?: string): Promise<Response> {
  const s = speech(h);
  setConversation(h, undefined);
  const progressive = sendProgressive(h, s.checkingBridge());
  const result = await askBridge(h, request);
  await progressive;
  if (result.kind !== "ok") return tell(h, joinSpeech(prefix, bridgeTrouble(h, result, request.region)));

  const { session, adjustments } = result.value;
  const timerId = await createEndTimer(h, session.seconds, s.timerLabel(), s.timerAnnouncement(session.region));
  if (timerId || user(h).timer) {
    updateUser(h, (u) => ({ ...u, timer: timerId ? { id: timerId, sessionId: session.id } : undefined }));
    // The session is running whatever happens here: a failed write only loses the timer link.
    await persistUser(h).catch((err: Error) => console.error(`could not save the timer id: ${err.message}`));
  }
  const started = s.started({
    seconds: session.seconds,
    region: session.region,
    requested: adjustments[0]?.requested,
    // The bridge reports every clamp below the request; the one(s) that decided the length are the reason.
    reductions: adjustments.filter((a) => a.granted - session.seconds < 1).map((a) => a.reason),
    timerSet: timerId !== undefined,
  });
  return tell(h, joinSpeech(prefix, started));
}

/** What to say for anything but success: refusals with their reason and when, or the bridge being away. */
export function bridgeTrouble(h: HandlerInput, result: Exclude<BridgeResult<unknown>, { kind: "ok" }>, region?: RegionId): string {
  const s = speech(h);
  switch (result.kind) {
    case "refused":
      return s.refused(result.code, result.message, result.retryAfterSeconds, region);
    case "unauthorized":
      return s.unauthorized();
    case "unreachable":
      return s.unreachable();
  }
}
