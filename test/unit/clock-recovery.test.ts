/**
 * A clock that was ahead and was put right: the ledger holds entries in the future, so the wall
 * clock is behind it at start-up and every start is refused. Once the clock is known good (the
 * system says it is synchronized, or the owner confirms it), the future entries are re-dated to now,
 * counting fully as "just now", the re-dating is recorded in the ledger, and starts resume.
 * Real ledger folders, the fake clock, a sync source the test answers for.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { systemClockSync } from "../../matter-bridge/dose/clock-sync.js";
import { LEDGER_FILE, Ledger, readLedger } from "../../matter-bridge/dose/ledger.js";
import { CLOCK_SYNC_POLL_MS, ClockClaimError } from "../../matter-bridge/sessions/clock-trust.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { DAY, HOUR, makeConfig, session, T0 } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { nextTurn, until } from "../helpers/until.js";

const MIN = 60_000;
const tempDir = tempDirs("biolight-clock-recovery-");

/** What the system says about its clock, as the test sets it. */
class SyncSource {
  says: string | undefined;
  asked = 0;
  readonly source = async () => {
    this.asked++;
    return this.says;
  };
}

async function bridgeOn(dir: string, clock: FakeClock, sync?: SyncSource) {
  const ledger = await Ledger.open(dir, { clock });
  const logs: string[] = [];
  const controller = new SessionController({
    config: makeConfig(),
    ledger,
    drivers: { "panel-1": new FlakyDriver() },
    clock,
    log: (m) => logs.push(m),
    ...(sync ? { clockSync: sync.source } : {}),
  });
  await controller.recover();
  if (!controller.caution.acknowledged() && controller.time.state().trusted) await controller.caution.acknowledge(1, "test");
  return { ledger, controller, logs };
}

type Bridge = Awaited<ReturnType<typeof bridgeOn>>;
const start = (b: Bridge, region: "mid-back" | "neck-shoulders" | "low-back-hips") => b.controller.start({ region }, "test");
const codeOf = (out: Awaited<ReturnType<typeof start>>) => (out.ok ? "granted" : out.refusal.code);

/**
 * The measured fault: started with the clock 30 days ahead, a mid-back session runs; the clock is
 * put right while running (a neck session still starts); the bridge is stopped. Answers the folder
 * and the clock, now right.
 */
async function clockWasAhead(): Promise<{ dir: string; clock: FakeClock }> {
  const dir = await tempDir();
  const clock = new FakeClock(T0 + 30 * DAY);
  const b = await bridgeOn(dir, clock);
  expect(codeOf(await start(b, "mid-back"))).toBe("granted");
  clock.advance(5 * MIN);
  await b.controller.stop("panel-1", "stopped");
  clock.step(-30 * DAY); // NTP corrects it
  clock.advance(MIN);
  expect(codeOf(await start(b, "neck-shoulders"))).toBe("granted");
  clock.advance(5 * MIN);
  await b.controller.stop("panel-1", "stopped");
  await b.controller.shutdown();
  clock.advance(MIN);
  return { dir, clock };
}

