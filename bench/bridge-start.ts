/**
 * The compiled bridge against the stock matter.js bridge (bench/stock-bridge.mjs), started in turns:
 * start → ready as each prints it, and RSS a moment after ready (not commissioned), with 1 and 16 panels.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freeUdpPort } from "../test/helpers/ports.js";
import { rssMiB, sleep, startUntilReady } from "./processes.js";
import { median } from "./stats.js";

const root = fileURLToPath(new URL("..", import.meta.url));
export const BRIDGE_READY = /bridge ready in (\d+) ms/;
const STOCK_READY = /stock bridge online in (\d+) ms/;
/** RSS is read this long after the ready line, once start-up's garbage has had a chance to go. */
const SETTLE_MS = 1500;

export async function bridgeConfig(dir: string, panels: number, dose: Record<string, number> = {}): Promise<string> {
  const path = join(dir, `bridge-${panels}.json`);
  const list = Array.from({ length: panels }, (_, i) => ({ id: `panel-${i + 1}`, name: `Panel ${i + 1}`, driver: { kind: "simulated" } }));
  await writeFile(path, JSON.stringify({ panels: list, dose }));
  return path;
}

async function once(kind: "bridge" | "stock", panels: number, dir: string) {
  const storage = await mkdtemp(join(dir, `${kind}-`));
  const port = String(await freeUdpPort());
  const args =
    kind === "bridge"
      ? ["dist/bridge/main.js", "--storage", storage, "--config", await bridgeConfig(dir, panels), "--matter-port", port, "--api-port", "0"]
      : ["bench/stock-bridge.mjs", String(panels), storage, port];
  const p = await startUntilReady(args, kind === "bridge" ? BRIDGE_READY : STOCK_READY, root);
  try {
    await sleep(SETTLE_MS);
    return { readyMs: p.readyMs, rss: rssMiB(p.child.pid!) };
  } finally {
    await p.stop();
  }
}

export type StartNumbers = Record<"bridge" | "stock", Record<1 | 16, { readyMs: number; rss: number }>>;

export async function benchStart(rounds: number): Promise<StartNumbers> {
  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-start-"));
  const runs = { bridge: { 1: [], 16: [] }, stock: { 1: [], 16: [] } } as Record<
    "bridge" | "stock",
    Record<1 | 16, Array<{ readyMs: number; rss: number }>>
  >;
  try {
    for (let i = 0; i < rounds; i++)
      // Alternate which goes first, so neither always runs on a machine the other just warmed.
      for (const panels of [1, 16] as const)
        for (const kind of i % 2 ? (["stock", "bridge"] as const) : (["bridge", "stock"] as const))
          runs[kind][panels].push(await once(kind, panels, dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const med = (xs: Array<{ readyMs: number; rss: number }>) => ({
    readyMs: median(xs.map((x) => x.readyMs)),
    rss: median(xs.map((x) => x.rss)),
  });
  return {
    bridge: { 1: med(runs.bridge[1]), 16: med(runs.bridge[16]) },
    stock: { 1: med(runs.stock[1]), 16: med(runs.stock[16]) },
  };
}
