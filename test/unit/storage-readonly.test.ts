/**
 * A storage folder the bridge cannot write, in pure parts: the suspended ledger writes nothing and
 * refuses every change naming the cause, resumes with what opening would have done, and will not
 * write over files someone else changed meanwhile; the controller refuses every start, closes a
 * crashed session once it resumes; a folder that turns read-only while running is refused naming
 * the cause. (The compiled bridge run as a user that may not write: test/integration/storage-readonly.)
 */
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { appendFileDurably } from "../../common/durable-file.js";
import { JOURNAL_FILE, LEDGER_FILE, Ledger, LedgerUnavailableError, RESERVE_FILE } from "../../matter-bridge/dose/ledger.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { LOCK_FILE } from "../../matter-bridge/storage/lock.js";
import { type Ownership, STORAGE_CHECK_MS, StorageOwnership } from "../../matter-bridge/storage/ownership.js";
import { causeOf, isUnwritable, StorageUnavailableError } from "../../matter-bridge/storage/writable.js";
import { makeConfig, session } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { lockNaming } from "../helpers/processes.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const tempDir = tempDirs("biolight-readonly-");

const eacces = (path: string) =>
  Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: "EACCES", errno: -13, syscall: "open", path });
const fast = { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionSeconds: 600 } };

/** Every file in `dir` with its size and time of change. */
const files = async (dir: string) =>
  Object.fromEntries(
    await Promise.all(
      (await readdir(dir)).map(async (f) => [f, `${(await stat(join(dir, f))).size}:${(await stat(join(dir, f))).mtimeMs}`]),
    ),
  );

/** A ledger with history, an open (crashed) session and a journal that start-up would compact. */
async function crashedLedger(dir: string) {
  const first = await Ledger.open(dir);
  await first.acknowledgeCaution(1, "test");
  await first.begin(session("mid-back", Date.now() - 60_000, 600, { open: true }));
}

describe("the storage folder's errors", () => {
  it("tells a folder this user may not write from other failures, and names the cause without the path", () => {
    expect(isUnwritable(eacces("/x/y"))).toBe(true);
    expect(isUnwritable(Object.assign(new Error("read-only file system"), { code: "EROFS" }))).toBe(true);
    expect(isUnwritable(Object.assign(new Error("no space"), { code: "ENOSPC" }))).toBe(false);
    expect(isUnwritable("EACCES")).toBe(false);
    expect(causeOf(eacces("/var/lib/biolight/bridge.lock.1.tmp"))).toBe("EACCES: permission denied");
    expect(StorageUnavailableError.readOnly("/var/lib/biolight", eacces("/var/lib/biolight/x")).message).toMatch(
      /^The storage folder \/var\/lib\/biolight cannot be written \(EACCES: permission denied\): every session is refused until it can\./,
    );
  });
});

describe("a suspended ledger (a storage folder the bridge cannot write)", () => {
  it("reads the files, writes nothing, refuses every change naming the cause; resumed, it does what opening would have", async () => {
    const dir = await tempDir();
    await crashedLedger(dir);
    const before = await files(dir);
    const reason = StorageUnavailableError.readOnly(dir, eacces(join(dir, "x")));
    const ledger = await Ledger.open(dir, { suspended: reason, reserveBytes: 4096 });
    expect(ledger.openSessions()).toHaveLength(1);
    expect(ledger.caution()).toMatchObject({ version: 1 });
    await expect(ledger.closeOpenAsDelivered()).rejects.toEqual(new LedgerUnavailableError(reason.message));
    await expect(ledger.acknowledgeCaution(1, "test")).rejects.toBeInstanceOf(LedgerUnavailableError);
    await expect(ledger.compact()).rejects.toBeInstanceOf(LedgerUnavailableError);
    // No reserve, no compaction, no temp file: the folder is as it was.
    expect(await files(dir)).toEqual(before);

    await ledger.resume();
    expect((await stat(join(dir, RESERVE_FILE))).size).toBe(4096);
    expect((await readFile(join(dir, JOURNAL_FILE), "utf8")).length).toBe(0); // compacted into the snapshot
    expect(await ledger.closeOpenAsDelivered()).toHaveLength(1);
    expect(ledger.openSessions()).toEqual([]);
  });

  it("does not write over files someone else changed while it was suspended", async () => {
    const dir = await tempDir();
    await crashedLedger(dir);
    const ledger = await Ledger.open(dir, { suspended: StorageUnavailableError.readOnly(dir, eacces(dir)) });
    // Another bridge (with the lock) writes meanwhile.
    const other = await Ledger.open(dir);
    await other.acknowledgeCaution(1, "other");
    const changed = await files(dir);
    await expect(ledger.resume()).rejects.toThrow(/changed by someone else .*Restart the bridge/);
    await expect(ledger.acknowledgeCaution(1, "test")).rejects.toBeInstanceOf(LedgerUnavailableError);
    expect(await files(dir)).toEqual(changed);
  });
});

