/**
 * Whom a request is for. The bridge keeps every dose per person (GET /v1/people); the skill maps
 * Alexa voice profiles (context.System.person.personId) to those people: a recognised voice new to
 * the skill is asked once who it is and remembered for the account; a speaker Alexa does not
 * recognise, in a home with several people, is asked each skill session; one person at home is
 * never asked. The answer (IdentifyPersonIntent) carries on with what was asked for.
 */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import type { DoseResponse } from "../../matter-bridge/contract/api.js";
import type { BridgeResult } from "../bridge-api/client.js";
import {
  type CurrentPerson,
  currentPerson,
  deps,
  type Resume,
  setConversation,
  setCurrentPerson,
  speech,
  updateUser,
  user,
} from "../request/context.js";
import { ask, bridgeTrouble, joinSpeech, tell } from "../request/respond.js";
import { hasAccountLogs, migrateAccountData, type PersonData, updatePersonData } from "../user-data/schema.js";

/** `away`: the person is known from this account's own data because the bridge could not be asked (what it answered). */
type Away = Exclude<BridgeResult<unknown>, { kind: "ok" }>;
type Known = { kind: "known"; person: CurrentPerson; away?: Away };
export type Who = Known | { kind: "reply"; response: Response };

/** The Alexa voice profile that spoke, when Alexa recognised one. */
export const voiceOf = (h: HandlerInput): string | undefined =>
  (h.requestEnvelope.context?.System as { person?: { personId?: string } } | undefined)?.person?.personId || undefined;

function known(h: HandlerInput, person: CurrentPerson, away?: Away): Known {
  setCurrentPerson(h, person);
  return { kind: "known", person, ...(away ? { away } : {}) };
}

/** What was asked for, to carry on with after "who is this?". */
function resumeOf(h: HandlerInput): Resume {
  const r = h.requestEnvelope.request;
  const request: Resume["request"] =
    r.type === "IntentRequest" ? { type: "IntentRequest", intent: { ...r.intent, name: r.intent.name } } : { type: "LaunchRequest" };
  return { request, conversation: h.attributesManager.getSessionAttributes().conversation };
}

type Resolved =
  | Known
  | { kind: "choose"; choices: Array<{ id: string; name: string }>; voice?: string }
  | { kind: "trouble"; result: Exclude<BridgeResult<unknown>, { kind: "ok" }> };

/** Whom the request is for as far as can be known without asking; the account's data from before people is moved on the way. */
async function resolve(h: HandlerInput): Promise<Resolved> {
  const already = currentPerson(h);
  if (already) return { kind: "known", person: already };
  const voice = voiceOf(h);
  const remembered = voice ? user(h).voices[voice] : undefined;
  const people = await deps(h).bridge.people();
  if (people.kind !== "ok") {
    // A voice remembered for a person is still that person; what the request needs from the bridge then says it is away.
    if (remembered) return known(h, { ...remembered, several: true }, people);
    // An account that has only ever known one person (and no voices): still that person (a log is
    // kept while the bridge is away), and their answer to the caution still theirs.
    const ids = Object.keys(user(h).people);
    if (ids.length === 1 && Object.keys(user(h).voices).length === 0) return known(h, { id: ids[0], name: ids[0], several: false }, people);
    return { kind: "trouble", result: people };
  }
  const list = people.value.people;
  if (list.length === 0) return { kind: "trouble", result: { kind: "unreachable", reason: "no people" } };
  // The account's data from before people belongs to the default person (the household's, without people in the config).
  if (hasAccountLogs(user(h))) {
    const fallback = list.find((p) => p.defaultForPanels.length > 0) ?? list[0];
    updateUser(h, (u) => migrateAccountData(u, fallback.id));
  }
  if (list.length === 1) return known(h, { id: list[0].id, name: list[0].name, several: false });
  const mapped = remembered && list.find((p) => p.id === remembered.id);
  if (voice && mapped) {
    if (mapped.name !== remembered.name)
      updateUser(h, (u) => ({ ...u, voices: { ...u.voices, [voice]: { id: mapped.id, name: mapped.name } } }));
    return known(h, { id: mapped.id, name: mapped.name, several: true });
  }
  return { kind: "choose", choices: list.map((p) => ({ id: p.id, name: p.name })), ...(voice ? { voice } : {}) };
}

