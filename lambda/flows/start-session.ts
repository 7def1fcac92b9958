/**
 * Starting a session by voice: region asked for if missing, the caution gate, then the bridge's
 * answer explained. The skill never decides a dose; it only relays the request and the answer.
 */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import type { SessionRequest, StartSessionResponse } from "../../matter-bridge/contract/api.js";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import type { BridgeResult } from "../bridge-api/client.js";
import {
  type CurrentPerson,
  cautionCurrent,
  currentPerson,
  deps,
  me,
  type PendingStart,
  persistUser,
  setConversation,
  speech,
  updateUser,
  user,
} from "../request/context.js";
import { ask, bridgeTrouble, joinSpeech, tell } from "../request/respond.js";
import { showRefused, showStarted } from "../screen/index.js";
import { askForTimers, createEndTimer, sendProgressive, shouldAskForTimers } from "./alexa-api.js";
import { askCaution, type BridgeCaution } from "./caution.js";
import { addressed, doseIfKnown, identify } from "./person.js";

/**
 * Entry for every voice path that wants the light on: the region, whom it is for (asked in a home
 * with several people when the voice is not known), their caution, then the bridge. `prefix` is
 * spoken before the outcome.
 */
export async function requestSession(h: HandlerInput, pending: PendingStart, prefix?: string): Promise<Response> {
  const s = speech(h);
  if (!pending.region) {
    setConversation(h, { step: "region", pending });
    return ask(h, joinSpeech(prefix, s.askRegion()), s.askRegion());
  }
  // Who it is for is asked of the bridge first, when this skill session does not know yet: "checking" covers both.
  const early = currentPerson(h) ? undefined : sendProgressive(h, s.checkingBridge());
  const who = await identify(h, { prefix });
  await early;
  if (who.kind === "reply") return who.response;
  if (!cautionCurrent(h)) return askCaution(h, { pending });
  // Known from this account's data because the bridge is away: said now, without asking it a second time.
  if (who.away) return tell(h, joinSpeech(prefix, addressed(h, who.person, bridgeTrouble(h, who.away))));
  return startSession(h, who.person, { ...pending, region: pending.region }, prefix, { checking: early !== undefined });
}

type Outcome = BridgeResult<StartSessionResponse> | { kind: "caution"; caution: BridgeCaution };

/**
 * Asks the bridge for the session. A CAUTION_REQUIRED refusal although this person's answer is
 * current is looked into (GET /v1/caution): a bridge that has never had the household's answer
 * (new storage, or it was down when told) gets this person's answer to the very version it asks for;
 * a gate that was withdrawn (someone reported a red flag) or that asks for another version means
 * the caution is read to this person again, never acknowledged on their behalf.
 */
async function askBridge(h: HandlerInput, request: SessionRequest): Promise<Outcome> {
  const { bridge } = deps(h);
  const result = await bridge.startSession(request);
  if (result.kind !== "refused" || result.code !== "CAUTION_REQUIRED" || !cautionCurrent(h)) return result;
  const status = await bridge.cautionStatus(request.person);
  // Without the bridge's caution the refusal itself is the honest answer.
  if (status.kind !== "ok") return result;
  const gate = status.value;
  // Acknowledged by someone else in the meantime: ask once more.
  if (gate.acknowledged) return bridge.startSession(request);
  const answered = me(h).caution?.version;
  const neverAcknowledged = (gate.acknowledgedVersion ?? null) === null && !gate.withdrawnAt;
  if (neverAcknowledged && answered === gate.version) {
    const ack = await bridge.acknowledgeCaution(gate.version, request.person);
    if (ack.kind === "ok") return bridge.startSession(request);
    if (ack.kind !== "refused") return ack;
  }
  const changed = answered !== gate.version || (gate.acknowledgedVersion != null && gate.acknowledgedVersion !== gate.version);
  const why = gate.withdrawnAt ? "withdrawn" : changed ? "changed" : undefined;
  const redFlags = (gate.redFlags ?? []).map((f) => ({
    who: f.person === null ? null : f.person === request.person ? "you" : f.person,
    reason: f.reason,
  }));
  return { kind: "caution", caution: { version: gate.version, text: gate.text, why, redFlags } };
}

