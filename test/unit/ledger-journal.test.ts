/**
 * The ledger's journal: a start writes the same bytes whatever the history, a torn last line is cut
 * off, damage is refused, and a compaction cut short at any step loses and doubles nothing.
 */
import { existsSync } from "node:fs";
import { appendFile, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { appendFileDurably, awaitsFolderSync, writeFileDurably } from "../../common/durable-file.js";
import {
  JOURNAL_FILE,
  LEDGER_FILE,
  Ledger,
  type LedgerAppender,
  LedgerCorruptError,
  LedgerUnavailableError,
  type LedgerWriter,
  RESERVE_FILE,
  readLedger,
} from "../../matter-bridge/dose/ledger.js";
import type { LedgerSession } from "../../matter-bridge/dose/ledger-schema.js";
import { RED_FLAG_SLOT_FILE } from "../../matter-bridge/dose/red-flag-slot.js";
import { DAY, ledgerEntry, T0 } from "../helpers/dose-fixtures.js";
import { killWriterRounds } from "../helpers/ledger-crash.js";
import { deadPid, liveProcess } from "../helpers/processes.js";
import { memoryTmpdir, tempDirs } from "../helpers/temp-dirs.js";
import { pause } from "../helpers/until.js";

// What is checked is what the files hold after each write, crash and reopen, not how fast a disk
// syncs: tmpfs where there is one, so the fsyncs of a busy disk do not set the pace.
const tempDir = tempDirs("biolight-journal-", memoryTmpdir());

const closed = (id: string, startedAt: number): LedgerSession => ({
  ...ledgerEntry(id, startedAt),
  endedAt: startedAt + 600_000,
  deliveredSeconds: 600,
  endReason: "completed",
});

/** A format-1 ledger (one file, no journal) with `n` sessions over the last 80 days before T0. */
async function seedV1(dir: string, n: number) {
  const sessions = Array.from({ length: n }, (_, i) => closed(`h${String(i).padStart(6, "0")}`, T0 - 80 * DAY + i * 60_000));
  await writeFile(join(dir, LEDGER_FILE), JSON.stringify({ format: "biolight-ledger/1", sessions, caution: null, seenAt: T0 - DAY }));
}

const real = {
  write: ((path, text) => writeFileDurably(path, text)) as LedgerWriter,
  append: ((path, text, truncateTo) => appendFileDurably(path, text, truncateTo === undefined ? {} : { truncateTo })) as LedgerAppender,
};
const sizeOf = (path: string) => stat(path).then((s) => s.size);
const ids = (sessions: readonly LedgerSession[]) => sessions.map((s) => s.id);

describe("ledger journal: a start costs the same whatever the history", () => {
  it("a start (begin + finish) appends the same bytes at 100 and at 2,000 sessions of history and leaves the snapshot alone", async () => {
    const perStart: number[] = [];
    for (const n of [100, 2000]) {
      const dir = await tempDir();
      await seedV1(dir, n);
      const written = { snapshot: 0, journal: 0, snapshots: 0 };
      const ledger = await Ledger.open(dir, {
        clock: { now: () => T0, monotonic: () => 0 },
        write: async (path, text) => {
          written.snapshots++;
          written.snapshot += Buffer.byteLength(text);
          await real.write(path, text);
        },
        append: async (path, text, truncateTo) => {
          written.journal += Buffer.byteLength(text);
          await real.append(path, text, truncateTo);
        },
      });
      await ledger.acknowledgeCaution(1, "test"); // the first change writes the format-2 snapshot
      expect(written.snapshots).toBe(1);
      const snapshot = await stat(join(dir, LEDGER_FILE));
      const journalBefore = await sizeOf(join(dir, JOURNAL_FILE)).catch(() => 0);
      const before = { ...written };
      for (let i = 0; i < 5; i++) {
        await ledger.begin(ledgerEntry(`new-${i}`, T0));
        await ledger.finish(`new-${i}`, T0 + 60_000, 60, "stopped");
      }
      expect(written.snapshots).toBe(before.snapshots); // no snapshot on the hot path
      const after = await stat(join(dir, LEDGER_FILE));
      expect([after.ino, after.size, after.mtimeMs]).toEqual([snapshot.ino, snapshot.size, snapshot.mtimeMs]);
      const bytes = written.journal - before.journal;
      expect((await sizeOf(join(dir, JOURNAL_FILE))) - journalBefore).toBe(bytes);
      perStart.push(bytes / 5);
      expect((await Ledger.open(dir)).sessions()).toHaveLength(n + 5);
    }
    expect(perStart[1]).toBe(perStart[0]);
    expect(perStart[0]).toBeLessThan(1000);
  });

  it("loads a format-1 ledger (one file, no journal) as it is and writes nothing until something changes (but the empty red-flag slot)", async () => {
    const dir = await tempDir();
    await seedV1(dir, 3);
    const text = await readFile(join(dir, LEDGER_FILE), "utf8");
    const ledger = await Ledger.open(dir);
    expect(ids(ledger.sessions())).toEqual(["h000000", "h000001", "h000002"]);
    await ledger.closeOpenAsDelivered();
    await ledger.persistClockStep();
    expect((await readdir(dir)).sort()).toEqual([LEDGER_FILE, RED_FLAG_SLOT_FILE]);
    expect(await readFile(join(dir, LEDGER_FILE), "utf8")).toBe(text);
  });

  it("compacts once the journal passes its limit, behind the change that passed it, and keeps every entry", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir, { compactAfter: 10 });
    await ledger.acknowledgeCaution(1, "test");
    for (let i = 0; i < 12; i++) await ledger.begin(ledgerEntry(`s${i}`, Date.now()));
    await ledger.compact(); // waits for the queued compaction (and finds nothing left to do, or does the rest)
    expect((await readFile(join(dir, JOURNAL_FILE), "utf8")).split("\n").filter(Boolean).length).toBeLessThan(10);
    const snapshot = JSON.parse(await readFile(join(dir, LEDGER_FILE), "utf8"));
    expect(snapshot).toMatchObject({ format: "biolight-ledger/3" });
    expect(snapshot.sessions.length).toBeGreaterThanOrEqual(10);
    expect(ids((await readLedger(dir)).sessions)).toEqual(Array.from({ length: 12 }, (_, i) => `s${i}`));
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("ledger journal: a torn last line", () => {
  for (const [what, tail] of [
    ["half a record", '{"seq":4,"at":17'],
    ["zeros a crash left", "\0\0\0\0\0\0"],
  ] as const) {
    it(`(${what}) is ignored on load and cut off before the next append`, async () => {
      const dir = await tempDir();
      const first = await Ledger.open(dir);
      await first.acknowledgeCaution(1, "test");
      await first.begin(ledgerEntry("a", Date.now()));
      await first.finish("a", Date.now(), 30, "stopped");
      await appendFile(join(dir, JOURNAL_FILE), tail);
      const logs: string[] = [];
      // The start-up compaction cannot write (a read-only folder, say): the torn tail stays for now.
      const ledger = await Ledger.open(dir, {
        write: async () => {
          throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
        },
        append: real.append,
        log: (m) => logs.push(m),
      });
      expect(logs.join("\n")).toMatch(/journal ends in \d+ bytes of a write cut short by a crash/);
      expect(ledger.sessions()).toMatchObject([{ id: "a", deliveredSeconds: 30 }]);
      expect((await readFile(join(dir, JOURNAL_FILE), "utf8")).endsWith(tail)).toBe(true);
      await ledger.begin(ledgerEntry("b", Date.now()));
      const journal = await readFile(join(dir, JOURNAL_FILE), "utf8");
      expect(journal.includes(tail)).toBe(false);
      expect(journal.endsWith("\n")).toBe(true);
      expect(ids((await Ledger.open(dir)).sessions())).toEqual(["a", "b"]);
    });
  }

  it("left by an append that failed half-way (a full disk) is cut off by the next one", async () => {
    const dir = await tempDir();
    let fail = false;
    const ledger = await Ledger.open(dir, {
      write: real.write,
      append: async (path, text, truncateTo) => {
        if (fail) {
          await appendFile(path, text.slice(0, 20)); // part of the line landed
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        }
        await real.append(path, text, truncateTo);
      },
    });
    await ledger.acknowledgeCaution(1, "test");
    await ledger.begin(ledgerEntry("a", Date.now()));
    fail = true;
    await expect(ledger.finish("a", Date.now(), 30, "stopped")).rejects.toMatchObject({ code: "ENOSPC" });
    expect(ledger.openSessions()).toHaveLength(1);
    expect((await readLedger(dir)).sessions.map((s) => [s.id, s.endedAt])).toEqual([["a", undefined]]); // loads: the torn line is ignored
    fail = false;
    await ledger.finish("a", Date.now(), 30, "stopped");
    await ledger.begin(ledgerEntry("b", Date.now()));
    const again = await readLedger(dir);
    expect(again.sessions.map((s) => [s.id, s.deliveredSeconds])).toEqual([
      ["a", 30],
      ["b", undefined],
    ]);
  });
});

describe("ledger journal: damage is refused, never reset", () => {
  const cases: Array<[string, (journal: string) => string]> = [
    ["a corrupt line in the middle", (j) => j.replace(/\n/, '\n{"seq":2,"at":1,"sess\n')],
    ["a record that is not valid", (j) => j.replace(/"seq":(\d+)/, '"seq":"$1"')],
    [
      "a record missing between two",
      (j) =>
        j
          .split("\n")
          .filter((_, i) => i !== 1)
          .join("\n"),
    ],
  ];
  for (const [what, damage] of cases)
    it(`${what}: LedgerCorruptError, and the files stay as they are`, async () => {
      const dir = await tempDir();
      const ledger = await Ledger.open(dir);
      await ledger.acknowledgeCaution(1, "test");
      for (const id of ["a", "b", "c"]) await ledger.begin(ledgerEntry(id, Date.now()));
      const path = join(dir, JOURNAL_FILE);
      const damaged = damage(await readFile(path, "utf8"));
      await writeFile(path, damaged);
      const snapshot = await readFile(join(dir, LEDGER_FILE), "utf8");
      await expect(Ledger.open(dir)).rejects.toBeInstanceOf(LedgerCorruptError);
      await expect(Ledger.open(dir)).rejects.toThrow(/ledger\.journal cannot be read .*journal line \d.*not reset/s);
      expect(await readFile(path, "utf8")).toBe(damaged);
      expect(await readFile(join(dir, LEDGER_FILE), "utf8")).toBe(snapshot);
    });

  it("a journal whose snapshot was moved away is refused, not read as the whole ledger", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir);
    await ledger.acknowledgeCaution(1, "test");
    await ledger.begin(ledgerEntry("a", Date.now()));
    await rm(join(dir, LEDGER_FILE));
    await expect(Ledger.open(dir)).rejects.toThrow(/ledger\.json cannot be read \(missing, but ledger\.journal continues it\)/);
  });
});

describe("ledger journal: a compaction cut short at any step", () => {
  /** A ledger with history in its journal, one entry of which has aged out in memory since. */
  async function journalled(opts: { write?: LedgerWriter; append?: LedgerAppender } = {}) {
    let now = T0;
    const dir = await tempDir();
    const ledger = await Ledger.open(dir, { clock: { now: () => now, monotonic: () => now }, ...real, ...opts });
    await ledger.acknowledgeCaution(1, "test");
    await ledger.record(closed("old", T0 - 120 * DAY));
    await ledger.record(closed("kept", T0 - DAY));
    await ledger.begin(ledgerEntry("open", T0));
    now = T0 + 1000;
    await ledger.acknowledgeCaution(2, "test"); // drops "old" by age in memory; the journal still holds it
    expect(ids(ledger.sessions())).toEqual(["kept", "open"]);
    return { dir, ledger, setNow: (t: number) => (now = t) };
  }
  const expectIntact = async (dir: string) => {
    const file = await readLedger(dir);
    expect(new Set(ids(file.sessions)).size).toBe(file.sessions.length); // nothing twice
    expect(ids(file.sessions).filter((id) => id !== "old")).toEqual(["kept", "open"]); // nothing lost
    expect(file.caution).toMatchObject({ version: 2 });
    return file;
  };

  it("before the snapshot is in place (its write fails, or a crash leaves only its temp file): the old files hold everything", async () => {
    let failSnapshot = false;
    const { dir, ledger } = await journalled({
      write: async (path, text) => {
        if (failSnapshot) {
          await writeFile(`${path}.crashed.tmp`, text.slice(0, 100)); // what a crash mid-write leaves
          throw new Error("EIO: i/o error, write");
        }
        await real.write(path, text);
      },
    });
    const before = await Promise.all([readFile(join(dir, LEDGER_FILE), "utf8"), readFile(join(dir, JOURNAL_FILE), "utf8")]);
    failSnapshot = true;
    await expect(ledger.compact()).rejects.toThrow(/EIO/);
    expect(await Promise.all([readFile(join(dir, LEDGER_FILE), "utf8"), readFile(join(dir, JOURNAL_FILE), "utf8")])).toEqual(before);
    await expectIntact(dir);
    // The ledger goes on appending after the failed compaction.
    await ledger.finish("open", T0 + 2000, 1, "stopped");
    expect((await readLedger(dir)).sessions.find((s) => s.id === "open")?.endReason).toBe("stopped");
  });

  it("between the snapshot and emptying the journal (the truncation fails, or a crash): records are skipped by number, not applied twice", async () => {
    let failTruncate = false;
    const { dir, ledger } = await journalled({
      append: async (path, text, truncateTo) => {
        if (failTruncate && truncateTo === 0 && text === "") throw new Error("EIO: i/o error, truncate");
        await real.append(path, text, truncateTo);
      },
    });
    const journal = await readFile(join(dir, JOURNAL_FILE), "utf8");
    failTruncate = true;
    await ledger.compact(); // the snapshot holds it all: durable, so it resolves
    expect(await readFile(join(dir, JOURNAL_FILE), "utf8")).toBe(journal); // still there
    const snapshot = JSON.parse(await readFile(join(dir, LEDGER_FILE), "utf8"));
    expect(snapshot.journalSeq).toBe(journal.trim().split("\n").length);
    const file = await expectIntact(dir);
    expect(ids(file.sessions)).toEqual(["kept", "open"]); // the aged-out entry does not come back from the journal
    // The next append empties the journal first (all it held is in the snapshot), then carries on.
    await ledger.finish("open", T0 + 2000, 1, "stopped");
    await ledger.begin(ledgerEntry("next", T0 + 3000));
    expect(
      (await readFile(join(dir, JOURNAL_FILE), "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).seq),
    ).toEqual([snapshot.journalSeq + 1, snapshot.journalSeq + 2]);
    failTruncate = false;
    const reopened = await Ledger.open(dir);
    expect(ids(reopened.sessions())).toEqual(["kept", "open", "next"]);
    expect(reopened.sessions()[1]).toMatchObject({ endReason: "stopped" });
    expect(await readFile(join(dir, JOURNAL_FILE), "utf8")).toBe(""); // the start-up compaction emptied it
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a crash after the snapshot leaves the old journal, and the next start-up compaction folds it without doubling", async () => {
    const { dir, ledger } = await journalled();
    const journal = await readFile(join(dir, JOURNAL_FILE));
    await ledger.compact();
    await writeFile(join(dir, JOURNAL_FILE), journal); // as if the truncation never reached the disk
    const file = await expectIntact(dir);
    expect(ids(file.sessions)).toEqual(["kept", "open"]);
    const reopened = await Ledger.open(dir);
    expect(ids(reopened.sessions())).toEqual(["kept", "open"]);
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
    expect(await sizeOf(join(dir, JOURNAL_FILE))).toBe(0);
  });
});

describe("ledger journal: a clock step", () => {
  it("writes a new snapshot with the step added back, and the journal continues it at the new offset", async () => {
    let wall = T0;
    let mono = 0;
    const dir = await tempDir();
    const ledger = await Ledger.open(dir, { clock: { now: () => wall, monotonic: () => mono } });
    await ledger.acknowledgeCaution(1, "test");
    await ledger.record(closed("before", T0 - 3_600_000));
    wall += DAY; // NTP steps the clock forward a day; no time passed
    expect(ledger.time.now()).toBe(T0); // the step is seen and taken out of the line
    expect(await ledger.persistClockStep()).toBe(true);
    expect(await sizeOf(join(dir, JOURNAL_FILE))).toBe(0);
    await ledger.record(closed("after", ledger.time.now() - 700_000)); // on the line: the step taken out
    wall += 1000;
    mono += 1000;
    const file = await readLedger(dir);
    expect(file.sessions.map((s) => s.startedAt)).toEqual([T0 - 3_600_000 + DAY, T0 - 700_000 + DAY]);
    const reopened = await Ledger.open(dir, { clock: { now: () => wall, monotonic: () => mono } });
    expect(reopened.sessions().map((s) => s.startedAt)).toEqual([T0 - 3_600_000 + DAY, T0 - 700_000 + DAY]);
    expect(reopened.time.state()).toEqual({ trusted: true });
  });
});

describe("ledger journal: a real full disk", () => {
  it("an append that meets a full disk (/dev/full) gives up the reserve, changes nothing, leaves no temp file, and the next one lands once there is room", async () => {
    const dir = await tempDir();
    const logs: string[] = [];
    const ledger = await Ledger.open(dir, { reserveBytes: 4096, log: (m) => logs.push(m) });
    await ledger.acknowledgeCaution(1, "test");
    await ledger.begin(ledgerEntry("a", Date.now()));
    const journal = join(dir, JOURNAL_FILE);
    const saved = await readFile(journal);
    await rm(journal);
    await symlink("/dev/full", journal); // every write to the journal now fails with a real ENOSPC
    await expect(ledger.finish("a", Date.now(), 30, "stopped")).rejects.toThrow();
    expect(existsSync(join(dir, RESERVE_FILE))).toBe(false);
    expect(logs.join("\n")).toMatch(/disk is full: the ledger's reserve .* was given up/);
    expect(ledger.openSessions().map((s) => s.id)).toEqual(["a"]); // counts in full until written
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await rm(journal);
    await writeFile(journal, saved); // room again
    await ledger.finish("a", Date.now(), 30, "stopped");
    expect((await readLedger(dir)).sessions.map((s) => [s.id, s.deliveredSeconds])).toEqual([["a", 30]]);
    await ledger.compact(); // behind the reserve's return
    expect(await sizeOf(join(dir, RESERVE_FILE))).toBe(4096);
  });

  it("a start that meets a full disk (/dev/full) is refused, saying so, and keeps the reserve; light by hand spends it", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir, { reserveBytes: 4096 });
    await ledger.acknowledgeCaution(1, "test"); // a snapshot: the journal is empty
    const journal = join(dir, JOURNAL_FILE);
    await symlink("/dev/full", journal);
    for (const id of ["a", "b"]) {
      const start = ledger.begin(ledgerEntry(id, Date.now()));
      await expect(start).rejects.toBeInstanceOf(LedgerUnavailableError);
      await expect(start).rejects.toMatchObject({
        code: "ENOSPC",
        message: expect.stringMatching(/^the disk is full \(ENOSPC.*Free some disk space$/),
      });
    }
    expect(await sizeOf(join(dir, RESERVE_FILE))).toBe(4096); // a start does not spend it
    expect(ledger.sessions()).toEqual([]);
    await expect(ledger.record(closed("by-hand", Date.now() - 700_000))).rejects.toMatchObject({ code: "ENOSPC" });
    expect(existsSync(join(dir, RESERVE_FILE))).toBe(false); // light by hand does (here the disk stays full)
    await rm(journal); // room again
    await ledger.record(closed("by-hand", Date.now() - 700_000));
    expect(ids((await readLedger(dir)).sessions)).toEqual(["by-hand"]);
  });
});

describe("ledger journal: the reserve is spent only on changes that must land", () => {
  const RESERVE = 4096;
  const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

  /**
   * A ledger on a disk that can be made full: `full: "all"` has no room at all, `"snapshot"` room for a
   * journal line but not for a whole snapshot, `"reserve"` no room but what the reserve holds.
   */
  async function onDisk(options: { compactAfter?: number; clock?: { now: () => number; monotonic: () => number } } = {}) {
    const dir = await tempDir();
    const reserve = join(dir, RESERVE_FILE);
    const disk = { full: undefined as undefined | "all" | "snapshot" | "reserve" };
    const check = (path: string) => {
      if (
        disk.full === "all" ||
        (disk.full === "snapshot" && path.endsWith(LEDGER_FILE)) ||
        (disk.full === "reserve" && existsSync(reserve))
      )
        throw enospc();
    };
    const logs: string[] = [];
    const open = () =>
      Ledger.open(dir, {
        ...options,
        reserveBytes: RESERVE,
        log: (m) => logs.push(m),
        write: async (path, text) => {
          check(path);
          await real.write(path, text);
        },
        append: async (path, text, truncateTo) => {
          check(path);
          await real.append(path, text, truncateTo);
        },
      });
    const ledger = await open();
    return { dir, reserve, disk, logs, ledger, open };
  }

  it("a compaction on a full disk (in the background, asked for, or at start-up) fails and keeps the reserve", async () => {
    const { dir, reserve, disk, logs, ledger, open } = await onDisk({ compactAfter: 3 });
    await ledger.acknowledgeCaution(1, "test"); // the first change: a snapshot
    await ledger.record(closed("a", Date.now() - 3_600_000));
    await ledger.record(closed("b", Date.now() - 3_500_000));
    disk.full = "snapshot";
    await ledger.record(closed("c", Date.now() - 3_400_000)); // passes the limit: a compaction is queued behind it
    await expect(ledger.compact()).rejects.toMatchObject({ code: "ENOSPC" });
    expect(logs.join("\n")).toMatch(/could not be compacted \(the disk is full .*reserve is kept/);
    expect(await sizeOf(reserve)).toBe(RESERVE);
    expect(logs.join("\n")).not.toMatch(/was given up/);
    const reopened = await open(); // start-up compaction
    expect(logs.join("\n")).toMatch(/could not be compacted at start-up/);
    expect(await sizeOf(reserve)).toBe(RESERVE);
    expect(ids(reopened.sessions())).toEqual(["a", "b", "c"]);
    expect(ids((await readLedger(dir)).sessions)).toEqual(["a", "b", "c"]);
  });

  it("a start or an acknowledgement on a full disk is refused, saying so, and keeps the reserve", async () => {
    const { reserve, disk, ledger } = await onDisk();
    await ledger.acknowledgeCaution(1, "test");
    disk.full = "reserve";
    for (const change of [() => ledger.begin(ledgerEntry("a", Date.now())), () => ledger.acknowledgeCaution(1, "again")]) {
      const refused = change();
      await expect(refused).rejects.toBeInstanceOf(LedgerUnavailableError);
      await expect(refused).rejects.toMatchObject({
        code: "ENOSPC",
        message: expect.stringMatching(
          /^the disk is full \(ENOSPC.*\); the ledger's reserve is kept for the ends of sessions\. Free some disk space$/,
        ),
      });
    }
    expect(await sizeOf(reserve)).toBe(RESERVE);
    expect(ledger.sessions()).toEqual([]);
    expect(ledger.caution()?.source).toBe("test");
  });

  const mustLand: Array<[string, (ledger: Ledger, stepClock: () => void) => Promise<unknown>, (ledger: Ledger) => void]> = [
    [
      "a session's end",
      (l) => l.finish("open", Date.now(), 30, "stopped"),
      (l) => expect(l.sessions()).toMatchObject([{ id: "open", deliveredSeconds: 30 }]),
    ],
    [
      "light given by hand",
      (l) => l.record(closed("by-hand", Date.now() - 700_000)),
      (l) => expect(ids(l.sessions())).toEqual(["open", "by-hand"]),
    ],
    [
      "a red flag",
      (l) => l.withdrawCaution({ id: "flag-1", at: Date.now(), source: "test", reason: "numbness", holds: ["ann"] }, 1),
      (l) => {
        expect(l.caution()).toMatchObject({ withdrawnReason: "numbness" });
        expect(l.personCaution("ann")?.withdrawnAt).toBeDefined();
        expect(l.redFlags()).toMatchObject([{ id: "flag-1", reason: "numbness", holds: ["ann"] }]);
      },
    ],
    [
      "closing a crashed session",
      (l) => l.closeOpenAsDelivered(),
      (l) => expect(l.sessions()).toMatchObject([{ id: "open", endReason: "recovered-after-restart" }]),
    ],
    [
      "a clock step (a whole snapshot)",
      async (l, stepClock) => {
        stepClock();
        l.time.now(); // the step is seen
        expect(await l.persistClockStep()).toBe(true);
      },
      (l) => expect(l.sessions()[0].startedAt).toBe(startedAt + DAY), // written with the step added back
    ],
  ];
  const startedAt = Date.now() - 60_000;
  for (const [what, change, landed] of mustLand) {
    it(`${what} on a full disk lands at once by giving up the reserve`, async () => {
      const wall = Date.now();
      let step = 0;
      let mono = 0;
      const { dir, reserve, disk, logs, ledger } = await onDisk({ clock: { now: () => wall + step + mono, monotonic: () => mono } });
      await ledger.acknowledgeCaution(1, "test", "ann");
      await ledger.begin(ledgerEntry("open", startedAt));
      disk.full = "reserve";
      mono += 1000;
      await change(ledger, () => {
        step = DAY;
      });
      expect(existsSync(reserve)).toBe(false);
      expect(logs.join("\n")).toMatch(/disk is full: the ledger's reserve .* was given up/);
      landed(await Ledger.open(dir)); // on disk
      // Not made again right away: the disk was full a moment ago. Real time: a restore would be
      // queued in the background, and nothing announces that none was, so give one a moment to land.
      await pause(20);
      expect(existsSync(reserve)).toBe(false);
    });
  }

  it("comes back once there is room, behind the next change written without it (never when nothing changes)", async () => {
    const { reserve, disk, logs, ledger } = await onDisk();
    await ledger.acknowledgeCaution(1, "test");
    await ledger.begin(ledgerEntry("a", Date.now() - 60_000));
    disk.full = "reserve";
    await ledger.finish("a", Date.now(), 30, "stopped");
    expect(existsSync(reserve)).toBe(false);
    disk.full = undefined;
    await ledger.closeOpenAsDelivered(); // nothing open: nothing written
    await ledger.persistClockStep(); // no step: nothing written
    await pause(20); // real time, as above: for a background restore that must not come
    expect(existsSync(reserve)).toBe(false);
    await ledger.begin(ledgerEntry("b", Date.now()));
    await ledger.compact(); // queued behind the reserve
    expect(await sizeOf(reserve)).toBe(RESERVE);
    expect(logs.join("\n")).toMatch(/reserve .* is in place again/);
  });

  it("comes back after a compaction once there is room", async () => {
    const { reserve, disk, ledger } = await onDisk();
    await ledger.acknowledgeCaution(1, "test");
    await ledger.begin(ledgerEntry("a", Date.now() - 60_000));
    disk.full = "reserve";
    await ledger.finish("a", Date.now(), 30, "stopped");
    expect(existsSync(reserve)).toBe(false);
    await ledger.compact(); // written in the room the reserve left: the disk has room now
    await ledger.compact(); // behind the reserve
    expect(await sizeOf(reserve)).toBe(RESERVE);
  });

  it("a reserve a full disk (/dev/full) had no room for at start-up is made after the next change", async () => {
    const dir = await tempDir();
    const reserve = join(dir, RESERVE_FILE);
    await symlink("/dev/full", reserve); // writing the reserve meets a real ENOSPC
    const ledger = await Ledger.open(dir, { reserveBytes: RESERVE });
    expect(existsSync(reserve)).toBe(false); // what was written of it is gone
    await ledger.acknowledgeCaution(1, "test");
    await ledger.compact(); // behind the reserve
    expect(await sizeOf(reserve)).toBe(RESERVE);
  });
});

describe("durable append: the folder of a file it created", () => {
  it("is synced by the next append that succeeds when the one that created the file failed", async () => {
    const dir = await tempDir();
    const path = join(dir, "made.journal");
    // Created, then failed (here: a cut to more bytes than the new file has) before the folder sync.
    await expect(appendFileDurably(path, "x\n", { truncateTo: 5 })).rejects.toThrow(/shorter than the 5 expected/);
    expect(existsSync(path)).toBe(true);
    expect(awaitsFolderSync(path)).toBe(true);
    await appendFileDurably(path, "x\n");
    expect(awaitsFolderSync(path)).toBe(false);
    expect(await readFile(path, "utf8")).toBe("x\n");
    const other = join(dir, "ok.journal");
    await appendFileDurably(other, "y\n");
    expect(awaitsFolderSync(other)).toBe(false);
  });
});

describe("ledger journal crash safety", () => {
  // Three folders side by side, five kills each: the kills, not the waits between them, fill the time.
  const FOLDERS = 3;
  const ROUNDS = 5;
  it(`loads after every SIGKILL, also inside a compaction, with every acknowledged write exactly once (${FOLDERS * ROUNDS} kills)`, async () => {
    const killed = async () => {
      const dir = await tempDir();
      const acked = await killWriterRounds(dir, { rounds: ROUNDS, compactAfter: 3, killWithin: 40 }, async ({ sessions }) => {
        const file = await readLedger(dir); // must load after every kill, without compacting
        const seen = file.sessions.map((s) => s.id);
        expect(new Set(seen).size).toBe(seen.length);
        const byId = new Map(file.sessions.map((s) => [s.id, s]));
        for (const [id, state] of sessions) {
          expect(byId.has(id)).toBe(true);
          if (state === "finish") expect(byId.get(id)!.deliveredSeconds).toBe(300);
        }
      });
      expect(acked.sessions.size).toBeGreaterThan(ROUNDS);
      // Each writer's open removed the temp files earlier kills left: at most the last kill's is there.
      const temps = async () => (await readdir(dir)).filter((f) => f.endsWith(".tmp"));
      expect((await temps()).length).toBeLessThanOrEqual(1);
      expect((await Ledger.open(dir)).sessions().length).toBeGreaterThanOrEqual(acked.sessions.size);
      expect(await temps()).toEqual([]);
    };
    await Promise.all(Array.from({ length: FOLDERS }, killed));
  }, 120_000);

  it("at open, removes the snapshot temp files a crash left (a dead writer's, or an earlier process's with this pid), not a live writer's", async () => {
    const dir = await tempDir();
    const dead = await deadPid();
    const live = liveProcess();
    try {
      // This process's pid, not being written: an earlier bridge with the same pid (always 1 in a container).
      const leftovers = [`${LEDGER_FILE}.${dead}.3.tmp`, `${LEDGER_FILE}.${process.pid}.9.tmp`];
      const kept = [`${LEDGER_FILE}.${live.pid}.1.tmp`, "notes.1.2.tmp"];
      for (const name of [...leftovers, ...kept]) await writeFile(join(dir, name), "{half a snapsh");
      // A folder with a temp file's name cannot go; the rest still does.
      await mkdir(join(dir, `${LEDGER_FILE}.${dead}.4.tmp`));
      kept.push(`${LEDGER_FILE}.${dead}.4.tmp`);
      const said: string[] = [];
      await Ledger.open(dir, { log: (m) => said.push(m) });
      expect((await readdir(dir)).filter((f) => f.endsWith(".tmp")).sort()).toEqual(kept.sort());
      expect(said).toContain("Removed 2 temporary file(s) a crash left beside the dose ledger.");
    } finally {
      live.kill("SIGKILL");
    }
  });
});
