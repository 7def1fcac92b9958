/** The skill sees only the contract: the repo's lint refuses any other import from the bridge in lambda/. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";

const ROOT = resolve(import.meta.dirname, "../..");
const BIOME = resolve(ROOT, "node_modules/.bin/biome");
// A scratch tree with the repo's biome.json, so probes never touch the source tree.
const scratch = mkdtempSync(join(tmpdir(), "biolight-lint-"));
copyFileSync(join(ROOT, "biome.json"), join(scratch, "biome.json"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lints `source` as the file at `path` (relative to the repo root). */
function lint(path: string, source: string) {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const out = spawnSync(BIOME, ["lint", path], { cwd: scratch, encoding: "utf8" });
  rmSync(file);
  return { ok: out.status === 0, output: `${out.stdout}${out.stderr}` };
}

describe("module boundaries", () => {
  it("lambda/ may import the contract", () => {
    expect(
      lint("lambda/probe.ts", 'import { REGIONS } from "../matter-bridge/contract/index.js";\nexport const r = REGIONS;\n'),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ["lambda/probe.ts", "../matter-bridge/dose/ledger.js"],
    ["lambda/probe.ts", "../matter-bridge/config/load.js"],
    ["lambda/handlers/probe.ts", "../../matter-bridge/sessions/controller.js"],
    ["lambda/handlers/probe.ts", "../../matter-bridge/dashboard/serve.js"],
  ])("%s may not import %s", (path, from) => {
    const result = lint(path, `import * as m from "${from}";\nexport const x = m;\n`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain("The skill sees only the contract");
  });

  it("the bridge itself may import its own modules", () => {
    expect(lint("matter-bridge/api/probe.ts", 'import * as m from "../dose/ledger.js";\nexport const x = m;\n').ok).toBe(true);
  });
});
