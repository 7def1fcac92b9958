import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { LEDGER_FILE, Ledger, LedgerCorruptError } from "../../matter-bridge/dose/ledger.js";
import type { LedgerSession } from "../../matter-bridge/dose/ledger-schema.js";
import { DAY, T0 } from "../helpers/dose-fixtures.js";

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), "biolight-ledger-"));
  dirs.push(d);
  return d;
};
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const entry = (id: string, startedAt = Date.now(), plannedSeconds = 600): LedgerSession => ({
  id,
  panelId: "panel-1",
  region: "low-back-hips",
  source: "test",
  distanceCm: 30,
  irradianceMwPerCm2: 24,
  startedAt,
  plannedSeconds,
});

describe("ledger", () => {
  it("keeps sessions and the caution acknowledgement across reopen", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir);
    expect(ledger.sessions()).toEqual([]);
    expect(ledger.caution()).toBeNull();
    await ledger.begin(entry("a"));
    await ledger.finish("a", Date.now(), 123.4, "stopped");
    await ledger.acknowledgeCaution(1, "cli");
    const again = await Ledger.open(dir);
    expect(again.sessions()).toHaveLength(1);
    expect(again.sessions()[0]).toMatchObject({ id: "a", deliveredSeconds: 123.4, endReason: "stopped" });
    expect(again.caution()).toMatchObject({ version: 1, source: "cli" });
  });

  it("never records more delivered time than planned", async () => {
    const ledger = await Ledger.open(await tempDir());
    await ledger.begin(entry("a", Date.now(), 60));
    const closed = await ledger.finish("a", Date.now(), 61, "completed");
    expect(closed.deliveredSeconds).toBe(60);
  });

  it("closes sessions left open by a crash as fully delivered, ending at their planned end", async () => {
    const dir = await tempDir();
    const ledger = await Ledger.open(dir);
    await ledger.begin(entry("open", T0, 900));
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
    await ledger.begin(entry("a"));
    await expect(ledger.begin(entry("a"))).rejects.toThrow(/already/);
    await expect(ledger.begin({ ...entry("b"), region: "knees" as never })).rejects.toThrow();
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

  it("compacts entries beyond the retention but keeps 90 days of history", async () => {
    let now = T0;
    const dir = await tempDir();
    const ledger = await Ledger.open(dir, () => now);
    await ledger.begin(entry("old", T0 - 120 * DAY));
    await ledger.finish("old", T0 - 120 * DAY + 600_000, 600, "completed");
    await ledger.begin(entry("kept", T0 - 90 * DAY));
    await ledger.finish("kept", T0 - 90 * DAY + 600_000, 600, "completed");
    now = T0 + 1;
    await ledger.acknowledgeCaution(1, "test");
    expect(ledger.sessions().map((s) => s.id)).toEqual(["kept"]);
    expect(ledger.history(T0 - 91 * DAY).map((s) => s.id)).toEqual(["kept"]);
  });
});

describe("ledger crash safety", () => {
  const ROUNDS = 25;
  it(`always loads and loses no acknowledged write when SIGKILLed mid-write (${ROUNDS} kills)`, async () => {
    const dir = await tempDir();
    const acked = new Map<string, "begin" | "finish">();
    let lastCaution = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "test/helpers/ledger-writer.ts", dir, `r${round}`, String(1 + round * 100_000)],
        {
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      let buffered = "";
      const ready = new Promise<void>((resolve) =>
        child.stdout.on("data", (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split("\n");
          buffered = lines.pop()!;
          for (const line of lines) {
            const [kind, value] = line.split(" ");
            if (kind === "ready") resolve();
            else if (kind === "begin" || kind === "finish") acked.set(value, kind);
            else if (kind === "caution") lastCaution = Number(value);
          }
        }),
      );
      const exited = new Promise((resolve) => child.on("exit", resolve));
      await ready;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 60));
      child.kill("SIGKILL");
      await exited;

      const ledger = await Ledger.open(dir); // must load after every kill
      const byId = new Map(ledger.sessions().map((s) => [s.id, s]));
      for (const [id, state] of acked) {
        expect(byId.has(id)).toBe(true);
        if (state === "finish") expect(byId.get(id)!.deliveredSeconds).toBe(300);
      }
      // A write may complete just before the kill, unacknowledged: newer is fine, older is a loss.
      if (lastCaution) expect(ledger.caution()!.version).toBeGreaterThanOrEqual(lastCaution);
    }
    expect(acked.size).toBeGreaterThan(ROUNDS);
    // No temp files pile up beyond the one a kill may leave behind.
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp")).length).toBeLessThanOrEqual(ROUNDS);
  }, 120_000);
});
