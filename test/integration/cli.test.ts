/**
 * The bridge CLI as a child process: real matter.js node, real API, simulated panel, second-scale
 * dose limits, a temp storage dir per bridge. Each bridge start costs a couple of seconds, so the
 * scenarios share starts where they can.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { cautionText } from "../../matter-bridge/contract/caution.js";
import { configFile, launch, ledgerFile, panelState, startBridge, tempDir } from "../helpers/cli-bridge.js";
import { completedEntry } from "../helpers/dose-fixtures.js";
import { startFakeShelly } from "../helpers/fake-shelly.js";
import { call } from "../helpers/http.js";

describe("bridge CLI", () => {
  it("exits 2 on a bad flag and 0 with the usage for --help", async () => {
    const bad = launch(["--frobnicate"]);
    expect((await bad.exited).code).toBe(2);
    expect(bad.output()).toMatch(/Unknown flag --frobnicate/);
    expect(bad.output()).toMatch(/Usage:/);
    const port = launch(["--api-port", "http"]);
    expect((await port.exited).code).toBe(2);
    expect(port.output()).toMatch(/--api-port/);
    const help = launch(["--help"]);
    expect((await help.exited).code).toBe(0);
    expect(help.output()).toMatch(/--acknowledge-caution/);
    expect(help.output()).toMatch(/--log-format F +text or json/);
    expect(help.output()).toMatch(/--version/);
    expect(help.output()).toMatch(/env MATTER_LOG_LEVEL +matter\.js's own lines/);
  });

  it("exits non-zero naming the field for a bad config, and leaves no bridge running", async () => {
    const dir = await tempDir();
    const config = await configFile(dir, {
      panels: [{ id: "panel-1", name: "P", driver: { kind: "shelly" } }],
      dose: { minSessionSeconds: -1 },
    });
    const bad = launch(["--storage", join(dir, "data"), "--config", config, "--api-port", "0"]);
    const { code } = await bad.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(bad.output()).toMatch(/panels\[0\]\.driver\.url/);
    expect(bad.output()).toMatch(/dose\.minSessionSeconds/);
    expect(bad.output()).not.toMatch(/bridge ready/);
  });

  it("exits 2 with one line naming the fix when the ledger has history for an id the config no longer has; nothing is touched", async () => {
    const storage = await tempDir();
    const t = Date.now() - 3_600_000;
    const ledger = JSON.stringify({
      format: "biolight-ledger/1",
      sessions: [completedEntry("s1", t, 60, { person: "anna" })],
      caution: null,
      seenAt: t + 60_000,
    });
    await writeFile(join(storage, "ledger.json"), ledger);
    const config = await configFile(storage, {
      panels: [{ id: "panel-1", name: "Test panel", driver: { kind: "simulated" } }],
      people: [{ id: "anna-k", name: "Anna" }],
    });
    const b = launch(["--storage", storage, "--config", config, "--matter-port", "0", "--api-port", "0"]);
    expect((await b.exited).code).toBe(2);
    expect(b.output().trim().split("\n")).toEqual([
      expect.stringMatching(
        /^The dose ledger has history for person id "anna" \(1 session\) .* add "formerIds": \["anna"\] to the person who had it .*Nothing was changed\.$/,
      ),
    ]);
    expect(await readFile(join(storage, "ledger.json"), "utf8")).toBe(ledger);
    await expect(readFile(join(storage, "panels", "panel-1.json"))).rejects.toThrow(/ENOENT/);
  });

  it("without a terminal and no acknowledgement: says how to acknowledge and refuses sessions", async () => {
    const storage = await tempDir();
    const b = await startBridge(storage, await configFile(storage));
    // The hint follows the ready line: its last line says it is all there.
    await b.waitFor(/the Alexa skill: "Alexa, open bio light"/);
    const out = b.output();
    expect(out).toMatch(/NOT acknowledged/);
    // Where to acknowledge, the dashboard among them, each named once.
    const how = out.slice(out.indexOf("Acknowledge it with one of:"));
    expect(how.split("\n").filter((l) => /dashboard/i.test(l))).toHaveLength(1);
    expect(how).toContain(`the dashboard: ${b.url}/dashboard/ (sign in with the API token`);
    expect(out).toMatch(/--acknowledge-caution/);
    expect(out).toMatch(/POST .*\/v1\/caution\/acknowledge/);
    expect(out).toMatch(/Alexa/);
    expect(out).toContain(`in ${join(storage, "api-token")}`);
    expect(out).not.toContain(b.token);
    expect(out).toMatch(/Manual pairing code: [\d-]{11,13}/);
    // matter.js has nothing to warn about at start (product label, versions from package.json).
    expect(out).not.toMatch(/\bWARN\b|matter\.js (WARN|ERROR)/);
    const refused = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "mid-back", seconds: 5 } });
    expect([refused.status, refused.body.error.code]).toEqual([409, "CAUTION_REQUIRED"]);
    b.child.kill("SIGTERM");
    expect((await b.exited).code).toBe(0);
  });

  it("--acknowledge-caution, a session over the API, then SIGTERM: exit 0, panel off, session closed", async () => {
    const storage = await tempDir();
    const b = await startBridge(storage, await configFile(storage), ["--acknowledge-caution"]);
    expect((await call(b.url, "GET", "/v1/health")).body).toEqual({ status: "ok", clock: "ok", cloud: "off" });
    expect(b.output()).toMatch(/Caution: +acknowledged \(version 1/);
    const started = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "neck-shoulders", seconds: 60 } });
    expect(started.status).toBe(201);
    expect((await panelState(storage)).on).toBe(true);

    b.child.kill("SIGTERM");
    expect(await b.exited).toEqual({ code: 0, signal: null });
    expect((await panelState(storage)).on).toBe(false);
    const ledger = await ledgerFile(storage);
    expect(ledger.caution).toMatchObject({ version: 1, source: "cli-flag" });
    expect(ledger.sessions).toHaveLength(1);
    expect(ledger.sessions[0]).toMatchObject({ id: started.body.session.id, endReason: "shutdown", plannedSeconds: 60 });
    expect(ledger.sessions[0].deliveredSeconds).toBeLessThan(10);
  });

  it("--acknowledge-caution left in place does not undo a red flag reported since", async () => {
    const storage = await tempDir();
    const config = await configFile(storage);
    const first = await startBridge(storage, config, ["--acknowledge-caution"]);
    expect((await call(first.url, "POST", "/v1/caution/withdraw", { token: first.token, body: { reason: "numbness" } })).status).toBe(200);
    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);

    const second = await startBridge(storage, config, ["--acknowledge-caution"]);
    expect(second.output()).toMatch(/--acknowledge-caution ignored: The red-flag caution was withdrawn \(numbness\)/);
    expect(second.output()).toMatch(/Caution: +WITHDRAWN/);
    expect((await call(second.url, "GET", "/v1/caution", { token: second.token })).body).toMatchObject({
      acknowledged: false,
      withdrawnReason: "numbness",
    });
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  });

  it("after SIGKILL mid-session the restarted bridge has the panel off when ready and counts the session in full", async () => {
    const storage = await tempDir();
    const config = await configFile(storage);
    const first = await startBridge(storage, config, ["--acknowledge-caution"]);
    const started = await call(first.url, "POST", "/v1/sessions", { token: first.token, body: { region: "mid-back", seconds: 60 } });
    expect(started.status).toBe(201);
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    expect((await panelState(storage)).on).toBe(true);

    const second = await startBridge(storage, config);
    expect((await panelState(storage)).on).toBe(false);
    expect(second.output()).toMatch(/had no recorded end: counted as fully delivered/);
    const [session] = (await call(second.url, "GET", "/v1/history?days=1", { token: second.token })).body.people[0].sessions;
    expect(session).toMatchObject({ id: started.body.session.id, seconds: 60, deliveredSeconds: 60, endReason: "recovered-after-restart" });
    const dose = (await call(second.url, "GET", "/v1/dose", { token: second.token })).body;
    expect(dose.panels[0].onSeconds24h).toBe(60);
    expect(dose.people[0].regions["mid-back"]).toMatchObject({ sessions24h: 1, usedFluenceJPerCm2: 1.44 });
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  });

  it("SIGTERM with a relay that cannot be reached, switched on at the device: exit 1, naming the panel", async () => {
    const shelly = await startFakeShelly();
    try {
      const storage = await tempDir();
      const config = await configFile(storage, {
        panels: [{ id: "panel-1", name: "Test panel", driver: { kind: "shelly", url: shelly.url, timeoutMs: 200 } }],
      });
      const b = await startBridge(storage, config);
      shelly.setDown(true);
      shelly.press();
      b.child.kill("SIGTERM");
      expect({ ...(await b.exited), output: b.output().slice(-600) }).toEqual({
        code: 1,
        signal: null,
        output: expect.stringMatching(/Bridge stopped, but panel-1 did not confirm it is off: check it/),
      });
      expect(shelly.state().output).toBe(true);
    } finally {
      await shelly.close();
    }
  });

  it("a press at the relay while the bridge was down: read before the start-up switch-off, booked and logged", async () => {
    const shelly = await startFakeShelly();
    try {
      const storage = await tempDir();
      const config = await configFile(storage, {
        panels: [{ id: "panel-1", name: "Test panel", driver: { kind: "shelly", url: shelly.url, timeoutMs: 2000 } }],
        dose: { minSessionSeconds: 1, maxSessionSeconds: 1200, minRestSameRegionSeconds: 0 },
      });
      const first = await startBridge(storage, config, ["--acknowledge-caution"]);
      first.child.kill("SIGTERM");
      expect((await first.exited).code).toBe(0);
      expect(shelly.state().config).toMatchObject({ auto_off: true, auto_off_delay: 1200 });
      shelly.press(0, 8000); // pressed 8 s ago, while no bridge ran

      const second = await startBridge(storage, config);
      expect(shelly.state().output).toBe(false);
      const on = shelly.onSeconds();
      expect(second.output()).toMatch(
        /\[panel-1\] found ON at start-up with no session .*its own timer had run \d+\.\d s of 1200 s; booked \d+\.\d s as a manual low-back-hips session for household/,
      );
      const [session] = (await call(second.url, "GET", "/v1/history?days=1", { token: second.token })).body.people[0].sessions;
      expect(session).toMatchObject({ region: "low-back-hips", source: "manual", endReason: "found-on-at-start-up" });
      expect(session.deliveredSeconds).toBeGreaterThanOrEqual(on - 0.002);
      expect(session.deliveredSeconds).toBeLessThan(on + 3);
      const dose = (await call(second.url, "GET", "/v1/dose", { token: second.token })).body;
      expect(dose.panels[0].onSeconds24h).toBeCloseTo(session.deliveredSeconds, 3);
      second.child.kill("SIGTERM");
      expect((await second.exited).code).toBe(0);
    } finally {
      await shelly.close();
    }
  });

  it("on a terminal, asks the first-run caution and records 'no' as the household acknowledgement", async () => {
    const storage = await tempDir();
    const b = await startBridge(storage, await configFile(storage), [], { pty: true });
    await b.waitFor(/Does any of this apply to anyone who will use the panel\?/);
    expect(b.output().replace(/\s+/g, " ")).toContain(cautionText());
    b.child.stdin.write("n\r");
    await b.waitFor(/acknowledgement is recorded/);
    expect((await ledgerFile(storage)).caution).toMatchObject({ version: 1, source: "cli-prompt" });
    expect((await call(b.url, "GET", "/v1/dose", { token: b.token })).body.cautionAcknowledged).toBe(true);
    expect((await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "mid-back", seconds: 30 } })).status).toBe(201);
    // Ctrl-C on the terminal: the same clean shutdown as SIGINT.
    b.child.stdin.write("\x03");
    // (toEqual, so a failure prints the bridge's last output too.)
    expect({ ...(await b.exited), output: b.output().slice(-800) }).toEqual({
      code: 0,
      signal: null,
      output: expect.stringMatching(/Bridge stopped: every panel is off/),
    });
    expect((await panelState(storage)).on).toBe(false);
  });
});
