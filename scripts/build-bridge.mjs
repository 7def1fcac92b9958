// The bridge as compiled JavaScript: matter-bridge/main.ts (and matter.js, zod) bundled with esbuild to
//   dist/bridge/main.js        the entry `npm start`, systemd, the bin and Docker run with plain `node`
//   dist/bridge/chunk-*.js     what main.ts imports lazily (matter.js loads after flags, config and the lock)
//   dist/bridge/static/        the dashboard's files (dashboard/serve.ts reads them beside the bundle)
// `node scripts/build-bridge.mjs --if-stale` (npm's prestart) builds only when a source is newer than the bundle.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const BRIDGE_DIR = join(root, "dist/bridge");
export const BRIDGE_ENTRY = join(BRIDGE_DIR, "main.js");
const SOURCES = ["matter-bridge", "common", "package.json", "package-lock.json", "scripts/build-bridge.mjs"];

const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

export function bridgeIsStale() {
  if (!existsSync(BRIDGE_ENTRY)) return true;
  const built = statSync(BRIDGE_ENTRY).mtimeMs;
  return SOURCES.some((p) => newest(join(root, p)) > built);
}

export async function buildBridge() {
  const { build } = await import("esbuild");
  // Built beside and renamed into place, so a bridge starting meanwhile (or a second build) never sees half a bundle.
  const tmp = join(root, `dist/.bridge-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  try {
    await build({
      entryPoints: { main: join(root, "matter-bridge/main.ts") },
      outdir: tmp,
      bundle: true,
      splitting: true,
      platform: "node",
      target: "node20.19",
      format: "esm",
      legalComments: "none",
      // matter.js's optional sqlite stores import these statically in chunks only loaded when chosen (Node 20 has neither).
      external: ["bun:sqlite", "node:sqlite"],
      // MQTT.js's CommonJS dependencies require() Node's built-ins, which an ESM bundle has no require for.
      banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
      logLevel: "warning",
    });
    cpSync(join(root, "matter-bridge/dashboard/static"), join(tmp, "static"), { recursive: true });
    const old = `${tmp}-old`;
    if (existsSync(BRIDGE_DIR)) renameSync(BRIDGE_DIR, old);
    try {
      renameSync(tmp, BRIDGE_DIR);
    } catch (err) {
      if (!existsSync(BRIDGE_ENTRY)) throw err; // else a concurrent build put the same bundle in place first
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const esbuildInstalled = () =>
  import("esbuild").then(
    () => true,
    () => false,
  );

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const ifStale = process.argv.includes("--if-stale");
  if (ifStale && !bridgeIsStale()) process.exit(0);
  // A production install has no esbuild: run the bundle it was built with rather than refuse to start.
  if (ifStale && existsSync(BRIDGE_ENTRY) && !(await esbuildInstalled())) {
    console.error("dist/bridge is older than the sources, but esbuild is not installed (a production install): running it as built.");
    process.exit(0);
  }
  const t0 = performance.now();
  await buildBridge();
  console.error(`Bridge built: dist/bridge/main.js (${Math.round(performance.now() - t0)} ms)`);
}