export async function startSession(
  h: HandlerInput,
  person: CurrentPerson,
  wanted: SessionRequest & { region: RegionId },
  prefix?: string,
  opts: { checking?: boolean } = {},
): Promise<Response> {
  const s = speech(h);
  const request = { ...wanted, person: person.id };
  setConversation(h, undefined);
  // `checking`: "checking with your bridge" was said already, while asking it who this is.
  const progressive = opts.checking ? undefined : sendProgressive(h, s.checkingBridge());
  const result = await askBridge(h, request);
  await progressive;
  if (result.kind === "caution") {
    const { region, seconds, distanceCm } = request;
    return askCaution(h, { pending: { region, seconds, distanceCm } }, result.caution);
  }
  if (result.kind !== "ok") {
    await showRefused(h, result, request.region, () => doseIfKnown(h));
    return tell(h, joinSpeech(prefix, addressed(h, person, bridgeTrouble(h, result, request.region))));
  }

  const { session, adjustments } = result.value;
  const screen = showStarted(h, session, () => doseIfKnown(h)); // a screen only where there is one; read while the timer is set
  const [timerId, panelName] = await Promise.all([
    createEndTimer(h, session.seconds, s.timerLabel(), s.timerAnnouncement(session.region)),
    panelNameOf(h, session.panelId),
  ]);
  if (timerId || user(h).timer) {
    updateUser(h, (u) => ({ ...u, timer: timerId ? { id: timerId, sessionId: session.id } : undefined }));
    // The session is running whatever happens here: a failed write only loses the timer link.
    await persistUser(h).catch((err: Error) => console.error(`could not save the timer id: ${err.message}`));
  }
  const askingTimers = timerId === undefined && shouldAskForTimers(h);
  const started = s.started({
    seconds: session.seconds,
    region: session.region,
    requested: adjustments[0]?.requested,
    // The bridge reports every clamp below the request; the one(s) that decided the length are the reason.
    reductions: adjustments.filter((a) => a.granted - session.seconds < 1).map((a) => a.reason),
    timerSet: timerId !== undefined,
    panelName,
    askingTimers,
  });
  // The panel is on already: asking for the permission (which ends this turn) cannot affect the session.
  if (askingTimers) askForTimers(h, session.id);
  await screen;
  return tell(h, joinSpeech(prefix, addressed(h, person, started)));
}

/** The bridge's name for a panel (what "Alexa, turn off …" needs), or undefined if the bridge does not say. */
async function panelNameOf(h: HandlerInput, panelId: string): Promise<string | undefined> {
  const panels = await deps(h).bridge.panels();
  return panels.kind === "ok" ? panels.value.panels.find((p) => p.id === panelId)?.name : undefined;
}

/** What became of the Timers permission accepted by voice after a start. */
export type LateTimer = { kind: "set"; region: RegionId; seconds: number } | { kind: "ended" } | { kind: "failed" };

/**
 * The user accepted the Timers permission asked for after `sessionId` started: an end-of-session
 * timer for what is left of that session, if it is still running.
 */
export async function timerForRunningSession(h: HandlerInput, sessionId: string | undefined): Promise<LateTimer> {
  const s = speech(h);
  if (!sessionId) return { kind: "ended" };
  const panels = await deps(h).bridge.panels();
  if (panels.kind !== "ok") return { kind: "failed" };
  const panel = panels.value.panels.find((p) => p.on && p.session?.id === sessionId);
  if (!panel?.session || panel.remainingSeconds < 1) return { kind: "ended" };
  const { region } = panel.session;
  const seconds = panel.remainingSeconds;
  const timerId = await createEndTimer(h, seconds, s.timerLabel(), s.timerAnnouncement(region), { granted: true });
  if (!timerId) return { kind: "failed" };
  updateUser(h, (u) => ({ ...u, timer: { id: timerId, sessionId } }));
  return { kind: "set", region, seconds };
}
