/**
 * Optional Alexa service calls (progressive response, timers). They never block the answer for
 * long and never fail it: the skill works the same without them.
 */
import type { HandlerInput } from "ask-sdk-core";
import type { services } from "ask-sdk-model";
import { deps } from "../context.js";
import { ssmlSafe } from "../speech/index.js";

export const TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite";

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([work.catch(() => undefined), new Promise<undefined>((r) => setTimeout(() => r(undefined), ms).unref?.())]);

/** "Checking with your bridge…" while the bridge is asked; resolves when sent or given up. */
export function sendProgressive(h: HandlerInput, text: string): Promise<unknown> {
  const client = h.serviceClientFactory?.getDirectiveServiceClient();
  const requestId = h.requestEnvelope.request.requestId;
  if (!client || !h.requestEnvelope.context.System.apiAccessToken) return Promise.resolve();
  const directive: services.directive.SendDirectiveRequest = {
    header: { requestId },
    directive: { type: "VoicePlayer.Speak", speech: `<speak>${ssmlSafe(text)}</speak>` },
  };
  return withTimeout(client.enqueue(directive), deps(h).alexaApiTimeoutMs);
}

export function timersGranted(h: HandlerInput): boolean {
  const scopes = h.requestEnvelope.context.System.user.permissions?.scopes;
  return scopes?.[TIMERS_SCOPE]?.status === "GRANTED";
}

/** An announcing timer for the end of a session; returns its id, or undefined if none was set. */
export async function createEndTimer(h: HandlerInput, seconds: number, label: string, announcement: string): Promise<string | undefined> {
  if (!timersGranted(h)) return undefined;
  const client = h.serviceClientFactory?.getTimerManagementServiceClient();
  if (!client) return undefined;
  const request: services.timerManagement.TimerRequest = {
    duration: `PT${Math.max(1, Math.round(seconds))}S`,
    timerLabel: label,
    creationBehavior: { displayExperience: { visibility: "VISIBLE" } },
    triggeringBehavior: {
      operation: { type: "ANNOUNCE", textToAnnounce: [{ locale: h.requestEnvelope.request.locale ?? "en-US", text: announcement }] },
      notificationConfig: { playAudible: true },
    },
  };
  const created = await withTimeout(client.createTimer(request), deps(h).alexaApiTimeoutMs);
  return created?.id;
}

export async function deleteTimer(h: HandlerInput, id: string): Promise<void> {
  if (!timersGranted(h)) return;
  const client = h.serviceClientFactory?.getTimerManagementServiceClient();
  if (client) await withTimeout(client.deleteTimer(id), deps(h).alexaApiTimeoutMs);
}
