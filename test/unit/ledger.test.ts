import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { LEDGER_FILE, Ledger, LedgerCorruptError, readLedger } from "../../matter-bridge/dose/ledger.js";
import { VERSION } from "../../matter-bridge/version.js";
import { DAY, ledgerEntry, T0 } from "../helpers/dose-fixtures.js";
import { killWriterRounds } from "../helpers/ledger-crash.js";
import { memoryTmpdir, tempDirs } from "../helpers/temp-dirs.js";

// What is checked is what the files hold after each write, crash and reopen, not how fast a disk
// syncs: tmpfs where there is one, so the fsyncs of a busy disk do not set the pace.
const tempDir = tempDirs("biolight-ledger-", memoryTmpdir());

describe("ledger", () => {
  it("loads a file from before people as it is, keeps its entries without a person, and adds people beside them", async () => {
    const dir = await tempDir();
    const t = Date.now() - 3_600_000;
    const old = {
      format: "biolight-ledger/1",
      sessions: [{ ...ledgerEntry("old", t, 900), endedAt: t + 900_000, deliveredSeconds: 900, endReason: "completed" }],
      caution: { version: 1, acknowledgedAt: t - 1000, source: "cli" },
      seenAt: t + 900_000,
    };
    await writeFile(join(dir, LEDGER_FILE), JSON.stringify(old));
    const ledger = await Ledger.open(dir);
    expect(ledger.sessions()).toEqual(old.sessions);
    expect(ledger.personCaution("anna")).toBeUndefined();
    await ledger.begin({ ...ledgerEntry("new"), person: "anna" });
    await ledger.acknowledgeCaution(1, "skill", "anna");
    const file = await readLedger(dir);
    // The first change writes a format-3 snapshot (an older bridge refuses it rather than miss the journal or a red flag).
    expect(JSON.parse(await readFile(join(dir, LEDGER_FILE), "utf8")).format).toBe("biolight-ledger/3");
    expect(file.sessions[0]).toEqual(old.sessions[0]); // nothing rewritten: it counts for its panel's defaultPerson
    expect(file.sessions[1].person).toBe("anna");
    expect(file.people!.anna.caution).toMatchObject({ version: 1, source: "skill" });
    expect(file.caution).toMatchObject({ version: 1, source: "skill" });
    const again = await Ledger.open(dir);
    expect(again.sessions().map((s) => [s.id, s.person])).toEqual([
      ["old", undefined],
      ["new", "anna"],
    ]);
    expect(again.personCaution("anna")?.acknowledgedAt).toBe(file.people!.anna.caution!.acknowledgedAt);
    expect(again.personCaution("constructor")).toBeUndefined();
  });

  it("keeps sessions and the caution acknowledgement across reopen", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir);
    expect(ledger.sessions()).toEqual([]);
    expect(ledger.caution()).toBeNull();
    await ledger.begin(ledgerEntry("a"));
    await ledger.finish("a", Date.now(), 123.4, "stopped");
    await ledger.acknowledgeCaution(1, "cli");
    const again = await Ledger.open(dir);
    expect(again.sessions()).toHaveLength(1);
    expect(again.sessions()[0]).toMatchObject({ id: "a", deliveredSeconds: 123.4, endReason: "stopped" });
    expect(again.caution()).toMatchObject({ version: 1, source: "cli" });
  });

  it("records the delivered time it is given, also past the planned time (a switch-off that landed late), never below 0", async () => {
    const ledger = await Ledger.open(await tempDir());
    await ledger.begin(ledgerEntry("a", Date.now(), 60));
    expect((await ledger.finish("a", Date.now(), 61, "completed")).deliveredSeconds).toBe(61);
    await ledger.begin(ledgerEntry("b", Date.now(), 60));
    expect((await ledger.finish("b", Date.now(), -1, "stopped")).deliveredSeconds).toBe(0);
  });

  it("closes sessions left open by a crash as fully delivered, ending at their planned end", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir);
    await ledger.begin(ledgerEntry("open", T0, 900));
    const reopened = await Ledger.open(dir);
    expect(reopened.openSessions()).toHaveLength(1);
    const closed = await reopened.closeOpenAsDelivered();
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ deliveredSeconds: 900, endedAt: T0 + 900_000, endReason: "recovered-after-restart" });
    expect((await Ledger.open(dir)).openSessions()).toHaveLength(0);
  });

  it("rejects a bad entry or a double close and changes nothing", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir);
    await ledger.begin(ledgerEntry("a"));
    await expect(ledger.begin(ledgerEntry("a"))).rejects.toThrow(/already/);
    await expect(ledger.begin({ ...ledgerEntry("b"), region: "knees" as never })).rejects.toThrow();
    await ledger.finish("a", Date.now(), 10, "stopped");
    await expect(ledger.finish("a", Date.now(), 20, "stopped")).rejects.toThrow(/no open session/);
    const again = await Ledger.open(dir);
    expect(again.sessions().map((s) => [s.id, s.deliveredSeconds])).toEqual([["a", 10]]);
  });

  it("refuses to open a corrupt ledger instead of resetting it", async () => {
    for (const text of ["{not json", JSON.stringify({ format: "biolight-ledger/1", sessions: [{ id: 1 }], caution: null }), ""]) {
      const dir = await tempDir();
      await writeFile(join(dir, LEDGER_FILE), text);
      await expect(Ledger.open(dir)).rejects.toBeInstanceOf(LedgerCorruptError);
      await expect(Ledger.open(dir)).rejects.toThrow(/cannot be read.*not reset/s);
      expect(await readFile(join(dir, LEDGER_FILE), "utf8")).toBe(text);
    }
  });

  it("refuses a ledger a newer bridge wrote, saying so and how to go back, and leaves it as it was", async () => {
    const dir = await tempDir();
    // A newer format may add keys this version does not know: the format is what is said.
    const text = JSON.stringify({ format: "biolight-ledger/4", sessions: [], caution: null, somethingNew: [] });
    await writeFile(join(dir, LEDGER_FILE), text);
    await expect(Ledger.open(dir)).rejects.toBeInstanceOf(LedgerCorruptError);
    await expect(Ledger.open(dir)).rejects.toThrow(
      `cannot be read (it is in format biolight-ledger/4, written by a newer version of the bridge; this one (${VERSION}) reads formats 1 to 3: run the newer version again, or restore a backup made by this version (docs/operations.md)).`,
    );
    expect(await readFile(join(dir, LEDGER_FILE), "utf8")).toBe(text);
  });

  it("compacts entries beyond the retention but keeps 90 days of history", async () => {
    let now = T0;
    const dir = await tempDir();
    const ledger = await Ledger.open(dir, () => now);
    await ledger.begin(ledgerEntry("old", T0 - 120 * DAY));
    await ledger.finish("old", T0 - 120 * DAY + 600_000, 600, "completed");
    await ledger.begin(ledgerEntry("kept", T0 - 90 * DAY));
    await ledger.finish("kept", T0 - 90 * DAY + 600_000, 600, "completed");
    now = T0 + 1;
    await ledger.acknowledgeCaution(1, "test");
    expect(ledger.sessions().map((s) => s.id)).toEqual(["kept"]);
    expect(ledger.history(T0 - 91 * DAY).map((s) => s.id)).toEqual(["kept"]);
  });
});

