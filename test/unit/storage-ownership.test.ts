/**
 * The storage ownership (storage/ownership.ts) with real files, a real ledger and controller, on a
 * fake clock: read-only while the folder cannot be written (its re-checks write nothing), then held;
 * lost when the lock names another bridge; stale when the ledger's files changed meanwhile.
 */
import { chmod, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { LOCK_FILE, lockStorage, lockStorageOrReadOnly } from "../../matter-bridge/storage/lock.js";
import { STORAGE_CHECK_MS, StorageOwnership } from "../../matter-bridge/storage/ownership.js";
import { StorageUnavailableError } from "../../matter-bridge/storage/writable.js";
import { makeConfig, session } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { smallDisk } from "../helpers/small-disk.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

const tempDir = tempDirs("biolight-ownership-");
const fast = { dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionSeconds: 600 } };
const asRoot = process.getuid?.() === 0;

/**
 * A folder that can be made unwritable for this process: a tmpfs remounted read-only as root (root
 * ignores the write bits), the write bits taken away otherwise.
 */
async function unwritableFolder(): Promise<{ dir: string; writable(on: boolean): Promise<void> } | undefined> {
  if (!asRoot) {
    const dir = await tempDir();
    return { dir, writable: (on) => chmod(dir, on ? 0o700 : 0o500) };
  }
  const disk = await smallDisk(4096);
  return disk && { dir: disk.dir, writable: (on) => disk.readOnly(!on) };
}

/** Every file under `dir` with its size and time of change. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const s = await stat(join(entry.parentPath, entry.name));
    out[join(entry.parentPath, entry.name)] = entry.isDirectory() ? "dir" : `${s.size}:${s.mtimeMs}`;
  }
  return out;
}

/** A ledger with an open (crashed) session and the caution acknowledged. */
async function crashedLedger(dir: string) {
  const first = await Ledger.open(dir);
  await first.acknowledgeCaution(1, "test");
  await first.begin(session("mid-back", Date.now() - 60_000, 600, { open: true }));
}

/** The ownership, its ledger and controller as bridge.ts wires them, on a fake clock. */
async function owned(dir: string, initially: Awaited<ReturnType<typeof lockStorageOrReadOnly>>, checkMs?: number) {
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const clock = new FakeClock(Date.now());
  const ownership = new StorageOwnership(dir, initially, { log, clock, checkMs });
  const ledger = await Ledger.open(dir, { suspended: ownership.why(), lockLost: ownership.confirm });
  const controller = new SessionController({
    config: makeConfig(fast),
    ledger,
    drivers: { "panel-1": new FlakyDriver() },
    log,
    storage: ownership,
  });
  await controller.recover();
  ownership.watch(controller);
  /** One check of the watch, waited for (the next is scheduled once it is over, unless the watch stopped). */
  const check = async () => {
    clock.advance(STORAGE_CHECK_MS);
    await until(() => clock.pending > 0 || ownership.state === "lost" || ownership.state === "stale", "the check to finish");
  };
  const startSession = () => controller.start({ region: "neck-shoulders", seconds: 60 }, "test");
  return { ownership, ledger, controller, clock, logs, check, start: startSession };
}

describe("the storage ownership", () => {
  it("read-only while the folder cannot be written: ten re-checks write nothing; writable: lock, the ledger's waiting writes, sessions", async () => {
    const folder = await unwritableFolder();
    if (!folder) return void process.stdout.write("skipped: cannot mount a tmpfs here\n");
    const { dir } = folder;
    await crashedLedger(dir);
    await folder.writable(false);
    try {
      const start = await lockStorageOrReadOnly(dir);
      expect(start).toBeInstanceOf(StorageUnavailableError);
      const o = await owned(dir, start);
      expect(o.ownership.state).toBe("read-only");
      expect(o.controller.storageState()).toBe("read-only");
      const before = await snapshot(dir);
      for (let i = 0; i < 10; i++) await o.check();
      expect(await snapshot(dir)).toEqual(before);
      expect(o.ownership.state).toBe("read-only");
      const refused = await o.start();
      expect(refused).toMatchObject({ ok: false, refusal: { code: "LEDGER_UNAVAILABLE" } });
      expect(refused.ok || refused.refusal.message).toContain(`The storage folder ${dir} cannot be written (`);

      await folder.writable(true);
      await o.check();
      expect(o.ownership.state).toBe("held");
      expect(o.controller.storageState()).toBe("ok");
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
      expect(o.ledger.sessions()[0]).toMatchObject({ endReason: "recovered-after-restart" });
      expect(await o.start()).toMatchObject({ ok: true });
      await o.controller.shutdown();
      await o.ownership.stopWatching();
      await o.ownership.release();
      await expect(readFile(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: "ENOENT" });
    } finally {
      await folder.writable(true);
    }
  });

  it("checks as often as it is told (--storage-check-ms), else every STORAGE_CHECK_MS", async () => {
    const other = JSON.stringify({ pid: 4242, hostname: "other-host", startedAt: "2026-11-25T10:00:00.000Z", token: "theirs" });
    for (const checkMs of [100, undefined]) {
      const dir = await tempDir();
      const o = await owned(dir, await lockStorage(dir), checkMs);
      const every = checkMs ?? STORAGE_CHECK_MS;
      expect(o.ownership.checkMs).toBe(every);
      await writeFile(join(dir, LOCK_FILE), other);
      o.clock.advance(every - 1);
      expect(o.ownership.state).toBe("held");
      o.clock.advance(1);
      await o.ownership.lost;
      expect(o.ownership.state).toBe("lost");
      await o.controller.shutdown();
    }
  });

  it("held: the watch finds the lock naming another bridge; lost for good, the ledger refuses naming it, the watch stops", async () => {
    const dir = await tempDir();
    const o = await owned(dir, await lockStorage(dir));
    await o.ledger.acknowledgeCaution(1, "test");
    await o.check();
    expect(o.ownership.state).toBe("held");
    const other = { pid: 4242, hostname: "other-host", startedAt: "2026-11-25T10:00:00.000Z", token: "theirs" };
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(other));
    o.clock.advance(STORAGE_CHECK_MS);
    const lost = await o.ownership.lost;
    expect(lost.message).toMatch(/^Another bridge took over the storage folder .* \(process 4242 on other-host/);
    expect(o.ownership.why()).toBe(lost);
    expect(o.controller.storageState()).toBe("locked");
    expect(await o.start()).toEqual({ ok: false, refusal: { code: "LEDGER_UNAVAILABLE", message: lost.message } });
    expect(o.clock.pending).toBe(0);
    // The other bridge's lock is left alone.
    await o.ownership.release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8"))).toEqual(other);
    await o.controller.shutdown();
  });

  it("the ledger changed on disk while read-only: not written over, the lock given back, refused until a restart", async () => {
    const dir = await tempDir();
    await crashedLedger(dir);
    const eacces = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const o = await owned(dir, StorageUnavailableError.readOnly(dir, eacces));
    // Another bridge (with the lock) writes meanwhile.
    await (await Ledger.open(dir)).acknowledgeCaution(1, "other");
    const changed = await snapshot(dir);
    await o.check();
    expect(o.ownership.state).toBe("stale");
    expect(o.controller.storageState()).toBe("locked");
    expect(o.controller.ledgerProblem()).toMatch(/changed by someone else .*Restart the bridge/);
    expect(o.logs.join("\n")).toMatch(/changed by someone else/);
    expect(await snapshot(dir)).toEqual(changed);
    expect(o.clock.pending).toBe(0);
    await o.controller.shutdown();
  });
});
