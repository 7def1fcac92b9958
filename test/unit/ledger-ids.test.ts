/** The start-up check of the ledger's ids against the config (dose/ids.ts): what stops a start, and what the owner reads. */
import { describe, expect, it } from "@jest/globals";
import { checkLedgerIds, LedgerIdsError, ledgerIdsProblem, unknownIds } from "../../matter-bridge/dose/ids.js";
import { HOUR, makeConfig, session, T0 } from "../helpers/dose-fixtures.js";

const config = makeConfig({
  people: [
    { id: "anna-k", name: "Anna", formerIds: ["anna"] },
    { id: "ben", name: "Ben" },
  ],
  panels: [{ id: "bedroom", name: "Bedroom", formerIds: ["panel-1"] }],
  retired: { people: ["carl"], panels: ["garage"] },
});
const at = T0 - HOUR;

describe("ledger ids against the config", () => {
  it("accounts for current, former and retired ids, entries naming nobody and household", () => {
    const sessions = [
      session("mid-back", at, 60, { panelId: "bedroom", person: "anna-k" }),
      session("mid-back", at, 60, { panelId: "panel-1", person: "anna" }),
      session("mid-back", at, 60, { panelId: "garage", person: "carl" }),
      session("mid-back", at, 60, { panelId: "panel-1" }),
      session("mid-back", at, 60, { panelId: "panel-1", person: "household" }),
    ];
    const ledger = { sessions: () => sessions, answeredBy: () => ["anna", "ben", "carl", "household"] };
    expect(() => checkLedgerIds(config, ledger)).not.toThrow();
  });

  it("names every id it cannot account for, with its sessions, a caution answer alone included", () => {
    const sessions = [
      session("mid-back", at, 60, { panelId: "office", person: "dora" }),
      session("neck-shoulders", at, 60, { panelId: "office", person: "dora" }),
    ];
    const ids = unknownIds(config, sessions, ["ben", "eve"]);
    expect([...ids.people]).toEqual([
      ["dora", 2],
      ["eve", 0],
    ]);
    expect([...ids.panels]).toEqual([["office", 2]]);
    expect(ledgerIdsProblem(ids)).toBe(
      'The dose ledger has history for person ids "dora" (2 sessions), "eve" (a caution answer) and panel id "office" (2 sessions) that no longer are in the config. Say where they went, then start again: add each to "formerIds" of the person who had it (e.g. "formerIds": ["dora"]) in "people" (the history and limits move to them), or, for someone who left the household, add "retired": {"people": ["dora","eve"]} (kept in the history, counted for nobody); add "formerIds": ["office"] to the panel that had it in "panels", or, for a panel taken out of use, add "retired": {"panels": ["office"]}. Nothing was changed.',
    );
    expect(() => checkLedgerIds(config, { sessions: () => sessions, answeredBy: () => [] })).toThrow(LedgerIdsError);
  });
});
