/**
 * Building replies: every text goes through ssmlSafe; only a reprompt keeps the session open.
 * What the bridge answered, when it was not a success, is said here too.
 */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import { RefusalCodeSchema } from "../../matter-bridge/contract/api/refusals.js";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import type { BridgeResult } from "../bridge-api/client.js";
import { ssmlSafe } from "../language/speech/index.js";
import { DEFAULT_DOSE_LIMITS } from "../language/spoken-limits.js";
import { deps, speech } from "./context.js";

/** Speak and wait for an answer. */
export const ask = (h: HandlerInput, text: string, reprompt: string): Response =>
  h.responseBuilder.speak(ssmlSafe(text)).reprompt(ssmlSafe(reprompt)).getResponse();

/** Speak and end the skill session. */
export const tell = (h: HandlerInput, text: string): Response =>
  h.responseBuilder.speak(ssmlSafe(text)).withShouldEndSession(true).getResponse();

export const joinSpeech = (...parts: Array<string | undefined>): string => parts.filter(Boolean).join(" ");

/**
 * What to say for anything but success: refusals with their reason and when, in the skill's own
 * words (a code this skill does not know gets one sentence of its own), or the bridge being away.
 */
export function bridgeTrouble(h: HandlerInput, result: Exclude<BridgeResult<unknown>, { kind: "ok" }>, region?: RegionId): string {
  const s = speech(h);
  switch (result.kind) {
    case "refused": {
      const code = RefusalCodeSchema.safeParse(result.code);
      if (!code.success) return s.refusedOther();
      const { retryAfterSeconds } = result;
      return s.refusals[code.data]({ region, retryAfterSeconds, minSessionSeconds: DEFAULT_DOSE_LIMITS.minSessionSeconds });
    }
    case "unauthorized":
      return s.unauthorized();
    case "unreachable": {
      if (result.offlineSince === undefined) return s.unreachable();
      const since = Date.parse(result.offlineSince);
      return s.bridgeOffline(Number.isNaN(since) ? undefined : Math.max(0, (deps(h).clock.now() - since) / 1000));
    }
  }
}
