/**
 * The configs in examples/ are the ones the docs point people at: each must pass the config schema
 * as it is today, and every one the docs name must exist. The docs' npm commands must exist too.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { type ConfigError, loadConfig } from "../../matter-bridge/config/load.js";
import { LEDGER_FORMAT } from "../../matter-bridge/dose/ledger/load.js";

const examples = readdirSync("examples").filter((f) => f.endsWith(".json"));
const docs = ["README.md", ...(existsSync("docs") ? readdirSync("docs").map((f) => join("docs", f)) : [])].filter((f) => f.endsWith(".md"));
const read = (f: string) => readFileSync(f, "utf8");

/** What the docs give as code: fenced blocks and `inline` spans. */
const codeOf = (text: string) => [...text.matchAll(/```[a-z]*\n([\s\S]*?)```|`([^`\n]+)`/g)].map((m) => m[1] ?? m[2]);

/** npm's own commands the docs may use (anything else must be one of package.json's scripts). */
const NPM_BUILTINS = new Set(["ci", "install", "ls", "exec", "pkg", "view", "uninstall", "update", "outdated", "config"]);

describe("examples/", () => {
  it("holds the configs the docs refer to", () => {
    expect(examples).toEqual(expect.arrayContaining(["try.json", "shelly.json", "two-people.json", "cloud.json"]));
    const named = new Set(docs.flatMap((f) => [...read(f).matchAll(/examples\/([\w-]+\.json)/g)].map((m) => m[1])));
    expect(named.size).toBeGreaterThan(0);
    for (const name of named) expect(examples).toContain(name);
  });

  it.each(examples)("%s passes the config schema", async (name) => {
    await expect(loadConfig(join("examples", name)).catch((err: ConfigError) => err.message)).resolves.toMatchObject({
      panels: expect.any(Array),
    });
  });

  it("the try-it config is marked as not for real use and never drives a real relay", async () => {
    const config = await loadConfig("examples/try.json");
    expect(config.panels.map((p) => p.driver.kind)).toEqual(["simulated"]);
    for (const p of config.panels) expect(p.name).toMatch(/not for real use/);
    expect(config.people.map((p) => p.id)).toEqual(["anna", "ben"]);
    expect(config.panels[0].regionSwitches).toBe(true);
    // Short enough that trying it locks nothing for long: a region rests a minute, not 12 hours.
    expect(config.dose.minRestSameRegionSeconds).toBeLessThanOrEqual(60);
    expect(config.dose.maxSessionSeconds).toBeLessThanOrEqual(120);
    expect(read("examples/README.md")).toMatch(/try\.json.*not for real use/);
  });
});

describe("the docs' npm commands", () => {
  const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
  const commands = docs.flatMap((f) =>
    codeOf(read(f)).flatMap((code) =>
      [...code.matchAll(/\bnpm (run )?([a-z][\w:-]*)/g)].map((m) => ({ file: f, run: Boolean(m[1]), name: m[2] })),
    ),
  );

  it("finds the commands in README.md and docs/", () => {
    expect(commands.filter((c) => c.run).length).toBeGreaterThan(10);
    expect(commands).toEqual(expect.arrayContaining([expect.objectContaining({ name: "try", run: true })]));
  });

  it("every `npm run X`, `npm start` and `npm test` the docs give is a script in package.json", () => {
    const missing = commands
      .filter((c) => (c.run ? !(c.name in scripts) : !NPM_BUILTINS.has(c.name) && !(c.name in scripts)))
      .map((c) => `${c.file}: npm ${c.run ? "run " : ""}${c.name}`);
    expect(missing).toEqual([]);
  });
});

describe("CHANGELOG.md", () => {
  it("its newest version is the one the bridge reports, and it notes the ledger's format", () => {
    const changelog = read("CHANGELOG.md");
    const newest = /^## (\d+\.\d+\.\d+)/m.exec(changelog)?.[1];
    expect(newest).toBe(JSON.parse(read("package.json")).version);
    expect(changelog).toContain(`"format": "${LEDGER_FORMAT}"`);
  });
});
