/**
 * A storage folder the bridge cannot write: the compiled bridge, run as a user that may not write it
 * (`nobody` when the test runs as root; the test's own user, with the write bits taken away,
 * otherwise), starts with every panel off, refuses every session naming the folder and the cause,
 * writes nothing, and recovers without a restart once the folder is writable again; a folder that
 * turns read-only while the bridge runs is refused and recovered the same way.
 */
import { spawnSync } from "node:child_process";
import { chmod, chown, mkdir, readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { STORAGE_LOCKED_EXIT } from "../../matter-bridge/storage/lock.js";
import { configFile, freeUdpPort, launch, ledgerFile, READY, startBridge, tempDir } from "../helpers/cli-bridge.js";
import { call } from "../helpers/http.js";
import { until } from "../helpers/until.js";

const ROOT = resolve(import.meta.dirname, "../..");
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Why this machine cannot run the bridge as a user the folder refuses, or undefined when it can. */
function cannotDropPrivileges(): string | undefined {
  if (process.getuid === undefined) return "this platform has no POSIX user ids";
  if (!asRoot) return undefined; // not root: taking the write bits away is enough
  const probe = spawnSync(process.execPath, ["-e", "require('fs').accessSync(process.argv[1], 5)", ROOT], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: "utf8",
  });
  if (probe.status === 0) return undefined;
  return `running as root, but node cannot run as uid ${NOBODY} with ${ROOT} readable (${probe.error?.message ?? probe.stderr.trim()})`;
}

const skipped = cannotDropPrivileges();
if (skipped) process.stdout.write(`storage-readonly tests skipped: ${skipped}\n`);
const describeIf = skipped ? describe.skip : describe;

