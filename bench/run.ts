/**
 * `npm run bench`: the side-by-side table against anchors run in this same script (a stock matter.js
 * bridge, a hello-world skill), the cloud link's table (against direct HTTP, a floor and the bridge
 * without the link), then the dose guard's and the skill's own numbers. Nothing is asserted.
 * `npm run bench -- link` (or `anchors`, `numbers`) runs only those; BENCH_ROUNDS (default 5) sets
 * how many times each process is started.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchStart } from "./bridge-start.js";
import { benchDose } from "./dose.js";
import { benchLambda } from "./lambda.js";
import { benchLedger } from "./ledger.js";
import { benchLink, printLink } from "./link.js";
import { benchMatterOn } from "./matter-on.js";
import { benchSkillCold } from "./skill-cold.js";
import { benchStartLatency } from "./start-latency.js";
import { printTable } from "./stats.js";
import { printComparison } from "./table.js";

const GROUPS = ["anchors", "link", "numbers", "households"];
const asked = process.argv.slice(2);
const unknown = asked.filter((g) => !GROUPS.includes(g));
if (unknown.length) {
  console.error(`npm run bench: no group ${unknown.join(", ")}; the groups are ${GROUPS.join(", ")} (none: all of them).`);
  process.exit(2);
}
const wanted = (group: string) => (asked.length === 0 && group !== "households") || asked.includes(group);

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const root = fileURLToPath(new URL("..", import.meta.url));
const ratio = (limit: number) => ({ kind: "ratio" as const, limit });
if (wanted("anchors") || wanted("link")) execFileSync(process.execPath, ["scripts/build-bridge.mjs"], { cwd: root, stdio: "inherit" });

if (wanted("anchors")) await anchors();
if (wanted("link")) printLink(await benchLink(rounds));
if (wanted("numbers")) await numbers();
// The 1,000-household scale run is asked for by name only (`npm run bench -- households`): it is long.
if (asked.includes("households")) {
  console.log(await (await import("./households.js")).benchHouseholds());
  process.exit(0);
}

async function anchors() {
  const start = await benchStart(rounds);
  const on = await benchMatterOn(60);
  const cold = await benchSkillCold(rounds + 2);

  printComparison(`medians of ${rounds} starts each, taking turns; the anchors run in this same script`, [
    { measure: "start → ready, 1 panel (ms)", project: start.bridge[1].readyMs, anchor: start.stock[1].readyMs, target: ratio(1.0) },
    { measure: "start → ready, 16 panels (ms)", project: start.bridge[16].readyMs, anchor: start.stock[16].readyMs, target: ratio(1.0) },
    { measure: "RSS after start, 1 panel (MiB)", project: start.bridge[1].rss, anchor: start.stock[1].rss, target: ratio(1.0) },
    { measure: "RSS after start, 16 panels (MiB)", project: start.bridge[16].rss, anchor: start.stock[16].rss, target: ratio(1.05) },
    {
      measure: `Matter On → driver p99 (ms; p50 ${Math.round(on.p50)}${on.refused ? `, ${on.refused} refused` : ""})`,
      project: on.p99,
      target: { kind: "absolute", limit: 30, unit: "ms" },
    },
    { measure: "skill bundle: cold load (ms)", project: cold.skill.load, anchor: cold.hello.load, target: ratio(2) },
    {
      measure: "skill bundle: load + first LaunchRequest (ms)",
      project: cold.skill.first,
      anchor: cold.hello.first,
      target: { kind: "absolute", limit: 15, unit: "ms" },
    },
    // The floors (printed against the same 15 ms): the least any launch costs, even one that never
    // asks the bridge (read-floor-skill.ts), and the least a launch that asks who lives there costs (floor-skill.ts).
    {
      measure: "floor: hello-world + 1 user-data read (ms)",
      project: cold.readFloor.first,
      anchor: cold.hello.first,
      target: { kind: "absolute", limit: 15, unit: "ms" },
    },
    {
      measure: "floor: hello-world + 1 user-data read + GET /v1/people (ms)",
      project: cold.floor.first,
      anchor: cold.hello.first,
      target: { kind: "absolute", limit: 15, unit: "ms" },
    },
    // What the skill itself adds to that floor (for reading; no target of its own).
    { measure: "skill bundle: load + first LaunchRequest vs the floor (ms)", project: cold.skill.first, anchor: cold.floor.first },
  ]);
  console.log(
    "\nbiolight: the compiled bridge (dist/bridge/main.js), simulated panels; anchor: bench/stock-bridge.mjs (plain JS, on/off plugs)." +
      "\nRSS is read 1.5 s after the ready line, not commissioned. The skill's anchors are bench/hello-skill.ts, read-floor-skill.ts and floor-skill.ts, bundled the same way.",
  );
}

async function numbers() {
  const suites: Array<[string, () => Promise<Record<string, number>>]> = [
    ["dose guard", benchDose],
    ["dose ledger: start latency by history (begin + finish, fsynced)", benchLedger],
    ["session start (policy + ledger + relay) by history", benchStartLatency],
    ["skill Lambda bundle", benchLambda],
  ];
  for (const [name, run] of suites) printTable(name, await run());
}
