/**
 * The compiled bridge with a dose ledger dated in the future (its clock was ahead, then put right):
 * every start refused, the banner saying what it waits for; `--clock-is-right` logs both times,
 * re-dates the future entries to now and starts resume, the re-dated session resting in full.
 */
import { describe, expect, it } from "@jest/globals";
import { CAUTION_VERSION } from "../../matter-bridge/contract/caution.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { configFile, ledgerFile, startBridge, tempDir } from "../helpers/cli-bridge.js";
import { session } from "../helpers/dose-fixtures.js";
import { call } from "../helpers/http.js";

const DAY = 86_400_000;

describe("a clock that was ahead, at the command line", () => {
  it("refuses until --clock-is-right, which shows both times, re-dates the future entries and lets sessions start", async () => {
    const storage = await tempDir();
    const config = await configFile(storage, {
      panels: [{ id: "panel-1", name: "Test panel", driver: { kind: "simulated" } }],
      dose: { minSessionSeconds: 1, maxSessionSeconds: 120, minRestSameRegionSeconds: 3600 },
    });
    const ahead = Date.now() + 2 * DAY;
    const seed = await Ledger.open(storage, () => ahead);
    await seed.acknowledgeCaution(CAUTION_VERSION, "test");
    await seed.record(session("mid-back", ahead - 10 * 60_000, 60));

    // No system source (this machine's sync state must not decide the test): only the owner can say.
    const first = await startBridge(storage, config, ["--clock-sync", "off"]);
    expect(first.output()).toMatch(/THE CLOCK IS 1 DAY 23 H BEHIND THE DOSE LEDGER|THE CLOCK IS 2 DAYS BEHIND THE DOSE LEDGER/);
    expect(first.output()).toMatch(/--clock-is-right/);
    const refused = await call(first.url, "POST", "/v1/sessions", { token: first.token, body: { region: "neck-shoulders", seconds: 5 } });
    expect([refused.status, refused.body.error.code]).toEqual([409, "CLOCK_UNTRUSTED"]);
    expect(refused.body.error.message).toContain("npm start -- --clock-is-right");
    first.child.kill("SIGTERM");
    expect((await first.exited).code).toBe(0);

    const second = await startBridge(storage, config, ["--clock-sync", "off", "--clock-is-right"]);
    const [, newest, machine] = second
      .output()
      .match(
        /--clock-is-right: the dose ledger's newest entry is at (\S+); this machine's clock says (\S+)\. Taking the machine's time as right\./,
      )!;
    expect(newest).toBe(new Date(ahead).toISOString());
    expect(Math.abs(Date.parse(machine) - Date.now())).toBeLessThan(60_000);
    expect(second.output()).toMatch(
      /The clock is known good \(owner: --clock-is-right\).*2 entries dated after it now count as having happened/,
    );
    expect(second.output()).not.toMatch(/BEHIND THE DOSE LEDGER/);
    expect((await call(second.url, "GET", "/v1/health")).body).toMatchObject({ clock: "ok" });
    // The mid-back session happened "just now": its hour's rest runs from here; another region starts.
    const rest = await call(second.url, "POST", "/v1/sessions", { token: second.token, body: { region: "mid-back", seconds: 5 } });
    expect([rest.status, rest.body.error?.code]).toEqual([409, "REST_INTERVAL"]);
    const started = await call(second.url, "POST", "/v1/sessions", { token: second.token, body: { region: "neck-shoulders", seconds: 5 } });
    expect(started.body.error ?? started.status).toBe(201);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);

    const file = await ledgerFile(storage);
    expect(file.clockCorrections).toEqual([
      expect.objectContaining({ source: "owner: --clock-is-right", newestBefore: ahead, redated: 2 }),
    ]);
    expect(Math.max(...file.sessions.map((s) => s.startedAt))).toBeLessThan(Date.now());
  }, 120_000);
});