const chmodR = (mode: string, dir: string) => {
  const r = spawnSync("chmod", ["-R", mode, dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`chmod -R ${mode} ${dir}: ${r.stderr}`);
};

/** Every file under `dir` with its size and time of change: what a write would alter. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const s = await stat(path);
    out[path.slice(dir.length + 1)] = entry.isDirectory() ? "dir" : `${s.size}:${s.mtimeMs}`;
  }
  return out;
}

/**
 * The read-only bridges re-check their folder every 100 ms rather than every 2 s (the documented
 * BRIDGE_STORAGE_CHECK_MS): each recovery below waits for one re-check.
 */
const QUICK_CHECKS = { BRIDGE_STORAGE_CHECK_MS: "100" };

/** Polls `probe` (an API call, so not too often) until it returns true; throws with `what` after 15 s. */
const untilApi = (what: string, probe: () => Promise<boolean>) => until(probe, what, 15_000, 100);

describeIf("a storage folder the bridge cannot write", () => {
  it("starts with panels off, refuses every session naming the folder and the cause, writes nothing, and recovers without a restart", async () => {
    const top = await tempDir();
    await chmod(top, 0o711); // mkdtemp's 0700 would keep `nobody` out of the storage below it
    const storage = join(top, "storage");
    await mkdir(storage, { mode: 0o700 });
    const config = await configFile(top);
    const user = asRoot ? { uid: NOBODY, gid: NOBODY } : undefined;
    if (user) await chown(storage, user.uid, user.gid);
    try {
      // A first run writes the token, the pairing codes, the ledger and matter.js's storage; it dies
      // (kill -9) during a session, so the next start has a crashed session to close and a stale lock.
      const first = await startBridge(storage, config, ["--acknowledge-caution"], { user });
      const crashed = await call(first.url, "POST", "/v1/sessions", { token: first.token, body: { region: "mid-back", seconds: 60 } });
      expect(crashed.status).toBe(201);
      first.child.kill("SIGKILL");
      await first.exited;

      chmodR("a-w", storage);
      const before = await snapshot(storage);
      const b = await startBridge(storage, config, [], { user, env: QUICK_CHECKS });
      const out = b.output();
      expect(out).toContain("THE STORAGE FOLDER CANNOT BE WRITTEN: EVERY SESSION IS REFUSED (LEDGER_UNAVAILABLE)");
      expect(out).toMatch(/Matter: NOT STARTED/);
      expect(out).toMatch(/Matter UDP \d+ not started/);

      const [panel] = (await call(b.url, "GET", "/v1/panels", { token: b.token })).body.panels;
      expect(panel).toMatchObject({ on: false, state: "off" });
      const refused = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "neck-shoulders", seconds: 60 } });
      expect([refused.status, refused.body.error.code]).toEqual([503, "LEDGER_UNAVAILABLE"]);
      expect(refused.body.error.message).toContain(`The storage folder ${storage} cannot be written (EACCES: permission denied)`);
      const pairing = await call(b.url, "GET", "/v1/pairing", { token: b.token });
      expect([pairing.status, pairing.body.error.code]).toEqual([503, "MATTER_OFFLINE"]);
      // The ledger is read: the dose counts the crashed session in full meanwhile.
      expect((await call(b.url, "GET", "/v1/dose", { token: b.token })).status).toBe(200);
      // Reported, and nothing written (that re-checks write nothing, ten of them on a fake clock: unit/storage-ownership).
      expect((await call(b.url, "GET", "/v1/health")).body).toEqual({ status: "ok", clock: "ok", storage: "read-only", cloud: "off" });
      expect(await snapshot(storage)).toEqual(before);

      // Writable again: the lock, the crashed session closed, sessions, the Matter node.
      chmodR("u+w", storage);
      let started: Awaited<ReturnType<typeof call>> | undefined;
      await untilApi("a session to start", async () => {
        started = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "neck-shoulders", seconds: 60 } });
        return started.status === 201;
      });
      await b.waitFor(/Matter node started \(UDP port \d+\)/, 15_000);
      expect(b.output()).toContain(`The storage folder ${storage} can be written again: sessions can start.`);
      expect((await call(b.url, "GET", "/v1/pairing", { token: b.token })).status).toBe(200);
      expect((await call(b.url, "GET", "/v1/health")).body).toEqual({ status: "ok", clock: "ok", cloud: "off" });
      const ledger = await ledgerFile(storage);
      expect(ledger.sessions.find((s) => s.id === crashed.body.session.id)).toMatchObject({
        endReason: "recovered-after-restart",
        deliveredSeconds: 60,
      });
      expect(ledger.sessions.find((s) => s.id === started!.body.session.id)).toBeDefined();
      expect((await call(b.url, "POST", "/v1/panels/panel-1/stop", { token: b.token })).status).toBe(200);

      // Read-only while running (a remount, say): refused naming the cause; writable: sessions again.
      chmodR("a-w", storage);
      const midRun = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "low-back-hips", seconds: 60 } });
      expect([midRun.status, midRun.body.error.code]).toEqual([503, "LEDGER_UNAVAILABLE"]);
      expect(midRun.body.error.message).toMatch(/EACCES: permission denied.*ledger\.journal/);
      expect((await call(b.url, "GET", "/v1/panels", { token: b.token })).body.panels[0]).toMatchObject({ on: false });
      // A second bridge on it exits as ever (it cannot write either, but must not switch this one's panel off).
      const second = launch(["--storage", storage, "--config", config, "--api-port", "0", "--matter-port", "0"], { user });
      expect((await second.exited).code).toBe(STORAGE_LOCKED_EXIT);
      expect(second.output()).toContain(`is in use by another bridge (process ${b.child.pid}`);
      chmodR("u+w", storage);
      const again = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "low-back-hips", seconds: 60 } });
      expect(again.status).toBe(201);

      if (process.env.SHOW_BRIDGE_OUTPUT) process.stdout.write(b.output());
      b.child.kill("SIGTERM");
      expect((await b.exited).code).toBe(0);
      const left = Object.keys(await snapshot(storage));
      expect(left.filter((f) => f.endsWith(".tmp") || f.endsWith(".stale"))).toEqual([]);
      expect(left).not.toContain("bridge.lock");
    } finally {
      chmodR("u+w", storage);
    }
  }, 60_000);

  it("an empty folder it cannot write: no token, no start (one line saying what to do); with BRIDGE_API_TOKEN it runs and recovers", async () => {
    const top = await tempDir();
    await chmod(top, 0o711);
    const storage = join(top, "storage");
    await mkdir(storage, { mode: 0o755 }); // root's (or, not as root, made read-only below)
    const config = await configFile(top);
    const user = asRoot ? { uid: NOBODY, gid: NOBODY } : undefined;
    if (!user) chmodR("a-w", storage);
    try {
      const args = ["--storage", storage, "--config", config, "--api-port", "0", "--matter-port", String(await freeUdpPort())];
      const noToken = launch(args, { user });
      expect((await noToken.exited).code).toBe(1);
      expect(noToken.output()).toMatch(
        new RegExp(
          `No API token: BRIDGE_API_TOKEN is not set and the storage folder ${storage} cannot be written to keep a new one \\(EACCES: permission denied\\)\\. Set BRIDGE_API_TOKEN`,
        ),
      );
      expect(noToken.output()).not.toMatch(/bridge ready|\n\s+at /);

      const token = "readonly-test-token-0123456789abcdef";
      const b = launch(args, { user, env: { ...QUICK_CHECKS, BRIDGE_API_TOKEN: token } });
      const [, , url] = await b.waitFor(READY);
      const refused = await call(url, "POST", "/v1/sessions", { token, body: { region: "mid-back", seconds: 60 } });
      expect([refused.status, refused.body.error.code]).toEqual([503, "LEDGER_UNAVAILABLE"]);
      expect(await readdir(storage)).toEqual([]);

      if (user) await chown(storage, user.uid, user.gid);
      else chmodR("u+w", storage);
      await untilApi("the caution question (the ledger takes changes again)", async () => {
        const res = await call(url, "POST", "/v1/sessions", { token, body: { region: "mid-back", seconds: 60 } });
        return res.status === 409 && res.body.error.code === "CAUTION_REQUIRED";
      });
      await b.waitFor(/Matter node started \(UDP port \d+\)\S* .*Not paired yet: manual pairing code \d+/, 15_000);
      b.child.kill("SIGTERM");
      expect((await b.exited).code).toBe(0);
      expect((await readdir(storage)).sort()).toEqual(expect.arrayContaining(["ledger.reserve", "matter", "pairing.json", "panels"]));
    } finally {
      chmodR("u+w", storage);
    }
  }, 60_000);

  // Two users are needed: the read-only bridge's and one that may write the folder anyway (root).
  (asRoot ? it : it.skip)(
    "writable again but another bridge holds the lock by then: refuses and says so; the ledger it changed is not written over",
    async () => {
      const top = await tempDir();
      await chmod(top, 0o711);
      const storage = join(top, "storage");
      await mkdir(storage, { mode: 0o755 }); // root's: the read-only bridge's user may not write it
      const config = await configFile(top);
      const user = { uid: NOBODY, gid: NOBODY };
      const token = "readonly-test-token-0123456789abcdef";
      const run = async (as?: typeof user) => {
        const args = ["--storage", storage, "--config", config, "--api-port", "0", "--matter-port", String(await freeUdpPort())];
        // The read-only one re-checks quickly; the one that may write keeps the default.
        const bridge = launch(args, { user: as, env: { ...(as ? QUICK_CHECKS : {}), BRIDGE_API_TOKEN: token } });
        const [, , url] = await bridge.waitFor(READY);
        return { ...bridge, url, token };
      };
      try {
        const a = await run(user);
        // Root may write it: this bridge takes the lock and writes the ledger.
        const b = await run();
        expect((await call(b.url, "POST", "/v1/caution/acknowledge", { token, body: { version: 1 } })).status).toBe(200);
        expect((await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "mid-back", seconds: 60 } })).status).toBe(201);
        // The folder is handed to the read-only bridge's user (root's new files too).
        chmodR("u+w", storage);
        const chowned = spawnSync("chown", ["-R", `${NOBODY}:${NOBODY}`, storage], { encoding: "utf8" });
        expect(chowned.stderr).toBe("");
        await untilApi("the read-only bridge to see the lock", async () => {
          const health = await call(a.url, "GET", "/v1/health");
          return health.body.storage === "locked";
        });
        const refused = await call(a.url, "POST", "/v1/sessions", { token: a.token, body: { region: "mid-back", seconds: 60 } });
        expect([refused.status, refused.body.error.code]).toEqual([503, "LEDGER_UNAVAILABLE"]);
        expect(refused.body.error.message).toContain(`another bridge holds its lock (process ${b.child.pid}`);
        expect(a.output()).toContain(`another bridge holds its lock (process ${b.child.pid}`);

        b.child.kill("SIGTERM");
        expect((await b.exited).code).toBe(0);
        const after = await ledgerFile(storage);
        await a.waitFor(/was changed by someone else while this bridge could not write it/, 15_000);
        const stillRefused = await call(a.url, "POST", "/v1/sessions", { token: a.token, body: { region: "mid-back", seconds: 60 } });
        expect(stillRefused.body.error.message).toMatch(/changed by someone else.*Restart the bridge/);
        expect(await ledgerFile(storage)).toEqual(after);
        a.child.kill("SIGTERM");
        expect((await a.exited).code).toBe(0);
        expect(await readdir(storage)).not.toContain("bridge.lock");
      } finally {
        chmodR("u+w", storage);
      }
    },
    60_000,
  );
});
