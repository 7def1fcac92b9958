/**
 * A TypeScript helper script run as child processes, bundled once per test file into plain
 * JavaScript: each child then starts in node alone, without a TypeScript loader (tsx costs about
 * 0.3 s of CPU per process, which adds up on a busy two-core machine).
 */
import { join, resolve } from "node:path";
import { beforeAll } from "@jest/globals";
import { tempDirs } from "./temp-dirs.js";

const ROOT = resolve(import.meta.dirname, "../..");
const tempDir = tempDirs("biolight-child-script-");

/** Bundles `entry` (a path from the repository's root) before the file's tests; answers the bundle's path. */
export function childScript(entry: string): () => string {
  let path: string | undefined;
  beforeAll(async () => {
    const { build } = await import("esbuild");
    const out = join(await tempDir(), "script.mjs");
    await build({ entryPoints: [join(ROOT, entry)], outfile: out, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
    path = out;
  });
  return () => {
    if (!path) throw new Error(`${entry} is bundled before the tests (call childScript at the top of the file)`);
    return path;
  };
}
