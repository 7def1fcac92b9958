/**
 * The compiled bridge for the link benches, as production runs it: with a `cloud` section connected
 * over mutual TLS to the local broker (test/helpers/mosquitto.ts playing IoT Core), or the same
 * config without it. Each start gets a fresh storage folder under `dir`.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudSection } from "../test/helpers/cloud-link.js";
import type { Broker, ThingCredentials } from "../test/helpers/mosquitto.js";
import { freeUdpPort } from "../test/helpers/ports.js";
import { BRIDGE_READY } from "./bridge-start.js";
import { type Started, startUntilReady } from "./processes.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const API = /API (http:\/\/[\d.:]+)\)/;
const CONNECTED = /Cloud link connected/;

export interface BenchBridge extends Started {
  url: string;
  token: string;
}

/** Starts the bridge; with `link`, resolves once its link to `broker` is connected as `creds`'s thing. */
export async function startBenchBridge(dir: string, broker: Broker, creds: ThingCredentials, link: boolean): Promise<BenchBridge> {
  const storage = await mkdtemp(join(dir, link ? "linked-" : "unlinked-"));
  const config = `${storage}.json`;
  const panels = [{ id: "panel-1", name: "Panel 1", driver: { kind: "simulated" } }];
  await writeFile(config, JSON.stringify({ panels, ...(link ? { cloud: await cloudSection(broker, creds, storage) } : {}) }));
  const port = String(await freeUdpPort());
  const args = ["dist/bridge/main.js", "--storage", storage, "--config", config, "--matter-port", port, "--api-port", "0"];
  const bridge = await startUntilReady([...args, "--acknowledge-caution"], BRIDGE_READY, root);
  try {
    if (link && !CONNECTED.test(bridge.output())) await bridge.next(CONNECTED, 15_000);
    const url = API.exec(bridge.output())?.[1];
    if (!url) throw new Error(`no API URL in the bridge's output:\n${bridge.output()}`);
    return { ...bridge, url, token: (await readFile(join(storage, "api-token"), "utf8")).trim() };
  } catch (err) {
    await bridge.stop();
    throw err;
  }
}