describe("the controller on a storage folder it cannot write", () => {
  it("switches the panel off, refuses every start naming the folder and the cause, and starts sessions once resumed", async () => {
    const dir = await tempDir();
    await crashedLedger(dir);
    const storage = StorageUnavailableError.readOnly(dir, eacces(join(dir, "bridge.lock")));
    const ledger = await Ledger.open(dir, { suspended: storage });
    const driver = new FlakyDriver();
    driver.on_ = true; // the crash left it on
    const logs: string[] = [];
    const clock = new FakeClock(Date.now());
    const ownership = new StorageOwnership(dir, storage, { log: (m) => logs.push(m), clock });
    const controller = new SessionController({
      config: makeConfig(fast),
      ledger,
      drivers: { "panel-1": driver },
      log: (m) => logs.push(m),
      storage: ownership,
      ledgerRetryMs: 20,
    });
    ownership.watch(controller);
    /** The ownership's next change, after the watch's next check. */
    const nextCheck = () => {
      const changed = new Promise<Ownership>((resolve) => {
        const off = ownership.onChange((now) => {
          off();
          resolve(now);
        });
      });
      clock.advance(STORAGE_CHECK_MS);
      return changed;
    };
    const before = await files(dir);
    expect(await controller.recover()).toEqual([]);
    expect(driver.on_).toBe(false);
    expect(controller.storageState()).toBe("read-only");
    const refused = await controller.start({ region: "neck-shoulders", seconds: 60 }, "test");
    expect(refused).toEqual({ ok: false, refusal: { code: "LEDGER_UNAVAILABLE", message: storage.message } });
    expect(refused.ok || refused.refusal.message).toContain(`The storage folder ${dir} cannot be written (EACCES: permission denied)`);
    expect(driver.calls.filter((c) => c.action === "on")).toEqual([]);
    // Another bridge holds the lock by the time the folder is writable: still refused, and said why.
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(await lockNaming(process.pid, "other")));
    expect(await nextCheck()).toMatchObject({ state: "read-only" });
    expect(controller.storageState()).toBe("locked");
    const holder = `another bridge holds its lock \\(process ${process.pid} on ${hostname()}`;
    expect(controller.ledgerProblem()).toMatch(new RegExp(holder));
    expect(logs.join("\n")).toMatch(new RegExp(holder));
    const { [LOCK_FILE]: _theirs, ...mine } = await files(dir);
    expect(mine).toEqual(before);
    expect(logs.join("\n")).not.toMatch(/could not close/);

    // The other bridge is gone: the watch takes the lock and resumes the ledger.
    await rm(join(dir, LOCK_FILE));
    expect(await nextCheck()).toEqual({ state: "held" });
    expect(controller.storageState()).toBe("ok");
    expect(controller.ledgerProblem()).toBeUndefined();
    expect(ledger.sessions()[0]).toMatchObject({ endReason: "recovered-after-restart", deliveredSeconds: 600 });
    expect(logs.join("\n")).toMatch(/had no recorded end: counted as fully delivered/);
    expect(await controller.start({ region: "neck-shoulders", seconds: 60 }, "test")).toMatchObject({ ok: true });
    await ownership.stopWatching();
    await ownership.release();
    await controller.shutdown();
  });

  it("a folder that turns read-only while running: starts refused naming the cause, nothing switched on; writable again: sessions", async () => {
    const dir = await tempDir();
    let readOnly = false;
    const ledger = await Ledger.open(dir, {
      append: async (path, text, truncateTo) => {
        if (readOnly) throw eacces(path);
        await appendFileDurably(path, text, truncateTo === undefined ? {} : { truncateTo });
      },
    });
    await ledger.acknowledgeCaution(1, "test");
    const driver = new FlakyDriver();
    const controller = new SessionController({ config: makeConfig(fast), ledger, drivers: { "panel-1": driver }, log: () => {} });
    await controller.recover();
    readOnly = true;
    const refused = await controller.start({ region: "mid-back", seconds: 60 }, "test");
    expect(refused).toMatchObject({ ok: false, refusal: { code: "LEDGER_UNAVAILABLE" } });
    expect(refused.ok || refused.refusal.message).toContain(`EACCES: permission denied, open '${join(dir, JOURNAL_FILE)}'`);
    expect(driver.calls.filter((c) => c.action === "on")).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    readOnly = false;
    expect(await controller.start({ region: "mid-back", seconds: 60 }, "test")).toMatchObject({ ok: true });
    await controller.shutdown();
    expect(JSON.parse(await readFile(join(dir, LEDGER_FILE), "utf8")).format).toBe("biolight-ledger/3");
  });
});
