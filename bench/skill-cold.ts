/**
 * The skill's cold start against a hello-world ask-sdk skill (bench/hello-skill.ts) and the floor
 * (bench/floor-skill.ts: hello-world plus the launch's one bridge request and one file read), all
 * bundled with the same esbuild settings: `require` of the bundle and the first LaunchRequest, each
 * in a fresh Node process as Lambda does, taking turns. They talk to a real bridge API on loopback.
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

const KINDS = ["skill", "hello", "floor"] as const;
type Kind = (typeof KINDS)[number];
export type ColdNumbers = Record<Kind, { load: number; first: number }>;

export async function benchSkillCold(rounds: number): Promise<ColdNumbers> {
  await run(process.execPath, [join(root, "scripts/build-lambda.mjs")], { cwd: root });
  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-cold-"));
  const bridge = await startControlBridge({ acknowledged: true });
  try {
    const bundles: Record<Kind, string> = {
      skill: join(root, "dist/lambda/index.js"),
      hello: join(dir, "hello/index.js"),
      floor: join(dir, "floor/index.js"),
    };
    for (const kind of ["hello", "floor"] as const) {
      await build({ ...LAMBDA_ESBUILD, entryPoints: [join(root, `bench/${kind}-skill.ts`)], outfile: bundles[kind] });
      await writeFile(join(dir, kind, "package.json"), '{"type":"commonjs"}\n');
    }
    const event = JSON.stringify(launchRequest({ userId: "amzn1.ask.account.BENCH" }));
    const env = { PATH: process.env.PATH ?? "", BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: join(dir, "data") };
    const runs = Object.fromEntries(KINDS.map((k) => [k, [] as Array<{ load: number; first: number }>])) as Record<
      Kind,
      Array<{ load: number; first: number }>
    >;
    // Taking turns, each round starting with the next kind.
    for (let i = 0; i < rounds; i++)
      for (let j = 0; j < KINDS.length; j++) {
        const kind = KINDS[(i + j) % KINDS.length];
        runs[kind].push(JSON.parse((await run(process.execPath, ["-e", CHILD, bundles[kind], event], { env, cwd: dir })).stdout));
      }
    const med = (xs: Array<{ load: number; first: number }>) => ({
      load: median(xs.map((x) => x.load)),
      first: median(xs.map((x) => x.first)),
    });
    return { skill: med(runs.skill), hello: med(runs.hello), floor: med(runs.floor) };
  } finally {
    await bridge.close();
    await rm(dir, { recursive: true, force: true });
  }
}
