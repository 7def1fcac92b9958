/**
 * The caution: asked before any session until this person has answered "no" to the current version,
 * and again whenever the bridge's household gate is closed although their answer is current
 * (someone withdrew it after a red flag, or the bridge has a newer version). A red flag, or "yes" to
 * the caution, withdraws their answer and closes the household gate on the bridge.
 */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import type { SpokenRedFlag } from "../language/speech/en-US.js";
import {
  type Conversation,
  conversation,
  currentPerson,
  deps,
  me,
  type PendingStart,
  persistUser,
  setConversation,
  speech,
  updateMe,
  updateUser,
  user,
} from "../request/context.js";
import { ask, joinSpeech } from "../request/respond.js";
import { updatePersonData } from "../user-data/schema.js";
import { forgetTimer, stopAll } from "./panel.js";
import { voiceOf } from "./person.js";

/** Why the gate is closed though this user had answered: said before the caution is read again. */
export type CautionAgainReason = "withdrawn" | "changed";

/** The caution as the bridge asks for it (GET /v1/caution), when it is the bridge that asks. */
export interface BridgeCaution {
  version: number;
  text: string;
  why?: CautionAgainReason;
  /** The bridge's open red flags, newest first: said before the caution is read again. */
  redFlags?: SpokenRedFlag[];
}

/** What the bridge records as the reason of a withdrawal from the skill (shown on the dashboard). */
export const WITHDRAW_REASONS = {
  symptom: "a red-flag symptom was reported to the Alexa skill",
  cautionYes: "someone answered yes to the caution in the Alexa skill",
} as const;

/**
 * Reads the caution (the bridge's text and version when given, else the skill's own) and remembers
 * what was asked for, so "no" can carry on with it.
 */
export function askCaution(h: HandlerInput, after: { pending?: PendingStart; routine?: RegionId }, fromBridge?: BridgeCaution): Response {
  const s = speech(h);
  const waiting = conversation(h);
  if (!fromBridge && isLaunchCaution(waiting)) {
    // Asked for something instead of answering the caution just read at the launch: not read twice in a row.
    setConversation(h, { ...waiting, ...after });
    return ask(h, s.cautionFirst(), s.cautionReprompt());
  }
  setConversation(h, { step: "caution", ...after, ...(fromBridge ? { version: fromBridge.version } : {}) });
  const why =
    fromBridge?.why === "withdrawn"
      ? s.cautionWithdrawn(fromBridge.redFlags ?? [])
      : fromBridge?.why === "changed"
        ? s.cautionChanged()
        : undefined;
  return ask(h, joinSpeech(why, s.caution(fromBridge?.text)), s.cautionReprompt());
}

/**
 * A launch by a user who has not answered the current caution (never, or an older version): the
 * greeting, then the caution and its question. Nothing was asked for, so "no" offers what a launch
 * offers (see isLaunchCaution).
 */
export function askCautionAtLaunch(h: HandlerInput): Response {
  const s = speech(h);
  setConversation(h, { step: "caution" });
  return ask(h, joinSpeech(s.welcomeCaution(me(h).caution !== undefined), s.caution()), s.cautionReprompt());
}

/** The caution waiting for an answer was read at a launch: nothing asked for to carry on with. */
export const isLaunchCaution = (step: Conversation | undefined): step is Extract<Conversation, { step: "caution" }> =>
  step?.step === "caution" && !step.pending && !step.routine;

/** Records "none of these apply" for the current person, then tells the bridge (the household gate, and their own answer). */
export async function recordAcknowledgement(h: HandlerInput, version?: number): Promise<void> {
  const { bridge, cautionVersion, clock } = deps(h);
  const heard = version ?? cautionVersion;
  updateMe(h, (p) => ({ ...p, caution: { version: heard, acknowledgedAt: clock.now() } }));
  await persistUser(h);
  // A bridge that is down now is told again before the next start (see startSession); one that
  // asks for another version reads its caution then.
  await bridge.acknowledgeCaution(heard, currentPerson(h)?.id);
}

/**
 * Something said means the caution's answer no longer holds: asked again next time, of the person
 * who said it (known in this skill session, or by a remembered voice: nobody is asked who they are
 * first), or of everyone this account knows when it is not known who spoke.
 */
export function withdrawAcknowledgement(h: HandlerInput): void {
  const voice = voiceOf(h);
  const id = currentPerson(h)?.id ?? (voice ? user(h).voices[voice]?.id : undefined);
  if (id !== undefined) {
    updateUser(h, (u) => updatePersonData(u, id, (p) => ({ ...p, caution: undefined })));
    return;
  }
  updateUser(h, (u) => ({
    ...u,
    caution: undefined,
    people: Object.fromEntries(Object.entries(u.people).map(([id, p]) => [id, { ...p, caution: undefined }])),
  }));
}

/**
 * A red flag (a symptom, or "yes" to the caution): withdraws this user's answer, and the household's
 * on the bridge, which switches off whatever is running. Returns what to say about the bridge: that
 * the panel was switched off and sessions are paused, or honestly that they could not be.
 */
export async function reportRedFlag(h: HandlerInput, reason: string): Promise<string> {
  const s = speech(h);
  withdrawAcknowledgement(h);
  const withdrawn = await deps(h).bridge.withdrawCaution(reason);
  if (withdrawn.kind === "ok") {
    const stopped = withdrawn.value.stopped ?? [];
    await forgetTimer(h, stopped);
    return joinSpeech(stopped.length ? s.redFlagStopped() : undefined, s.redFlagPaused());
  }
  if (withdrawn.kind === "refused") {
    // The bridge answered but could not close the gate (e.g. its ledger is unreadable): at least
    // switch off what is running.
    const stopped = await stopAll(h);
    const switchedOff = stopped.kind === "ok" && stopped.value.length > 0;
    return joinSpeech(switchedOff ? s.redFlagStopped() : undefined, s.redFlagNotPaused(stopped.kind === "ok" ? "refused" : "unreachable"));
  }
  return s.redFlagNotPaused(withdrawn.kind);
}
