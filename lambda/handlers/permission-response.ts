import type { RequestHandler } from "ask-sdk-core";
import type { interfaces } from "ask-sdk-model";
import { sessionOfAskTimersToken, TIMERS_SCOPE } from "../flows/alexa-api.js";
import { timerForRunningSession } from "../flows/start-session.js";
import { speech } from "../request/context.js";
import { tell } from "../request/respond.js";

const askForAnswer = (r: { type: string }): r is interfaces.connections.ConnectionsResponse =>
  r.type === "Connections.Response" && (r as interfaces.connections.ConnectionsResponse).name === "AskFor";

/**
 * Alexa's answer to the Timers permission asked for by voice after a start (Connections.Response,
 * name AskFor): accepted, the end-of-session timer for that session if it is still running;
 * denied or not answered, one short sentence (the panel switches itself off either way).
 */
export const PermissionResponseHandler: RequestHandler = {
  canHandle: (h) => askForAnswer(h.requestEnvelope.request),
  async handle(h) {
    const s = speech(h);
    const request = h.requestEnvelope.request as interfaces.connections.ConnectionsResponse;
    const payload = request.payload ?? {};
    const accepted = payload.status === "ACCEPTED" && (payload.permissionScope ?? TIMERS_SCOPE) === TIMERS_SCOPE;
    if (!accepted) return tell(h, s.timersDeclined());
    const timer = await timerForRunningSession(h, sessionOfAskTimersToken(request.token));
    if (timer.kind === "set") return tell(h, s.timersAccepted(timer.region, timer.seconds));
    return tell(h, timer.kind === "ended" ? s.timersAcceptedNoSession() : s.timersAcceptedFailed());
  },
};
