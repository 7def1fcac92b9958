/**
 * The skill's Lambda bundle: size, cold start (module load + first request, in a fresh Node
 * process as Lambda does) and warm per-request time, against a real bridge on loopback.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startControlBridge } from "../test/helpers/control-bridge.js";
import { intentRequest, launchRequest } from "../test/helpers/envelopes.js";
import { median, percentile } from "./stats.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = join(root, "dist/lambda/index.js");
/** For scale: a minimal ask-sdk-core hello skill, bundled the same way, is about 94 KiB. */
const HELLO_SKILL_KIB = 94;

const CHILD = `
const t0 = performance.now();
const { handler } = require(${JSON.stringify(bundle)});
const loaded = performance.now();
const [launch, dose, warmN] = JSON.parse(process.argv[1]);
(async () => {
  await handler(launch, {});
  const firstLaunch = performance.now();
  await handler(dose, {});
  const firstDose = performance.now();
  const warmLaunch = [], warmDose = [];
  for (let i = 0; i < warmN; i++) {
    let s = performance.now(); await handler(launch, {}); warmLaunch.push(performance.now() - s);
    s = performance.now(); await handler(dose, {}); warmDose.push(performance.now() - s);
  }
  process.stdout.write(JSON.stringify({ load: loaded - t0, firstLaunch: firstLaunch - loaded, firstDose: firstDose - firstLaunch, warmLaunch, warmDose, rss: process.memoryUsage().rss }));
})();`;

export async function benchLambda(): Promise<Record<string, number>> {
  await run(process.execPath, [join(root, "scripts/build-lambda.mjs")], { cwd: root });
  const bridge = await startControlBridge({ acknowledged: true });
  const dataDir = await mkdtemp(join(tmpdir(), "biolight-bench-skill-"));
  try {
    const userId = "amzn1.ask.account.BENCH";
    const events = [launchRequest({ userId }), intentRequest("DoseStatusIntent", {}, { userId }), 300];
    const env = { PATH: process.env.PATH ?? "", BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: dataDir };
    const runs = [];
    for (let i = 0; i < 5; i++)
      runs.push(JSON.parse((await run(process.execPath, ["-e", CHILD, JSON.stringify(events)], { env, cwd: dataDir })).stdout));
    const warmLaunch = runs.flatMap((r) => r.warmLaunch);
    const warmDose = runs.flatMap((r) => r.warmDose);
    const bundleKiB = (await stat(bundle)).size / 1024;
    return {
      "bundle index.js (KiB)": bundleKiB,
      "bundle vs minimal hello skill (ratio)": bundleKiB / HELLO_SKILL_KIB,
      "lambda.zip (KiB)": (await stat(join(root, "dist/lambda.zip"))).size / 1024,
      "cold: module load, median of 5 (ms)": median(runs.map((r) => r.load)),
      "cold: first request (launch) (ms)": median(runs.map((r) => r.firstLaunch)),
      "cold: first bridge request (dose status) (ms)": median(runs.map((r) => r.firstDose)),
      "cold: load + first request (ms)": median(runs.map((r) => r.load + r.firstLaunch)),
      "warm launch median (ms)": median(warmLaunch),
      "warm launch p95 (ms)": percentile(warmLaunch, 95),
      "warm dose status via bridge median (ms)": median(warmDose),
      "warm dose status via bridge p95 (ms)": percentile(warmDose, 95),
      "process RSS after 600 requests (MiB)": median(runs.map((r) => r.rss)) / 1048576,
    };
  } finally {
    await bridge.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
