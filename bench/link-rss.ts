/**
 * The compiled bridge's RSS with its cloud link connected against the same config without the
 * `cloud` section, started in turns: read a moment after ready (and, linked, after the link connected).
 */
import type { Broker, ThingCredentials } from "../test/helpers/mosquitto.js";
import { startBenchBridge } from "./linked-bridge.js";
import { rssMiB, sleep } from "./processes.js";
import { median } from "./stats.js";

/** As bench/bridge-start.ts: once start-up's garbage has had a chance to go. */
const SETTLE_MS = 1500;

export async function benchLinkRss(dir: string, broker: Broker, creds: ThingCredentials, rounds: number) {
  const rss = { linked: [] as number[], unlinked: [] as number[] };
  for (let i = 0; i < rounds; i++)
    for (const link of i % 2 ? [false, true] : [true, false]) {
      const bridge = await startBenchBridge(dir, broker, creds, link);
      try {
        await sleep(SETTLE_MS);
        rss[link ? "linked" : "unlinked"].push(rssMiB(bridge.child.pid!));
      } finally {
        await bridge.stop();
      }
    }
  return { linked: median(rss.linked), unlinked: median(rss.unlinked) };
}
