/**
 * Optional Alexa service calls (progressive response, timers). They never block the answer for
 * long and never fail it: the skill works the same without them.
 */

import type { HandlerInput } from "ask-sdk-core";
import type { interfaces, services } from "ask-sdk-model";
import { within } from "../../common/clock.js";
import { ssmlSafe } from "../language/speech/index.js";
import { deps, updateUser, user } from "../request/context.js";

export const TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite";

/** `work`'s answer, or undefined when it fails or takes longer than the skill's short wait. */
function withTimeout<T>(h: HandlerInput, work: Promise<T>): Promise<T | undefined> {
  const { clock, alexaApiTimeoutMs } = deps(h);
  return within(
    clock,
    work.catch(() => undefined),
    alexaApiTimeoutMs,
    undefined,
    { background: true },
  );
}

/** "Checking with your bridge…" while the bridge is asked; resolves when sent or given up. */
export function sendProgressive(h: HandlerInput, text: string): Promise<unknown> {
  const client = h.serviceClientFactory?.getDirectiveServiceClient();
  const requestId = h.requestEnvelope.request.requestId;
  if (!client || !h.requestEnvelope.context.System.apiAccessToken) return Promise.resolve();
  const directive: services.directive.SendDirectiveRequest = {
    header: { requestId },
    directive: { type: "VoicePlayer.Speak", speech: `<speak>${ssmlSafe(text)}</speak>` },
  };
  return withTimeout(h, client.enqueue(directive));
}

export function timersGranted(h: HandlerInput): boolean {
  const scopes = h.requestEnvelope.context.System.user.permissions?.scopes;
  return scopes?.[TIMERS_SCOPE]?.status === "GRANTED";
}

/** The `token` of an AskFor sent after a start: names the session it is for. */
const ASK_TIMERS_TOKEN = "end-timer:";
export const askTimersToken = (sessionId: string) => `${ASK_TIMERS_TOKEN}${sessionId}`;
/** The session an AskFor's answer is for, from its token (undefined for a token this skill did not send). */
export const sessionOfAskTimersToken = (token: string | undefined) =>
  token?.startsWith(ASK_TIMERS_TOKEN) ? token.slice(ASK_TIMERS_TOKEN.length) || undefined : undefined;

/**
 * Whether to ask for the Timers permission by voice now: it is missing, this user has never been
 * asked, and the request comes from Alexa with an API token (the voice simulator has none).
 */
export const shouldAskForTimers = (h: HandlerInput): boolean =>
  !timersGranted(h) && !user(h).timersAskedAt && Boolean(h.requestEnvelope.context.System.apiAccessToken);

/**
 * Asks for the Timers permission by voice (Alexa's own question follows the reply's speech), with
 * the consent card in the Alexa app as the fallback, and remembers for this user that it was asked.
 * The SendRequest directive ends the skill's session turn: Alexa answers with a Connections.Response.
 */
export function askForTimers(h: HandlerInput, sessionId: string): void {
  const directive: interfaces.connections.SendRequestDirective = {
    type: "Connections.SendRequest",
    name: "AskFor",
    payload: { "@type": "AskForPermissionsConsentRequest", "@version": "2", permissionScope: TIMERS_SCOPE },
    token: askTimersToken(sessionId),
  };
  h.responseBuilder.addDirective(directive).withAskForPermissionsConsentCard([TIMERS_SCOPE]);
  updateUser(h, (u) => ({ ...u, timersAskedAt: deps(h).clock.now() }));
}

/**
 * An announcing timer for the end of a session; returns its id, or undefined if none was set.
 * `granted`: the user has just accepted the permission by voice (the request may not list it yet).
 */
export async function createEndTimer(
  h: HandlerInput,
  seconds: number,
  label: string,
  announcement: string,
  opts: { granted?: boolean } = {},
): Promise<string | undefined> {
  if (!opts.granted && !timersGranted(h)) return undefined;
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
  const created = await withTimeout(h, client.createTimer(request));
  return created?.id;
}

export async function deleteTimer(h: HandlerInput, id: string): Promise<void> {
  if (!timersGranted(h)) return;
  const client = h.serviceClientFactory?.getTimerManagementServiceClient();
  if (client) await withTimeout(h, client.deleteTimer(id));
}
