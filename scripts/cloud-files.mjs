// Where the cloud link's files live in the bridge's storage folder (the `cloud` config section names them, relative to it).
import { resolve } from "node:path";

export const CLOUD_FILES = { dir: "cloud", key: "cloud/private.key", csr: "cloud/certificate.csr", cert: "cloud/certificate.pem" };

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
