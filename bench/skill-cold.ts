/**
 * The skill's cold start against a hello-world ask-sdk skill (bench/hello-skill.ts) and two floors
 * (bench/read-floor-skill.ts: hello-world plus the read of the user's data that any launch makes;
 * bench/floor-skill.ts: that plus the launch's one bridge request), all bundled with the same esbuild
 * settings: `require` of the bundle and the first LaunchRequest, each
 * in a fresh Node process as Lambda does, taking turns. They talk to a real bridge API on loopback.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { LAMBDA_ESBUILD } from "../scripts/lambda-esbuild.mjs";
import { startControlBridge } from "../test/helpers/control-bridge.js";
import { launchRequest } from "../test/helpers/envelopes.js";
import { median } from "./stats.js";
import { USER_FILE } from "./user-read.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

/** A fresh process: `require` of the bundle and its first event; it exits itself (a skill's MQTT link would keep it alive). */
export const COLD_CHILD = `
const t0 = performance.now();
const { handler } = require(process.argv[1]);
const loaded = performance.now();
handler(JSON.parse(process.argv[2]), {}).then((r) => {
  if (!r.response) throw new Error("no response");
  const said = r.response.outputSpeech && r.response.outputSpeech.ssml;
  process.stdout.write(JSON.stringify({ load: loaded - t0, first: performance.now() - t0, said }), () => process.exit(0));
});`;

/** Bundles bench/`entry` as the skill's Lambda bundle is built, into `dir`/index.js (CommonJS, as Lambda loads it). */
export async function bundleAnchor(entry: string, dir: string): Promise<string> {
  const outfile = join(dir, "index.js");
  await build({ ...LAMBDA_ESBUILD, entryPoints: [join(root, "bench", entry)], outfile });
  await writeFile(join(dir, "package.json"), '{"type":"commonjs"}\n');
  return outfile;
}

const KINDS = ["skill", "hello", "readFloor", "floor"] as const;
const ANCHORS = { hello: "hello-skill.ts", readFloor: "read-floor-skill.ts", floor: "floor-skill.ts" } as const;
/** What the floors read: an account's data as the skill keeps it, one person who has answered the caution. */
export const USER_DATA = {
  spasms: [],
  tenderness: [],
  rom: [],
  people: { household: { caution: { version: 1, acknowledgedAt: 0 }, spasms: [], tenderness: [], rom: [] } },
  voices: {},
};
type Kind = (typeof KINDS)[number];
export type ColdNumbers = Record<Kind, { load: number; first: number }>;

export async function benchSkillCold(rounds: number): Promise<ColdNumbers> {
  await run(process.execPath, [join(root, "scripts/build-lambda.mjs")], { cwd: root });
  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-cold-"));
  const bridge = await startControlBridge({ acknowledged: true });
  try {
    const bundles = { skill: join(root, "dist/lambda/index.js") } as Record<Kind, string>;
    for (const [kind, entry] of Object.entries(ANCHORS) as Array<[keyof typeof ANCHORS, string]>)
      bundles[kind] = await bundleAnchor(entry, join(dir, kind));
    await mkdir(join(dir, "data"));
    await writeFile(join(dir, "data", USER_FILE), JSON.stringify(USER_DATA));
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
        runs[kind].push(JSON.parse((await run(process.execPath, ["-e", COLD_CHILD, bundles[kind], event], { env, cwd: dir })).stdout));
      }
    const med = (xs: Array<{ load: number; first: number }>) => ({
      load: median(xs.map((x) => x.load)),
      first: median(xs.map((x) => x.first)),
    });
    return Object.fromEntries(KINDS.map((k) => [k, med(runs[k])])) as ColdNumbers;
  } finally {
    await bridge.close();
    await rm(dir, { recursive: true, force: true });
  }
}
