/**
 * Ids that change. The ledger keeps the person and panel id each entry was written with; the config
 * says where an old id went (`formerIds` on the person or panel) or that it is gone for good
 * (`retired`). Entries are mapped at read time, so a rename never rewrites history and undoing it
 * gives the old view back. An id in the ledger the config says nothing about stops the start-up
 * (`ledgerIdsProblem`): guessing would give someone fresh limits or charge someone else.
 */
import { type BridgeConfig, HOUSEHOLD_PERSON } from "../contract/config.js";
import type { LedgerSession } from "./ledger-schema.js";

export type PanelOf = (s: LedgerSession) => string;

interface IdMaps {
  /** Every id a ledger entry may carry for a person → the current person's id (retired: itself). */
  person: Map<string, string>;
  panel: Map<string, string>;
  /** Current person id → their former ids. */
  formerPersonIds: Map<string, readonly string[]>;
}

const cache = new WeakMap<BridgeConfig, IdMaps>();

export function idMaps(config: BridgeConfig): IdMaps {
  let maps = cache.get(config);
  if (!maps) {
    const person = new Map<string, string>();
    const panel = new Map<string, string>();
    for (const id of config.retired.people) person.set(id, id);
    for (const id of config.retired.panels) panel.set(id, id);
    for (const p of config.people) for (const id of [p.id, ...(p.formerIds ?? [])]) person.set(id, p.id);
    for (const p of config.panels) for (const id of [p.id, ...(p.formerIds ?? [])]) panel.set(id, p.id);
    const formerPersonIds = new Map(config.people.map((p) => [p.id, p.formerIds ?? []]));
    maps = { person, panel, formerPersonIds };
    cache.set(config, maps);
  }
  return maps;
}

/** The current id of the panel an entry was on (a retired or unknown one: as written). */
export function panelResolver(config: BridgeConfig): PanelOf {
  const { panel } = idMaps(config);
  return (s) => panel.get(s.panelId) ?? s.panelId;
}

/** A person's former ids (config `formerIds`), whose caution answers are theirs too. */
export const formerPersonIds = (config: BridgeConfig, person: string): readonly string[] =>
  idMaps(config).formerPersonIds.get(person) ?? [];

/** The current id of a person an entry or a red flag was recorded with (a retired or unknown one: as written). */
export const currentPersonId = (config: BridgeConfig, id: string): string => idMaps(config).person.get(id) ?? id;

/** The ids found in the ledger that the config does not account for. */
export interface UnknownIds {
  /** Person id → sessions written with it (0 for a caution answer alone). */
  people: Map<string, number>;
  panels: Map<string, number>;
}

/**
 * Ids in the ledger that are neither a current id, a former id nor retired. Entries without a person,
 * and `household` (the one person of a config without people), are no problem: they count for their
 * panel's defaultPerson, so adding people resets nobody and charges nobody new.
 */
export function unknownIds(config: BridgeConfig, sessions: readonly LedgerSession[], answeredBy: readonly string[]): UnknownIds {
  const maps = idMaps(config);
  const out: UnknownIds = { people: new Map(), panels: new Map() };
  const add = (m: Map<string, number>, id: string, n: number) => m.set(id, (m.get(id) ?? 0) + n);
  const knownPerson = (id: string) => maps.person.has(id) || id === HOUSEHOLD_PERSON.id;
  for (const s of sessions) {
    if (!maps.panel.has(s.panelId)) add(out.panels, s.panelId, 1);
    if (s.person !== undefined && !knownPerson(s.person)) add(out.people, s.person, 1);
  }
  for (const id of answeredBy) if (!knownPerson(id)) add(out.people, id, 0);
  return out;
}

const listed = (m: Map<string, number>) =>
  [...m].map(([id, n]) => `"${id}"${n ? ` (${n} session${n === 1 ? "" : "s"})` : " (a caution answer)"}`).join(", ");
const json = (ids: Map<string, number>) => JSON.stringify([...ids.keys()]);
/** `"formerIds": ["anna"]` to the one who had it; with several ids, each to the one who had it. */
const formerIdsFix = (ids: Map<string, number>, whom: "person" | "panel") => {
  const who = whom === "person" ? "person who" : "panel that";
  return ids.size === 1
    ? `add "formerIds": ${json(ids)} to the ${who} had it`
    : `add each to "formerIds" of the ${who} had it (e.g. "formerIds": ${JSON.stringify([[...ids.keys()][0]])})`;
};

/**
 * One line for the owner, or undefined when every id in the ledger is accounted for. The start-up
 * refuses on it (exit 2) and changes nothing.
 */
export function ledgerIdsProblem(ids: UnknownIds): string | undefined {
  const parts: string[] = [];
  const fixes: string[] = [];
  if (ids.people.size) {
    parts.push(`person id${ids.people.size > 1 ? "s" : ""} ${listed(ids.people)}`);
    fixes.push(
      `${formerIdsFix(ids.people, "person")} in "people" (the history and limits move to them), or, for someone who left the household, add "retired": {"people": ${json(ids.people)}} (kept in the history, counted for nobody)`,
    );
  }
  if (ids.panels.size) {
    parts.push(`panel id${ids.panels.size > 1 ? "s" : ""} ${listed(ids.panels)}`);
    fixes.push(
      `${formerIdsFix(ids.panels, "panel")} in "panels", or, for a panel taken out of use, add "retired": {"panels": ${json(ids.panels)}}`,
    );
  }
  if (!parts.length) return undefined;
  const many = ids.people.size + ids.panels.size > 1;
  return `The dose ledger has history for ${parts.join(" and ")} that no longer ${many ? "are" : "is"} in the config. Say where ${many ? "they" : "it"} went, then start again: ${fixes.join("; ")}. Nothing was changed.`;
}

/** The bridge refused to start: the ledger holds ids the config does not account for (exit 2). */
export class LedgerIdsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerIdsError";
  }
}

/** Throws LedgerIdsError when the ledger holds an id the config does not account for. */
export function checkLedgerIds(config: BridgeConfig, ledger: { sessions(): readonly LedgerSession[]; answeredBy(): string[] }): void {
  const problem = ledgerIdsProblem(unknownIds(config, ledger.sessions(), ledger.answeredBy()));
  if (problem) throw new LedgerIdsError(problem);
}