/**
 * The person this request is for, or the reply to give instead: "who is this?" (the request is
 * remembered and carries on after the answer), or the bridge being away. `prefix` is said before the question.
 */
export async function identify(h: HandlerInput, opts: { prefix?: string } = {}): Promise<Who> {
  const found = await resolve(h);
  if (found.kind === "trouble") return { kind: "reply", response: tell(h, bridgeTrouble(h, found.result)) };
  return askUnlessKnown(h, found, opts.prefix);
}

/**
 * Whose progress log this request adds to: as `identify`, but when the person cannot be known
 * because the bridge is away, the account's own logs (`account`), which the bridge's default person
 * receives the first time the skill reaches the bridge again (migrateAccountData): a log is never
 * refused nor lost for the bridge. A voice remembered for a person still logs under that person.
 */
export async function identifyForLog(h: HandlerInput): Promise<Who | { kind: "account" }> {
  const found = await resolve(h);
  if (found.kind === "trouble") return { kind: "account" };
  return askUnlessKnown(h, found);
}

/** Changes the logs of whom `identifyForLog` found: that person's own, or the account's. */
export function updateLogs(h: HandlerInput, owner: Who | { kind: "account" }, change: (logs: PersonData) => PersonData): void {
  if (owner.kind === "known") updateUser(h, (u) => updatePersonData(u, owner.person.id, change));
  else if (owner.kind === "account")
    updateUser(h, (u) => {
      const { spasms, tenderness, rom } = change(u);
      return { ...u, spasms, tenderness, rom };
    });
}

function askUnlessKnown(h: HandlerInput, found: Exclude<Resolved, { kind: "trouble" }>, prefix?: string): Who {
  if (found.kind === "known") return found;
  const s = speech(h);
  const { choices, voice } = found;
  const names = choices.map((c) => c.name);
  setConversation(h, { step: "person", choices, ...(voice ? { voice } : {}), resume: resumeOf(h) });
  const question = voice ? s.whoIsThisVoice(names) : s.whoIsItFor(names);
  return { kind: "reply", response: ask(h, joinSpeech(prefix, question), s.whoReprompt(names)) };
}

/**
 * The dose of the person the request is for, when that is known without asking and the bridge
 * answers (for what only shows more when it knows: the screen's dose).
 */
export async function doseIfKnown(h: HandlerInput): Promise<DoseResponse | undefined> {
  const found = await resolve(h);
  if (found.kind !== "known") return undefined;
  const result = await deps(h).bridge.dose(found.person.id);
  return result.kind === "ok" ? result.value : undefined;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]s\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The person a spoken name means: their whole name or id, or the first word of their name, heard
 * alone or among other words ("it's Anna"); undefined unless exactly one person fits.
 */
export function matchPerson<P extends { id: string; name: string }>(heard: string, choices: readonly P[]): P | undefined {
  const said = normalise(heard);
  if (!said) return undefined;
  const words = new Set(said.split(" "));
  const tests: Array<(p: P) => boolean> = [
    (p) => normalise(p.name) === said || normalise(p.id) === said,
    (p) => normalise(p.name).split(" ")[0] === said,
    (p) => words.has(normalise(p.name).split(" ")[0]),
  ];
  for (const fits of tests) {
    const found = choices.filter(fits);
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

/** A reply addressed to the person in a home with several people ("Anna, your low back…"); as it is otherwise. */
export function addressed(h: HandlerInput, person: CurrentPerson, text: string): string {
  return person.several ? speech(h).toPerson(person.name, text) : text;
}