describe("ledger crash safety", () => {
  // Five folders side by side, five kills each: the kills, not the waits between them, fill the time.
  const FOLDERS = 5;
  const ROUNDS = 5;
  it(`always loads and loses no acknowledged write when SIGKILLed mid-write (${FOLDERS * ROUNDS} kills)`, async () => {
    const killed = async () => {
      const dir = await tempDir();
      const acked = await killWriterRounds(dir, { rounds: ROUNDS, killWithin: 40 }, async ({ sessions, caution }) => {
        const ledger = await Ledger.open(dir); // must load after every kill
        const byId = new Map(ledger.sessions().map((s) => [s.id, s]));
        for (const [id, state] of sessions) {
          expect(byId.has(id)).toBe(true);
          if (state === "finish") expect(byId.get(id)!.deliveredSeconds).toBe(300);
        }
        // A write may complete just before the kill, unacknowledged: newer is fine, older is a loss.
        if (caution) expect(ledger.caution()!.version).toBeGreaterThanOrEqual(caution);
      });
      expect(acked.sessions.size).toBeGreaterThan(ROUNDS);
      // A kill mid-write leaves a temp file; the next open (after each kill above) removes it.
      expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    };
    await Promise.all(Array.from({ length: FOLDERS }, killed));
  }, 120_000);
});
