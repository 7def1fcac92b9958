/**
 * Whose dose a ledger entry counts for, resolved at read time (the ledger keeps what was written):
 * - a current id, or a person's former id (config `formerIds`): that person;
 * - a retired person's id: that id, which is nobody's now (kept in the history, counted for no one);
 * - no person (written before people existed) or `household` once people are added: the entry's
 *   panel's `defaultPerson`, so adding people resets nobody's limits and loses nothing.
 * Any other id stops the start-up (dose/ids.ts); were one here anyway, it too counts for the panel's
 * `defaultPerson`.
 */
import { type BridgeConfig, defaultPersonOf, findPerson } from "../contract/config.js";
import { idMaps } from "./ids.js";
import type { LedgerSession } from "./ledger-schema.js";

export type PersonOf = (s: LedgerSession) => string;

const resolvers = new WeakMap<BridgeConfig, PersonOf>();

/** The resolver for `config` (built once per config object). */
export function personResolver(config: BridgeConfig): PersonOf {
  let resolve = resolvers.get(config);
  if (!resolve) {
    const ids = idMaps(config);
    const byPanel = new Map(config.panels.map((p) => [p.id, defaultPersonOf(config, p)]));
    const fallback = config.people[0].id;
    resolve = (s) => {
      const person = s.person === undefined ? undefined : ids.person.get(s.person);
      if (person !== undefined) return person;
      const panel = ids.panel.get(s.panelId);
      return (panel !== undefined ? byPanel.get(panel) : undefined) ?? fallback;
    };
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
