/** Per-request access to the skill's dependencies, speech, user data and conversation state. */
import type { HandlerInput } from "ask-sdk-core";
import * as z from "zod";
import { RegionIdSchema } from "../matter-bridge/contract/index.js";
import type { BridgeClient } from "./bridge-client.js";
import type { Speech } from "./speech/index.js";
import type { UserData } from "./user-data.js";

export interface SkillDeps {
  bridge: BridgeClient;
  now: () => number;
  cautionVersion: number;
  /** Short wait for optional Alexa API calls (progressive response, timers). */
  alexaApiTimeoutMs: number;
}

const PendingStartSchema = z.object({
  region: RegionIdSchema.optional(),
  seconds: z.number().optional(),
  distanceCm: z.number().optional(),
});
export type PendingStart = z.infer<typeof PendingStartSchema>;

/** Where the conversation is: what a "yes", "no", "ready" or a bare region answers. */
export const ConversationSchema = z.discriminatedUnion("step", [
  z.object({
    step: z.literal("caution"),
    pending: PendingStartSchema.optional(),
    routine: RegionIdSchema.optional(),
    /** The version that was read (the bridge's, when it asked for it), so "no" acknowledges exactly that. */
    version: z.number().int().min(1).optional(),
  }),
  z.object({ step: z.literal("region"), pending: PendingStartSchema, forRoutine: z.boolean().optional() }),
  z.object({ step: z.literal("offer"), pending: PendingStartSchema }),
  z.object({ step: z.literal("routine"), region: RegionIdSchema, stage: z.enum(["movement", "release"]) }),
]);
export type Conversation = z.infer<typeof ConversationSchema>;

interface RequestState {
  deps: SkillDeps;
  speech: Speech;
  user: UserData;
  userChanged: boolean;
}

export const state = (h: HandlerInput): RequestState => h.attributesManager.getRequestAttributes() as RequestState;
export const deps = (h: HandlerInput) => state(h).deps;
export const speech = (h: HandlerInput) => state(h).speech;
export const user = (h: HandlerInput) => state(h).user;

export function updateUser(h: HandlerInput, change: (u: UserData) => UserData): void {
  const s = state(h);
  s.user = change(s.user);
  s.userChanged = true;
}

/** Writes this user's data now (it is otherwise written once, after the handler). */
export async function persistUser(h: HandlerInput): Promise<void> {
  const s = state(h);
  h.attributesManager.setPersistentAttributes(s.user);
  await h.attributesManager.savePersistentAttributes();
  s.userChanged = false;
}

export function conversation(h: HandlerInput): Conversation | undefined {
  const parsed = ConversationSchema.safeParse(h.attributesManager.getSessionAttributes().conversation);
  return parsed.success ? parsed.data : undefined;
}

export function setConversation(h: HandlerInput, next: Conversation | undefined): void {
  const attrs = h.attributesManager.getSessionAttributes();
  if (next) attrs.conversation = next;
  else delete attrs.conversation;
  h.attributesManager.setSessionAttributes(attrs);
}

export const cautionCurrent = (h: HandlerInput): boolean => (user(h).caution?.version ?? 0) >= deps(h).cautionVersion;

export const intentOf = (h: HandlerInput) => {
  const r = h.requestEnvelope.request;
  return r.type === "IntentRequest" ? r.intent : undefined;
};
