/**
 * Whose dose a ledger entry counts for. Entries written before people existed have no person, and an
 * entry may name a person who is no longer configured (e.g. `household` once people are added): both
 * count for their panel's `defaultPerson`, so adding people resets nobody's limits and loses nothing.
 * Resolved at read time; the ledger keeps what was written.
 */
import { type BridgeConfig, defaultPersonOf, findPerson } from "../contract/config.js";
import type { LedgerSession } from "./ledger-schema.js";

export type PersonOf = (s: LedgerSession) => string;

const resolvers = new WeakMap<BridgeConfig, PersonOf>();

/** The resolver for `config` (built once per config object). */
export function personResolver(config: BridgeConfig): PersonOf {
  let resolve = resolvers.get(config);
  if (!resolve) {
    const known = new Set(config.people.map((p) => p.id));
    const byPanel = new Map(config.panels.map((p) => [p.id, defaultPersonOf(config, p)]));
    const fallback = config.people[0].id;
    resolve = (s) => (s.person !== undefined && known.has(s.person) ? s.person : (byPanel.get(s.panelId) ?? fallback));
    resolvers.set(config, resolve);
  }
  return resolve;
}

/** The configured person ids, for messages naming them. */
export const personIds = (config: BridgeConfig): string[] => config.people.map((p) => p.id);

export const unknownPersonMessage = (config: BridgeConfig, person: string): string =>
  `No person with id "${person}". Known people: ${personIds(config).join(", ")}.`;

export const personName = (config: BridgeConfig, person: string): string => findPerson(config, person)?.name ?? person;

/** "Anna's " when the home has several people, else "the " (one person is never named). */
export function whose(config: BridgeConfig, person: string): string {
  if (config.people.length < 2) return "the ";
  return `${personName(config, person)}'s `;
}
