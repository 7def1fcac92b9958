/**
 * The bridge's production install (`npm ci --omit=dev --workspaces=false`, docs/service.md) holds only what
 * the bridge runs on: read from package-lock.json, as npm ci does, so no network is needed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const lock: { packages: Record<string, LockEntry> } = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));

/** Where Node (and npm) find `name` from the package at `from`: the nearest node_modules up the tree. */
function locate(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dir.includes("/node_modules/") ? dir.slice(0, dir.lastIndexOf("/node_modules/")) : "") {
    const path = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[path]) return path;
    if (!dir) return undefined;
  }
}

/** Every package reachable from the root package's `dependencies` (the workspaces left out). */
function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    const entry = lock.packages[path];
    const peers = Object.keys(entry.peerDependencies ?? {}).filter((n) => !entry.peerDependenciesMeta?.[n]?.optional);
    for (const name of [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...peers]) {
      const found = locate(name, path);
      if (!found) {
        if (entry.optionalDependencies?.[name] || entry.peerDependencies?.[name]) continue;
        throw new Error(`${name} (needed by ${path || "the root"}) is not in package-lock.json`);
      }
      if (!seen.has(found)) {
        seen.add(found);
        visit(found);
      }
    }
  };
  visit("");
  return seen;
}

const FORBIDDEN = [
  /^@aws-sdk\//,
  /^@smithy\//,
  /^aws-sdk$/,
  /^ask-sdk/,
  /^express$/,
  /^biolight-skill$/,
  /^tsx$/,
  /^esbuild$/,
  /^@esbuild\//,
  /^typescript$/,
  /^jest/,
  /^@jest\//,
  /^ts-jest$/,
  /^@biomejs\//,
  /^playwright/,
  /^virtual-alexa$/,
  /^dynalite$/,
  /^@project-chip\//,
];

describe("the bridge's production install", () => {
  const names = [...productionClosure()].map((path) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));

  it("is matter.js, zod and MQTT.js (the cloud link) with what they need, and nothing of the skill, the build or the tests", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@matter/main", "mqtt", "zod"]);
    expect(names).toEqual(expect.arrayContaining(["@matter/main", "@matter/nodejs", "mqtt", "zod"]));
    expect(names.filter((n) => FORBIDDEN.some((re) => re.test(n)))).toEqual([]);
  });

  it("is what npm ci --omit=dev keeps: no package in it is marked dev-only in the lockfile", () => {
    expect([...productionClosure()].filter((path) => lock.packages[path].dev)).toEqual([]);
  });

  it("leaves the skill's packages to the lambda/ workspace, which the Lambda build bundles", () => {
    expect(pkg.workspaces).toEqual(["lambda"]);
    const skill = JSON.parse(readFileSync("lambda/package.json", "utf8"));
    expect(Object.keys(skill.dependencies)).toEqual(expect.arrayContaining(["ask-sdk-core", "@aws-sdk/lib-dynamodb", "express", "zod"]));
    expect(lock.packages["node_modules/biolight-skill"]).toMatchObject({ link: true });
    for (const tool of ["tsx", "esbuild", "typescript"]) expect(Object.keys(pkg.devDependencies)).toContain(tool);
  });

  it("runs the compiled bridge: start, the bin and systemd use dist/bridge/main.js with plain node", () => {
    expect(pkg.scripts.start).toBe("exec node dist/bridge/main.js");
    expect(pkg.scripts.prestart).toBe("node scripts/build-bridge.mjs --if-stale");
    expect(readFileSync(pkg.bin["biolight-bridge"], "utf8")).toMatch(/dist\/bridge\/main\.js/);
    expect(readFileSync(pkg.bin["biolight-bridge"], "utf8")).not.toMatch(/tsx/);
  });
});
