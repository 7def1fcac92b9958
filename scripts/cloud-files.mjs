// Flags and failures of the cloud:* scripts; the files themselves are matter-bridge/cloud/files.mjs (shared with `cloud join`).
import { resolve } from "node:path";

export { CLOUD_FILES } from "../matter-bridge/cloud/files.mjs";

/** `--name value` flags; anything else is an error naming it. */
export function parseFlags(argv, allowed) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, "");
    if (!argv[i].startsWith("--") || !allowed.includes(name) || argv[i + 1] === undefined)
      fail(`unknown or incomplete flag ${JSON.stringify(argv[i])} (flags: ${allowed.map((a) => `--${a} <value>`).join(", ")})`);
    out[name] = argv[++i];
  }
  return out;
}

export const storageOf = (flags) => resolve(flags.storage ?? process.env.BRIDGE_STORAGE ?? "./.data");

export function fail(message) {
  console.error(`Error: ${message}`);
  process.exit(2);
}
