// `npm run try`: the bridge with examples/try.json (a simulated panel, two people, region switches,
// short limits that are not for real use) on a temporary storage folder, so trying it locks no body
// region in ./.data. It acknowledges nothing for anyone: the caution is asked as on any first run.
// Flags after `--` go to the bridge (e.g. `npm run try -- --api-port 8788`).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRIDGE_ENTRY } from "./build-bridge.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join(root, "examples/try.json");
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  return i === -1 ? undefined : args[i].includes("=") ? args[i].split("=")[1] : args[i + 1];
};
for (const own of ["--config", "--storage", "--api-host"])
  if (flag(own) !== undefined) {
    console.error(
      `npm run try chooses ${own} itself (examples/try.json on a temporary folder, on this computer); for your own setup use npm start -- ${own} …`,
    );
    process.exit(2);
  }

const storage = mkdtempSync(join(tmpdir(), "biolight-try-"));
const token = randomBytes(24).toString("base64url");
const api = `http://127.0.0.1:${flag("--api-port") ?? process.env.BRIDGE_API_PORT ?? 8787}`;
console.log(
  [
    "Trying Biolight: a simulated panel, two people (Anna, Ben) and SHORT LIMITS THAT ARE NOT FOR REAL USE",
    `(examples/try.json), on a temporary folder ${storage}: ./.data is not touched, and the folder is`,
    "removed when the bridge stops. Nothing is acknowledged for you: read the red-flag caution and answer it.",
    "",
    "Dashboard, signed in (this computer only; the link holds the API token):",
    `  ${api}/dashboard/#token=${token}`,
    "Voice simulator, in a second terminal:",
    `  BRIDGE_URL=${api} BRIDGE_TOKEN=${token} SKILL_DATA_DIR=${join(storage, "skill")} npm run say -- "start a low back session"`,
    "Stop with Ctrl-C.",
    "",
  ].join("\n"),
);

const bridge = spawn(process.execPath, [BRIDGE_ENTRY, "--config", CONFIG, "--storage", storage, "--api-host", "127.0.0.1", ...args], {
  stdio: "inherit",
  env: { ...process.env, BRIDGE_API_TOKEN: token },
});
// Ctrl-C reaches the bridge from the terminal itself; this process waits for it to switch the panel off.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => bridge.kill("SIGTERM"));
bridge.on("exit", (code, signal) => {
  rmSync(storage, { recursive: true, force: true });
  process.exit(code ?? (signal ? 128 + 15 : 1));
});
