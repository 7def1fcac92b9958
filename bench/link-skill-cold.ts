/**
 * A cold skill through the link: the built Lambda bundle (BRIDGE_LINK=mqtt) in a fresh process:
 * `require`, then its first LaunchRequest, which opens the link (connect, subscribe) and asks the
 * bridge. Against, taking turns, the floor (link-floor-skill.ts: hello-world + a bare MQTT.js connect
 * + one round trip to the same bridge through the same broker) and hello-world alone, bundled with
 * the same esbuild settings. Each way in (the broker's WebSocket listener the skill uses, its plain
 * MQTT listener, and direct HTTP against floor-skill.ts) is measured in turn with the others.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { launchRequest } from "../test/helpers/envelopes.js";
import { bundleAnchor, COLD_CHILD, USER_DATA } from "./skill-cold.js";
import { median } from "./stats.js";
import { USER_FILE } from "./user-read.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

type Cold = { load: number; first: number };
/** How the skill reaches the bridge: the skill's environment for it. */
export type Way = { link: "mqtt"; url: string; thing: string } | { link: "http"; url: string; token: string };
export type LinkColdNumbers<W extends string> = Record<W, { skill: Cold; floor: Cold }> & { hello: Cold };

const wayEnv = (way: Way): Record<string, string> =>
  way.link === "mqtt"
    ? { BRIDGE_LINK: "mqtt", MQTT_URL: way.url, BRIDGE_THING: way.thing }
    : { BRIDGE_LINK: "http", BRIDGE_URL: way.url, BRIDGE_TOKEN: way.token };

export async function benchLinkSkillCold<W extends string>(ways: Record<W, Way>, rounds: number): Promise<LinkColdNumbers<W>> {
  await run(process.execPath, [join(root, "scripts/build-lambda.mjs")], { cwd: root });
  const dir = await mkdtemp(join(tmpdir(), "biolight-bench-link-cold-"));
  try {
    const floors = {
      mqtt: await bundleAnchor("link-floor-skill.ts", join(dir, "link-floor")),
      http: await bundleAnchor("floor-skill.ts", join(dir, "floor")),
    };
    const skill = join(root, "dist/lambda/index.js");
    const hello = await bundleAnchor("hello-skill.ts", join(dir, "hello"));
    await mkdir(join(dir, "data"));
    await writeFile(join(dir, "data", USER_FILE), JSON.stringify(USER_DATA));
    const names = Object.keys(ways) as W[];
    const kinds = [
      ...names.flatMap((w) => [
        { name: `${w} skill`, bundle: skill, env: wayEnv(ways[w]) },
        { name: `${w} floor`, bundle: floors[ways[w].link], env: wayEnv(ways[w]) },
      ]),
      { name: "hello", bundle: hello, env: {} },
    ];
    const event = JSON.stringify(launchRequest({ userId: "amzn1.ask.account.BENCH" }));
    const runs = new Map<string, Cold[]>(kinds.map((k) => [k.name, []]));
    for (let i = 0; i < rounds; i++)
      for (let j = 0; j < kinds.length; j++) {
        const kind = kinds[(i + j) % kinds.length];
        const env = { PATH: process.env.PATH ?? "", SKILL_DATA_DIR: join(dir, "data"), ...kind.env };
        const out = await run(process.execPath, ["-e", COLD_CHILD, kind.bundle, event], { env, cwd: dir, timeout: 30_000 });
        const result = JSON.parse(out.stdout);
        // A launch that could not reach the bridge is quick and wrong: not a sample.
        if (/couldn't reach|offline/.test(result.said ?? ""))
          throw new Error(`${kind.name}: the launch did not reach the bridge: ${result.said}`);
        runs.get(kind.name)!.push(result);
      }
    const med = (name: string): Cold => {
      const xs = runs.get(name)!;
      return { load: median(xs.map((x) => x.load)), first: median(xs.map((x) => x.first)) };
    };
    const byWay = Object.fromEntries(names.map((w) => [w, { skill: med(`${w} skill`), floor: med(`${w} floor`) }]));
    return { ...byWay, hello: med("hello") } as LinkColdNumbers<W>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
