/**
 * `biolight-bridge link <code> [--storage DIR] [--api-host H] [--api-port N]`: links the Alexa
 * account that was told `code` to this household, by asking the running bridge (its HTTP API, with
 * its token) — the bridge sends the code up its own cloud link.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError, parseCli } from "../config/load.js";
import { AlexaLinkResponseSchema, ErrorBodySchema } from "../contract/api.js";
import { LinkCodeSchema } from "../contract/cloud-link.js";
import { API_TOKEN_FILE } from "../contract/storage.js";

export const LINK_USAGE = `Usage: biolight-bridge link <code> [--storage DIR] [--api-host H] [--api-port N]
  <code>  the 6 digits Alexa said after "Alexa, ask bio light to link my bridge"
  The bridge must be running (with its cloud link); its token is read from DIR/${API_TOKEN_FILE} or BRIDGE_API_TOKEN.`;

/** Runs the command; returns the exit code (0 linked, 1 refused or no bridge, 2 bad usage). */
export async function linkCommand(argv: string[], env: NodeJS.ProcessEnv, out = console.log, err = console.error): Promise<number> {
  const [code, ...flags] = argv;
  if (!code || !LinkCodeSchema.safeParse(code.trim()).success) {
    err(`${code ? `"${code}" is not a link code: it must be the 6 digits Alexa said.` : "No link code given."}\n\n${LINK_USAGE}`);
    return 2;
  }
  let opts: ReturnType<typeof parseCli>;
  try {
    opts = parseCli(flags, env);
  } catch (e) {
    err(e instanceof ConfigError ? e.message.replace(/\n\nUsage:[\s\S]*$/, `\n\n${LINK_USAGE}`) : String(e));
    return 2;
  }
  const tokenFile = join(opts.storage, API_TOKEN_FILE);
  const token = env.BRIDGE_API_TOKEN?.trim() || (await readFile(tokenFile, "utf8").catch(() => "")).trim();
  if (!token) {
    err(`No API token: ${tokenFile} does not exist and BRIDGE_API_TOKEN is not set. Is --storage the bridge's storage folder?`);
    return 1;
  }
  // A bridge listening on every address is reached on loopback.
  const host = opts.apiHost === "0.0.0.0" || opts.apiHost === "::" ? "127.0.0.1" : opts.apiHost;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${opts.apiPort}/v1/alexa/link`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ code: code.trim() }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    err(`No bridge answers at ${url}: start it first (npm start), or give its --api-host/--api-port.`);
    return 1;
  }
  const body: unknown = await res.json().catch(() => undefined);
  const linked = AlexaLinkResponseSchema.safeParse(body);
  if (res.ok && linked.success) {
    out(`Linked: ${linked.data.count} Alexa account${linked.data.count === 1 ? "" : "s"}`);
    return 0;
  }
  const error = ErrorBodySchema.safeParse(body);
  err(`Not linked: ${error.success ? error.data.error.message : `the bridge answered HTTP ${res.status}`}`);
  return 1;
}