describe("a clock that was ahead, once corrected", () => {
  it("is refused until the system says the clock is synchronized; then future entries count as just now and starts resume", async () => {
    const { dir, clock } = await clockWasAhead();
    const sync = new SyncSource();
    const b = await bridgeOn(dir, clock, sync);
    expect(sync.asked).toBe(1); // asked at start-up
    const refused = await start(b, "low-back-hips");
    expect(codeOf(refused)).toBe("CLOCK_UNTRUSTED");
    // The refusal says what it waits for and how to give it.
    if (!refused.ok) {
      expect(refused.refusal.message).toMatch(/behind the newest entry in its dose ledger/);
      expect(refused.refusal.message).toMatch(/the system reports its clock synchronized/);
      expect(refused.refusal.message).toContain("npm start -- --clock-is-right");
      expect(refused.refusal.message).toMatch(/dashboard/);
    }
    expect(await b.controller.clockTrust.checkSync()).toBeUndefined(); // the system says nothing: not trusted
    expect(b.controller.time.state().trusted).toBe(false);

    sync.says = "chrony (leap status normal)";
    const correction = await b.controller.clockTrust.checkSync();
    // The two sessions and the caution answer given while the clock was ahead (the household's and the default person's).
    expect(correction).toMatchObject({ at: clock.wall, source: "system: chrony (leap status normal)", redated: 4 });
    expect(b.controller.time.state()).toEqual({ trusted: true });
    expect(b.logs.join("\n")).toMatch(/The clock is known good \(system: chrony.*4 entries dated after it now count as having happened at/);

    // Both sessions now "just happened": their regions rest in full (12 h), the third region starts.
    const midBack = await start(b, "mid-back");
    expect(codeOf(midBack)).toBe("REST_INTERVAL");
    expect(midBack.ok || midBack.refusal.retryAfterSeconds).toBe(12 * 3600);
    expect(codeOf(await start(b, "neck-shoulders"))).toBe("REST_INTERVAL");
    expect(codeOf(await start(b, "low-back-hips"))).toBe("granted");
    clock.advance(MIN);
    await b.controller.stop("panel-1", "stopped");
    await b.controller.shutdown();

    // On disk: nothing after the known-good time, the re-dating recorded; a restart trusts the clock at once.
    const file = await readLedger(dir);
    const times = file.sessions.flatMap((s) => [s.startedAt, s.endedAt ?? 0]);
    expect(Math.max(...times)).toBeLessThanOrEqual(clock.wall);
    expect(file.clockCorrections).toEqual([
      { at: correction!.at, newestBefore: correction!.newestBefore, source: "system: chrony (leap status normal)", redated: 4 },
    ]);
    expect(correction!.newestBefore - correction!.at).toBeGreaterThan(29 * DAY);
    const again = await bridgeOn(dir, clock, new SyncSource());
    expect(again.controller.time.state()).toEqual({ trusted: true });
    expect(codeOf(await start(again, "mid-back"))).toBe("REST_INTERVAL");
    await again.controller.shutdown();
  });

  it("asks the system again every 15 s on the bridge's clock while the clock is behind, and no more once it is trusted", async () => {
    const { dir, clock } = await clockWasAhead();
    const sync = new SyncSource();
    const b = await bridgeOn(dir, clock, sync);
    expect(sync.asked).toBe(1); // at start-up
    clock.advance(CLOCK_SYNC_POLL_MS - 1);
    expect(sync.asked).toBe(1);
    clock.advance(1);
    expect(sync.asked).toBe(2); // silence: not trusted, asked again later
    await nextTurn();
    sync.says = "systemd-timesyncd (NTPSynchronized=yes)";
    clock.advance(CLOCK_SYNC_POLL_MS);
    expect(sync.asked).toBe(3);
    await until(() => b.controller.time.state().trusted, "the re-dating");
    clock.advance(10 * CLOCK_SYNC_POLL_MS);
    expect(sync.asked).toBe(3);
    await b.controller.shutdown();
  });

  it("the owner's confirmation re-dates the same way, and is refused (changing nothing) when the clock is further behind than confirmed", async () => {
    const { dir, clock } = await clockWasAhead();
    const b = await bridgeOn(dir, clock); // no system source: only the owner can say
    const check = b.controller.clockTrust.check()!;
    expect(check.waitsFor).not.toMatch(/system reports/);
    expect(check.waitsFor).toContain("--clock-is-right");
    expect(Date.parse(check.machineTime)).toBe(clock.wall);
    expect(Date.parse(check.ledgerNewestAt) - clock.wall).toBe(check.behindSeconds * 1000);
    const before = await readFile(join(dir, LEDGER_FILE), "utf8");

    // The page showed one thing; the clock went back another day since.
    clock.step(-DAY);
    const err = await b.controller.clockTrust.trust("owner: dashboard", check.behindSeconds * 1000).catch((e: Error) => e);
    expect(err).toBeInstanceOf(ClockClaimError);
    expect((err as Error).message).toMatch(/more than the .* that was confirmed.*Nothing was changed/);
    expect(await readFile(join(dir, LEDGER_FILE), "utf8")).toBe(before);
    expect(b.controller.time.state().trusted).toBe(false);

    clock.step(DAY);
    clock.advance(30_000); // the owner took half a minute to decide
    const correction = await b.controller.clockTrust.trust("owner: dashboard", check.behindSeconds * 1000);
    expect(correction).toMatchObject({ source: "owner: dashboard", redated: 4, at: clock.wall });
    expect(codeOf(await start(b, "neck-shoulders"))).toBe("REST_INTERVAL");
    expect(codeOf(await start(b, "low-back-hips"))).toBe("granted");
    // Trusted now: another confirmation changes nothing.
    expect(await b.controller.clockTrust.trust("owner: dashboard")).toBeUndefined();
    await b.controller.shutdown();
    expect((await readLedger(dir)).clockCorrections).toHaveLength(1);
  });

  it("re-dates a red flag reported while the clock was ahead: nothing in the ledger stays in the future", async () => {
    const dir = await tempDir();
    const clock = new FakeClock(T0 + 30 * DAY);
    const b = await bridgeOn(dir, clock);
    await b.controller.withdrawCaution("felt too warm", "test");
    await b.controller.shutdown();
    clock.step(-30 * DAY);
    clock.advance(MIN);
    const sync = new SyncSource();
    sync.says = "systemd-timesyncd";
    const again = await bridgeOn(dir, clock, sync);
    expect(again.controller.time.state()).toEqual({ trusted: true });
    const flags = (await readLedger(dir)).redFlags ?? [];
    expect(flags.map((f) => f.reason)).toEqual(["felt too warm"]);
    for (const f of flags) expect(Math.max(f.at, f.clearedAt ?? 0)).toBeLessThanOrEqual(clock.wall);
    await again.controller.shutdown();
  });

  it("never moves anything into the past: entries before the machine's time keep their times", async () => {
    const dir = await tempDir();
    const seed = await Ledger.open(dir, () => T0 + 2 * DAY);
    const old = session("mid-back", T0 - 3 * HOUR, 300);
    const future = session("neck-shoulders", T0 + 2 * DAY - 10 * MIN, 300);
    await seed.record(old);
    await seed.record(future);
    const clock = new FakeClock(T0);
    const b = await bridgeOn(dir, clock);
    await b.controller.clockTrust.trust("owner: test");
    const sessions = await readLedger(dir).then((f) => f.sessions);
    expect(sessions.find((s) => s.id === old.id)).toEqual(old);
    expect(sessions.find((s) => s.id === future.id)).toMatchObject({ startedAt: T0, endedAt: T0, deliveredSeconds: 300 });
    await b.controller.shutdown();
  });

  it("a format-1 ledger file from an older bridge, dated in the future, loads and is re-dated", async () => {
    const dir = await tempDir();
    const ahead = session("mid-back", T0 + 10 * DAY, 300);
    await writeFile(
      join(dir, LEDGER_FILE),
      JSON.stringify({
        format: "biolight-ledger/1",
        sessions: [ahead],
        caution: { version: 1, acknowledgedAt: T0 + 10 * DAY, source: "cli" },
      }),
    );
    const clock = new FakeClock(T0);
    const sync = new SyncSource();
    sync.says = "systemd-timesyncd";
    const b = await bridgeOn(dir, clock, sync);
    // Re-dated at start-up: the household's acknowledgement and the session, both now.
    expect(b.controller.time.state()).toEqual({ trusted: true });
    const file = await readLedger(dir);
    expect(file.format).toBe("biolight-ledger/3");
    expect(file.sessions[0]).toMatchObject({ id: ahead.id, startedAt: T0, endedAt: T0 });
    expect(file.caution).toMatchObject({ acknowledgedAt: T0 });
    expect(file.clockCorrections?.[0]).toMatchObject({ source: "system: systemd-timesyncd", redated: 2 });
    expect(codeOf(await start(b, "mid-back"))).toBe("REST_INTERVAL");
    await b.controller.shutdown();
  });
});

describe("the system's word on its clock", () => {
  const never = async () => undefined;
  it("is taken from timesyncd's flag file, timedatectl or chrony, and never from silence or failure", async () => {
    const dir = await tempDir();
    const flagFile = join(dir, "synchronized");
    const calls: string[] = [];
    const answering = (answers: Record<string, string | undefined>) => async (file: string, args: string[]) => {
      calls.push(`${file} ${args.join(" ")}`);
      return answers[file];
    };
    expect(await systemClockSync({ flagFile, run: never })()).toBeUndefined();
    expect(
      await systemClockSync({ flagFile, run: answering({ timedatectl: "no\n", chronyc: "Leap status     : Not synchronised\n" }) })(),
    ).toBeUndefined();
    expect(calls).toEqual(["timedatectl show -p NTPSynchronized --value", "chronyc tracking"]);
    expect(await systemClockSync({ flagFile, run: answering({ timedatectl: "yes\n" }) })()).toBe(
      "timedatectl (System clock synchronized: yes)",
    );
    const chrony = "Reference ID    : C0A80001 (gw)\nStratum         : 3\nLeap status     : Normal\n";
    expect(await systemClockSync({ flagFile, run: answering({ chronyc: chrony }) })()).toBe("chrony (leap status normal)");
    await writeFile(flagFile, "");
    expect(await systemClockSync({ flagFile, run: never })()).toBe(`systemd-timesyncd (${flagFile})`);
  });
});
