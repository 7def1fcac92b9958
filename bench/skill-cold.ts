/**
 * The skill's cold start against a hello-world ask-sdk skill (bench/hello-skill.ts) bundled with the
 * same esbuild settings: `require` of the bundle and the first LaunchRequest, each in a fresh Node
 * process as Lambda does, taking turns. The skill talks to a real bridge API on loopback.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { LAMBDA_ESBUILD } from "../scripts/lambda-esbuild.mjs";
import { startControlBridge } from "../test/helpers/control-bridge.js";
import { launchRequest } from "../test/helpers/envelopes.js";
import { median } from "./stats.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

const CHILD = `
const t0 = performance.now();
const { handler } = require(process.argv[1]);
const loaded = performance.now();
handler(JSON.parse(process.argv[2]), {}).then((r) => {
  if (!r.response) throw new Error("no response");
  process.stdout.write(JSON.stringify({ load: loaded - t0, first: performance.now() - t0 }));
});`;

export type ColdNumbers = Record<"skill" | "hello", { load: number; first: number }>;

export async function benchSkillCold(rounds: number): Promise<ColdNumbers> {
  await run(process.execPath, [join(root, "scripts/build-lambda.mjs")], { cwd: root });
  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-cold-"));
  const bridge = await startControlBridge({ acknowledged: true });
  try {
    await build({ ...LAMBDA_ESBUILD, entryPoints: [join(root, "bench/hello-skill.ts")], outfile: join(dir, "hello/index.js") });
    await writeFile(join(dir, "hello/package.json"), '{"type":"commonjs"}\n');
    const bundles = { skill: join(root, "dist/lambda/index.js"), hello: join(dir, "hello/index.js") };
    const event = JSON.stringify(launchRequest({ userId: "amzn1.ask.account.BENCH" }));
    const env = { PATH: process.env.PATH ?? "", BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: join(dir, "data") };
    const runs = { skill: [] as Array<{ load: number; first: number }>, hello: [] as Array<{ load: number; first: number }> };
    for (let i = 0; i < rounds; i++)
      for (const kind of i % 2 ? (["hello", "skill"] as const) : (["skill", "hello"] as const))
        runs[kind].push(JSON.parse((await run(process.execPath, ["-e", CHILD, bundles[kind], event], { env, cwd: dir })).stdout));
    const med = (xs: Array<{ load: number; first: number }>) => ({
      load: median(xs.map((x) => x.load)),
      first: median(xs.map((x) => x.first)),
    });
    return { skill: med(runs.skill), hello: med(runs.hello) };
  } finally {
    await bridge.close();
    await rm(dir, { recursive: true, force: true });
  }
}
