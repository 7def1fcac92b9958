/**
 * A whole session start as the controller does it, as history grows: the dose policy over the ledger,
 * the fsynced ledger entry, the relay on (simulated panel), then the stop (relay off, entry closed),
 * with 100, 1,000 and 10,000 sessions of history. The history's limits are opened wide so that the
 * same person can start again and again; what is measured is the work, not a refusal.
 * Run alone: `npx tsx bench/start-latency.ts`.
 */
import { pathToFileURL } from "node:url";
import { startControlBridge } from "../test/helpers/control-bridge.js";
import { history } from "./history.js";
import { median, percentile, printTable, round } from "./stats.js";

const DAY = 86_400_000;
const HISTORY = [100, 1000, 10_000];
const STARTS = Number(process.env.BENCH_START_STARTS ?? 300);

const config = {
  panels: [{ id: "panel-1", name: "Bench panel", driver: { kind: "simulated" as const } }],
  people: [{ id: "anna", name: "Anna" }],
  dose: {
    minSessionSeconds: 1,
    minRestSameRegionSeconds: 0,
    maxSessionsPerRegionPer7d: 1_000_000,
    maxRegionFluencePer24hJPerCm2: 1_000_000,
    maxSessionFluenceJPerCm2: 1_000_000,
    maxOnSecondsPer24h: 100_000_000,
  },
};

/** `n` finished sessions over the last 85 days, as an upgraded bridge finds them. */
const ledgerFile = (n: number, now: number) => ({
  format: "biolight-ledger/1",
  sessions: history(n, now, 85, () => ({ person: "anna" })),
  caution: null,
  seenAt: now - DAY,
});

export async function benchStartLatency(): Promise<Record<string, number>> {
  const bridges = await Promise.all(
    HISTORY.map((n) => startControlBridge({ acknowledged: true, config, ledgerFile: ledgerFile(n, Date.now()) })),
  );
  const ms: number[][] = HISTORY.map(() => []);
  try {
    // The sizes take turns, so the disk's moods fall on all of them alike.
    for (let i = 0; i < STARTS; i++)
      for (const [k, bridge] of bridges.entries()) {
        const t0 = performance.now();
        const started = await bridge.controller.start({ region: "mid-back", seconds: 60, person: "anna" }, "bench");
        if (!started.ok) throw new Error(`bench start refused: ${started.refusal.message}`);
        ms[k].push(performance.now() - t0);
        await bridge.controller.stop("panel-1", "stopped");
      }
  } finally {
    await Promise.all(bridges.map((b) => b.close()));
  }
  const out: Record<string, number> = {};
  for (const [k, n] of HISTORY.entries()) {
    out[`start_ms_median_${n}`] = median(ms[k]);
    out[`start_ms_p95_${n}`] = percentile(ms[k], 95);
  }
  const last = HISTORY.length - 1;
  out[`start_median_ratio_${HISTORY[last]}_vs_${HISTORY[0]} (target <= 1.5)`] = round(median(ms[last]) / median(ms[0]));
  out.starts_per_size = STARTS;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  printTable("session start (policy + ledger + relay) by history", await benchStartLatency());
