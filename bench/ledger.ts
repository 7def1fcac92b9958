/**
 * Dose ledger start latency as history grows: what the controller writes per session (a `begin`
 * before the relay switches on, a `finish` after it is off), each fsynced, with 100, 1,000 and 10,000
 * sessions of history. A start appends to the journal, so it should not grow with the history
 * (target: median at 10,000 within 1.5× of that at 100). Compactions (every JOURNAL_LIMIT records,
 * queued behind a change) fall inside the run and show in the mean and max, not the median.
 * Run alone: `npx tsx bench/ledger.ts`.
 */
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { JOURNAL_FILE, JOURNAL_LIMIT, LEDGER_FILE, Ledger } from "../matter-bridge/dose/ledger.js";
import type { LedgerSession } from "../matter-bridge/dose/ledger-schema.js";
import { benchSession, history } from "./history.js";
import { median, percentile, printTable, round } from "./stats.js";

const DAY = 86_400_000;
const HISTORY = [100, 1000, 10_000];
/** Starts per history size: enough for a compaction to happen inside the run. */
const STARTS = Number(process.env.BENCH_LEDGER_STARTS ?? Math.ceil(JOURNAL_LIMIT.records / 2) + 100);

const session = (id: string, startedAt: number): LedgerSession => benchSession(id, startedAt, { person: "anna" });

/** A ledger file (format 1, as an upgraded bridge finds it) with `n` sessions over the last 85 days. */
async function seed(dir: string, n: number, now: number): Promise<void> {
  const sessions = history(n, now, 85, () => ({ person: "anna" }));
  await writeFile(join(dir, LEDGER_FILE), JSON.stringify({ format: "biolight-ledger/1", sessions, caution: null, seenAt: now - DAY }));
}

interface Run {
  n: number;
  dir: string;
  ledger: Ledger;
  ms: number[];
  appended: number;
}

export async function benchLedger(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const runs: Run[] = [];
  try {
    for (const n of HISTORY) {
      const dir = await mkdtemp(join(tmpdir(), "biolight-bench-ledger-"));
      await seed(dir, n, Date.now());
      const ledger = await Ledger.open(dir);
      runs.push({ n, dir, ledger, ms: [], appended: 0 });
      await ledger.acknowledgeCaution(1, "bench"); // the first change: the format-2 snapshot
    }
    // The sizes take turns, so the disk's moods fall on all of them alike.
    for (let i = 0; i < STARTS; i++)
      for (const run of runs) {
        const id = `b${String(i).padStart(6, "0")}`;
        const journal = join(run.dir, JOURNAL_FILE);
        const before = await stat(journal).then(
          (s) => s.size,
          () => 0,
        );
        const t0 = performance.now();
        await run.ledger.begin(session(id, Math.round(run.ledger.time.now())));
        await run.ledger.finish(id, Math.round(run.ledger.time.now()), 600, "completed");
        run.ms.push(performance.now() - t0);
        const after = (await stat(journal)).size;
        if (after > before) run.appended = after - before;
      }
    for (const { n, dir, ledger, ms, appended } of runs) {
      out[`start_ms_median_${n}`] = median(ms);
      out[`start_ms_p95_${n}`] = percentile(ms, 95);
      out[`start_ms_mean_${n} (compactions included)`] = round(ms.reduce((a, b) => a + b, 0) / ms.length);
      out[`start_ms_max_${n}`] = round(Math.max(...ms));
      out[`start_bytes_appended_${n}`] = appended;
      // One compaction on its own: what every start cost before the journal (a whole-file rewrite).
      await ledger.begin(session("last", Math.round(ledger.time.now())));
      const t0 = performance.now();
      await ledger.compact();
      out[`compaction_ms_${n} (${Math.round((await stat(join(dir, LEDGER_FILE))).size / 1024)} KiB after the run)`] = round(
        performance.now() - t0,
      );
    }
  } finally {
    await Promise.all(runs.map((r) => rm(r.dir, { recursive: true, force: true })));
  }
  const [first, last] = [runs[0], runs[runs.length - 1]];
  out[`start_median_ratio_${last.n}_vs_${first.n} (target <= 1.5)`] = round(median(last.ms) / median(first.ms));
  out[`start_p95_ratio_${last.n}_vs_${first.n}`] = round(percentile(last.ms, 95) / percentile(first.ms, 95));
  out.starts_per_size = STARTS;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  printTable("dose ledger: start latency by history (begin + finish, fsynced)", await benchLedger());
