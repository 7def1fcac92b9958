/** Request envelopes as real Alexa sends them, for what virtual-alexa cannot express. */

import type { Skill } from "ask-sdk-core";
import type { RequestEnvelope, ResponseEnvelope } from "ask-sdk-model";
import { TIMERS_SCOPE } from "../../lambda/flows/alexa-api.js";

export const SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000001";

export interface SlotSpec {
  value: string;
  /** Entity-resolved id; `null` for a value that matched nothing. */
  id?: string | null;
}

export interface EnvelopeOptions {
  userId?: string;
  apiEndpoint?: string;
  timers?: boolean;
  locale?: string;
  sessionAttributes?: Record<string, unknown>;
  dialogState?: "STARTED" | "IN_PROGRESS" | "COMPLETED";
  skillId?: string;
  /** The device has a screen: declares `Alexa.Presentation.APL` among its supported interfaces. */
  apl?: boolean;
  /** A recognised Alexa voice profile spoke (`context.System.person`). */
  personId?: string;
}

let seq = 0;

function base(request: Record<string, unknown>, o: EnvelopeOptions): RequestEnvelope {
  const userId = o.userId ?? "amzn1.ask.account.TESTUSER";
  const application = { applicationId: o.skillId ?? SKILL_ID };
  return {
    version: "1.0",
    session: {
      new: !o.sessionAttributes,
      sessionId: `amzn1.echo-api.session.${++seq}`,
      application,
      user: { userId },
      attributes: o.sessionAttributes ?? {},
    },
    context: {
      System: {
        application,
        user: { userId, ...(o.timers ? { permissions: { scopes: { [TIMERS_SCOPE]: { status: "GRANTED" } } } } : {}) },
        device: {
          deviceId: "amzn1.ask.device.TEST",
          supportedInterfaces: o.apl ? { "Alexa.Presentation.APL": { runtime: { maxVersion: "2023.3" } } } : {},
        },
        ...(o.personId ? { person: { personId: o.personId, personAccessToken: "test-person-access-token" } } : {}),
        apiEndpoint: o.apiEndpoint ?? "http://127.0.0.1:9",
        apiAccessToken: "test-api-access-token",
      },
    },
    request: { requestId: `amzn1.echo-api.request.${seq}`, timestamp: new Date().toISOString(), locale: o.locale ?? "en-US", ...request },
  } as unknown as RequestEnvelope;
}

export function intentRequest(name: string, slots: Record<string, SlotSpec> = {}, o: EnvelopeOptions = {}): RequestEnvelope {
  const slotEntries = Object.entries(slots).map(([slotName, s]) => [
    slotName,
    {
      name: slotName,
      value: s.value,
      confirmationStatus: "NONE",
      ...(s.id !== undefined
        ? {
            resolutions: {
              resolutionsPerAuthority: [
                s.id === null
                  ? { authority: "amzn1.er-authority.echo-sdk.test", status: { code: "ER_SUCCESS_NO_MATCH" } }
                  : {
                      authority: "amzn1.er-authority.echo-sdk.test",
                      status: { code: "ER_SUCCESS_MATCH" },
                      values: [{ value: { name: s.value, id: s.id } }],
                    },
              ],
            },
          }
        : {}),
    },
  ]);
  return base(
    {
      type: "IntentRequest",
      dialogState: o.dialogState,
      intent: { name, confirmationStatus: "NONE", slots: Object.fromEntries(slotEntries) },
    },
    o,
  );
}

export const launchRequest = (o: EnvelopeOptions = {}) => base({ type: "LaunchRequest" }, o);

/** A skill event (e.g. "AlexaSkillEvent.SkillDisabled"): outside any session, as Alexa sends it. */
export function skillEvent(type: string, o: EnvelopeOptions = {}): RequestEnvelope {
  const { session: _none, ...event } = base({ type, body: {}, eventCreationTime: new Date().toISOString() }, o);
  return event as RequestEnvelope;
}

/** Invokes and returns the reply with its plain speech. */
export async function invoke(skill: Skill, envelope: RequestEnvelope) {
  const reply: ResponseEnvelope = await skill.invoke(envelope);
  const text = ((reply.response.outputSpeech as { ssml?: string } | undefined)?.ssml ?? "").replace(/<[^>]+>/g, "").trim();
  return { reply, text, ended: reply.response.shouldEndSession === true, attributes: reply.sessionAttributes ?? {} };
}
