/**
 * Matter On → driver: a real matter.js controller commissions the compiled bridge over UDP on loopback
 * and sends On; the time until the bridge's simulated panel reports switching on (its log line) is
 * one sample. Off follows each On, then the next On.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commission, connect, onOffClient, startController } from "../test/helpers/matter-controller.js";
import { freeUdpPort } from "../test/helpers/ports.js";
import { BRIDGE_READY, bridgeConfig } from "./bridge-start.js";
import { sleep, startUntilReady } from "./processes.js";
import { median, percentile } from "./stats.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const ON = /ON for \d+ s/;
const OFF = /OFF \(simulated\)/;

export async function benchMatterOn(samples: number): Promise<{ p50: number; p99: number; refused: number }> {
  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-on-"));
  const storage = join(dir, "bridge");
  // Limits that let one region have a session every few milliseconds.
  const config = await bridgeConfig(dir, 1, {
    minRestSameRegionSeconds: 0,
    maxSessionsPerRegionPer7d: 100_000,
    maxOnSecondsPer24h: 86_400,
  });
  const port = await freeUdpPort();
  const args = ["dist/bridge/main.js", "--storage", storage, "--config", config, "--matter-port", String(port), "--api-port", "0"];
  const bridge = await startUntilReady([...args, "--acknowledge-caution"], BRIDGE_READY, root);
  const controller = await startController(join(dir, "controller"), "bench-controller");
  const times: number[] = [];
  let refused = 0;
  try {
    const { passcode, discriminator } = JSON.parse(await readFile(join(storage, "pairing.json"), "utf8"));
    const { nodeId } = await commission(controller, port, passcode, discriminator);
    const onOff = onOffClient(await connect(controller, nodeId));
    for (let i = 0; i < samples + 3; i++) {
      const switchedOn = bridge.next(ON, 5000);
      const sent = performance.now();
      try {
        await onOff.on();
      } catch {
        refused++;
        switchedOn.catch(() => {});
        await sleep(200);
        continue;
      }
      const at = await switchedOn;
      if (i >= 3) times.push(at - sent); // the first few warm up the controller's session
      const switchedOff = bridge.next(OFF, 5000);
      await onOff.off();
      await switchedOff;
      await sleep(30);
    }
  } finally {
    await controller.close();
    await bridge.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return { p50: median(times), p99: percentile(times, 99), refused };
}
