/** Dose guard speed: policy decisions and durable ledger writes, at realistic and extreme ledger sizes. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BridgeConfigSchema } from "../matter-bridge/contract/config.js";
import { REGION_IDS } from "../matter-bridge/contract/regions.js";
import { Ledger } from "../matter-bridge/dose/ledger.js";
import type { LedgerSession } from "../matter-bridge/dose/ledger-schema.js";
import { decide } from "../matter-bridge/dose/policy.js";
import { doseSummary } from "../matter-bridge/dose/summary.js";
import { history } from "./history.js";
import { median, percentile, timeIt } from "./stats.js";

const config = BridgeConfigSchema.parse({ panels: [{ id: "panel-1", name: "Panel" }] });
const now = Date.UTC(2026, 5, 1);

/** A ledger of `n` finished sessions spread over the last 100 days (a heavy user has ~300). */
const ledgerOf = (n: number): LedgerSession[] => history(n, now, 100, (i) => ({ id: `s${i}`, region: REGION_IDS[i % 3] }));

export async function benchDose(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of [300, 3000]) {
    const sessions = ledgerOf(n);
    const ctx = { now, sessions, config, cautionAcknowledged: true };
    const decideUs = timeIt(2000, () => decide(ctx, { region: "low-back-hips" }));
    const summaryUs = timeIt(200, () => doseSummary(ctx));
    out[`decide_us_median_${n}`] = median(decideUs);
    out[`decide_us_p95_${n}`] = percentile(decideUs, 95);
    out[`dose_summary_us_median_${n}`] = median(summaryUs);
  }
  out.decide_ratio_3000_vs_300 = out.decide_us_median_3000 / out.decide_us_median_300;

  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-"));
  try {
    const ledger = await Ledger.open(dir, () => now);
    const writes: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      await ledger.begin({ ...ledgerOf(1)[0], id: `w${i}`, endedAt: undefined, deliveredSeconds: undefined, endReason: undefined });
      await ledger.finish(`w${i}`, now, 600, "completed");
      writes.push(performance.now() - t0);
    }
    out.ledger_begin_finish_ms_median_300_entries = median(writes);
    out.ledger_begin_finish_ms_p95 = percentile(writes, 95);
    const t0 = performance.now();
    await Ledger.open(dir, () => now);
    out.ledger_open_ms_300_entries = performance.now() - t0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}
