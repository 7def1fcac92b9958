/**
 * `biolight-bridge cloud join <code> --provision-url <url> [--config FILE] [--storage DIR] [--ca FILE]`:
 * joins a hosted deployment (cloud/join.ts) and writes the certificate and `cloud` section. The link
 * starts with the bridge: a running bridge is restarted to connect (systemd: `systemctl restart biolight-bridge`);
 * the dashboard's "Join the cloud" (cloud/join-routes.ts) starts it in place instead.
 */
import { JoinError, joinCloud } from "../cloud/join.js";

const USAGE = "Usage: biolight-bridge cloud join <6-digit code> --provision-url <url> [--config FILE] [--storage DIR] [--ca FILE]";

export async function cloudCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [verb, code, ...rest] = argv;
  if (verb !== "join" || !code || code.startsWith("--")) return usage();
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i].replace(/^--/, "");
    if (!rest[i].startsWith("--") || !["provision-url", "config", "storage", "ca"].includes(name) || rest[i + 1] === undefined)
      return usage(`unknown or incomplete flag ${JSON.stringify(rest[i])}`);
    flags[name] = rest[i + 1];
  }
  if (!flags["provision-url"]) return usage("--provision-url is required");
  const configPath = flags.config ?? env.BRIDGE_CONFIG;
  if (!configPath) return usage("--config (or BRIDGE_CONFIG) is required: the config file gets the cloud section");
  try {
    const cloud = await joinCloud({
      code,
      provisionUrl: flags["provision-url"],
      storage: flags.storage ?? env.BRIDGE_STORAGE ?? "./.data",
      configPath,
      caPath: flags.ca,
    });
    console.log(`Joined as ${cloud.thing} (${cloud.url}); the private key never left this machine.`);
    console.log(
      "Restart the bridge to connect (systemd: sudo systemctl restart biolight-bridge); joining from the dashboard needs no restart.",
    );
    return 0;
  } catch (err) {
    console.error(`Error: ${err instanceof JoinError ? err.message : String(err)}`);
    return 2;
  }
}

function usage(problem?: string): number {
  console.error(problem ? `Error: ${problem}\n${USAGE}` : USAGE);
  return 2;
}
