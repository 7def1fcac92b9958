/** Per-request access to the skill's dependencies, speech, user data and conversation state. */
import type { HandlerInput } from "ask-sdk-core";
import * as z from "zod";
import type { Clock } from "../../common/clock.js";
import { RegionIdSchema } from "../../matter-bridge/contract/region-id.js";
import { BridgeClient } from "../bridge-api/client.js";
import type { Households } from "../households/skill-households.js";
import type { Speech } from "../language/speech/index.js";
import { type PersonData, personData, type UserData, updatePersonData } from "../user-data/schema.js";

export interface SkillDeps {
  /** This request's household's bridge (with `households`: the one its user is linked to, else NOT_LINKED). */
  bridge: BridgeClient;
  households?: Households;
  /** single: one household for everyone (BRIDGE_THING/BRIDGE_URL); linked/unlinked: this request's user. */
  household: "single" | "linked" | "unlinked";
  /** The wall clock and the one way to set a timer (the Alexa API calls' short wait). */
  clock: Clock;
  cautionVersion: number;
  /** Short wait for optional Alexa API calls (progressive response, timers). */
  alexaApiTimeoutMs: number;
}

/** The bridge of a user linked to no household: every call is unreachable, and no topic is published to. */
export const NOT_LINKED = new BridgeClient({
  url: "about:not-linked",
  token: "",
  link: { request: () => Promise.reject(new Error("this Alexa account is not linked to a household")) },
});

const pendingStartSchema = () =>
  z.object({
    region: RegionIdSchema.optional(),
    seconds: z.number().optional(),
    distanceCm: z.number().optional(),
  });
export type PendingStart = z.infer<ReturnType<typeof pendingStartSchema>>;

/** The bridge person a request is for, as this skill session knows them. */
export const CurrentPersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The home has several people: replies name the person where it helps. */
  several: z.boolean(),
});
export type CurrentPerson = z.infer<typeof CurrentPersonSchema>;

/** What was asked for before "who is this?", to carry on with once the answer names someone. */
const resumeSchema = () =>
  z.object({
    request: z.union([
      z.object({ type: z.literal("LaunchRequest") }),
      z.object({ type: z.literal("IntentRequest"), intent: z.looseObject({ name: z.string() }) }),
    ]),
    /** The conversation step that was open then (a Conversation; checked again when it is restored). */
    conversation: z.unknown().optional(),
  });
export type Resume = z.infer<ReturnType<typeof resumeSchema>>;

/** `make`, run on the first call only: for what a cold start should build only when a request needs it. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * Where the conversation is: what a "yes", "no", "ready" or a bare region answers. Built the first
 * time a request reads it (a launch does not).
 */
export const conversationSchema = once(() => {
  const pendingStart = pendingStartSchema();
  return z.discriminatedUnion("step", [
    z.object({
      step: z.literal("person"),
      /** The bridge's people to choose from. */
      choices: z.array(z.object({ id: z.string(), name: z.string() })).min(2),
      /** A recognised Alexa voice profile new to the skill: the answer is remembered for it. */
      voice: z.string().optional(),
      resume: resumeSchema(),
    }),
    z.object({
      step: z.literal("caution"),
      pending: pendingStart.optional(),
      routine: RegionIdSchema.optional(),
      /** The version that was read (the bridge's, when it asked for it), so "no" acknowledges exactly that. */
      version: z.number().int().min(1).optional(),
    }),
    z.object({ step: z.literal("region"), pending: pendingStart, forRoutine: z.boolean().optional() }),
    z.object({ step: z.literal("offer"), pending: pendingStart }),
    z.object({ step: z.literal("routine"), region: RegionIdSchema, stage: z.enum(["movement", "release"]) }),
  ]);
});
export type Conversation = z.infer<ReturnType<typeof conversationSchema>>;

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
  const parsed = conversationSchema().safeParse(h.attributesManager.getSessionAttributes().conversation);
  return parsed.success ? parsed.data : undefined;
}

export function setConversation(h: HandlerInput, next: Conversation | undefined): void {
  const attrs = h.attributesManager.getSessionAttributes();
  if (next) attrs.conversation = next;
  else delete attrs.conversation;
  h.attributesManager.setSessionAttributes(attrs);
}

/** Whom this request is for, once known (this skill session's answer, a remembered voice, or the one person at home). */
export function currentPerson(h: HandlerInput): CurrentPerson | undefined {
  const parsed = CurrentPersonSchema.safeParse(h.attributesManager.getSessionAttributes().person);
  return parsed.success ? parsed.data : undefined;
}

export function setCurrentPerson(h: HandlerInput, person: CurrentPerson): void {
  const attrs = h.attributesManager.getSessionAttributes();
  attrs.person = person;
  h.attributesManager.setSessionAttributes(attrs);
}

/** Nobody is known for this skill session any more: the next request that needs a person finds out again. */
export function clearCurrentPerson(h: HandlerInput): void {
  const attrs = h.attributesManager.getSessionAttributes();
  delete attrs.person;
  h.attributesManager.setSessionAttributes(attrs);
}

/** The current person's own data (caution answer, logs); empty while nobody is known. */
export const me = (h: HandlerInput): PersonData => personData(user(h), currentPerson(h)?.id ?? "");

/** Changes the current person's own data; does nothing while nobody is known. */
export function updateMe(h: HandlerInput, change: (p: PersonData) => PersonData): void {
  const person = currentPerson(h);
  if (person) updateUser(h, (u) => updatePersonData(u, person.id, change));
}

/** The current person has answered the current caution (false while nobody is known). */
export const cautionCurrent = (h: HandlerInput): boolean => (me(h).caution?.version ?? 0) >= deps(h).cautionVersion;

export const intentOf = (h: HandlerInput) => {
  const r = h.requestEnvelope.request;
  return r.type === "IntentRequest" ? r.intent : undefined;
};
