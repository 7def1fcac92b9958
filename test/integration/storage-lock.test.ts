/** One bridge per storage folder: a second one exits at once and changes nothing; a dead holder's lock is taken over. */
import { readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { LOCK_FILE, lockStorage, STORAGE_LOCKED_EXIT, StorageLockedError } from "../../matter-bridge/storage/lock.js";
import { configFile, launch, startBridge, tempDir } from "../helpers/cli-bridge.js";
import { call } from "../helpers/http.js";
import { bootId, deadPid, liveProcess, lockNaming, zombieProcess } from "../helpers/processes.js";

describe("storage lock", () => {
  it("a second bridge on the same storage exits non-zero within seconds, naming the folder and the holder, and changes nothing", async () => {
    const storage = await tempDir();
    const config = await configFile(storage);
    const first = await startBridge(storage, config, ["--acknowledge-caution"]);
    const started = await call(first.url, "POST", "/v1/sessions", { token: first.token, body: { region: "mid-back", seconds: 60 } });
    expect(started.status).toBe(201);
    const files = ["ledger.json", "panels/panel-1.json", "api-token", LOCK_FILE];
    const before = await Promise.all(files.map((f) => readFile(join(storage, f), "utf8")));

    const t0 = Date.now();
    const second = launch(["--storage", storage, "--config", config, "--api-port", "0", "--matter-port", "0"]);
    const { code } = await second.exited;
    expect(code).toBe(STORAGE_LOCKED_EXIT);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(second.output()).toContain(`The storage folder ${storage} is in use by another bridge (process ${first.child.pid}`);
    expect(second.output()).not.toMatch(/OFF \(simulated\)|bridge ready/);

    // The first bridge's session runs on, untouched.
    expect(await Promise.all(files.map((f) => readFile(join(storage, f), "utf8")))).toEqual(before);
    const [panel] = (await call(first.url, "GET", "/v1/panels", { token: first.token })).body.panels;
    expect(panel).toMatchObject({ on: true, state: "on", session: { id: started.body.session.id } });

    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);
    await expect(readFile(join(storage, LOCK_FILE))).rejects.toMatchObject({ code: "ENOENT" });
  }, 90_000);

  it("a running bridge whose lock another bridge took over switches its panel off, writes nothing more and exits 3", async () => {
    const storage = await tempDir();
    const config = await configFile(storage);
    const first = await startBridge(storage, config, ["--acknowledge-caution"]);
    const started = await call(first.url, "POST", "/v1/sessions", { token: first.token, body: { region: "mid-back", seconds: 60 } });
    expect(started.status).toBe(201);
    const ledgerFiles = ["ledger.json", "ledger.journal"];
    const before = await Promise.all(ledgerFiles.map((f) => readFile(join(storage, f), "utf8").catch(() => "")));

    // What a takeover race leaves behind: the lock names another running bridge.
    const other = liveProcess();
    try {
      const holder = await lockNaming(other.pid!, "other");
      await writeFile(join(storage, LOCK_FILE), JSON.stringify(holder));
      const { code } = await first.exited;
      expect(code).toBe(STORAGE_LOCKED_EXIT);
      expect(first.output()).toContain(`Another bridge took over the storage folder ${storage} (process ${other.pid} on ${hostname()}`);
      const panel = JSON.parse(await readFile(join(storage, "panels/panel-1.json"), "utf8"));
      expect(panel.on).toBe(false);
      expect(await Promise.all(ledgerFiles.map((f) => readFile(join(storage, f), "utf8").catch(() => "")))).toEqual(before);
      expect(JSON.parse(await readFile(join(storage, LOCK_FILE), "utf8"))).toEqual(holder);
    } finally {
      other.kill("SIGKILL");
    }
  }, 90_000);

  it("takes over a lock whose process is gone or whose machine has rebooted since", async () => {
    const dir = await tempDir();
    const stale = {
      pid: await deadPid(),
      hostname: hostname(),
      bootId: await bootId(),
      startedAt: "2026-01-01T00:00:00.000Z",
      token: "dead",
    };
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(stale));
    const lock = await lockStorage(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    await lock.release();

    // A pid that runs now, but recorded in an earlier boot of this machine: not the holder.
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ ...stale, pid: process.pid, bootId: "another-boot" }));
    const again = await lockStorage(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8")).bootId).toBe(await bootId());
    await again.release();
    await expect(readFile(join(dir, LOCK_FILE))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("takes over a lock whose holder was killed but not yet reaped (a zombie answers signal 0 but runs no more)", async () => {
    const dir = await tempDir();
    const { pid, parent } = await zombieProcess();
    try {
      await writeFile(join(dir, LOCK_FILE), JSON.stringify(await lockNaming(pid, "zombie")));
      const lock = await lockStorage(dir);
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
      await lock.release();
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("refuses while the holder runs, also a second bridge in the same process, and leaves the holder's lock alone", async () => {
    const dir = await tempDir();
    const sleeper = liveProcess();
    try {
      const holder = await lockNaming(sleeper.pid!, "live");
      await writeFile(join(dir, LOCK_FILE), JSON.stringify(holder));
      const err = await lockStorage(dir).catch((e: Error) => e);
      expect(err).toBeInstanceOf(StorageLockedError);
      expect((err as Error).message).toContain(`process ${sleeper.pid} on ${hostname()}`);
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8"))).toEqual(holder);
    } finally {
      sleeper.kill("SIGKILL");
    }
    const other = await tempDir();
    const mine = await lockStorage(other);
    await expect(lockStorage(other)).rejects.toBeInstanceOf(StorageLockedError);
    await mine.release();
    await (await lockStorage(other)).release();
  });
});
