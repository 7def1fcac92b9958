/** The control API's bearer token: BRIDGE_API_TOKEN, else a random one kept in the storage dir. */
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeFileDurably } from "../../common/durable-file.js";
import { ConfigError } from "../config/load.js";
import { API_TOKEN_FILE } from "../contract/storage.js";
import { causeOf, isUnwritable } from "../storage/writable.js";

export interface ApiToken {
  token: string;
  source: "env" | "file";
  /** The token file (also for "env": where it would be; it is not written then). */
  path: string;
}

const PRINTABLE = /^[\x21-\x7e]+$/;
/** Shorter tokens are refused: the token is the only thing between the LAN and the panel. */
export const MIN_TOKEN_LENGTH = 24;

export async function loadOrCreateToken(storageDir: string, env: NodeJS.ProcessEnv = process.env): Promise<ApiToken> {
  const path = join(storageDir, API_TOKEN_FILE);
  const fromEnv = env.BRIDGE_API_TOKEN?.trim();
  if (fromEnv) {
    if (!PRINTABLE.test(fromEnv)) throw new ConfigError("BRIDGE_API_TOKEN must be printable ASCII without spaces");
    if (fromEnv.length < MIN_TOKEN_LENGTH)
      throw new ConfigError(
        `BRIDGE_API_TOKEN is ${fromEnv.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -base64 32\`)`,
      );
    return { token: fromEnv, source: "env", path };
  }
  const existing = await readToken(path);
  if (existing && existing.length < MIN_TOKEN_LENGTH)
    throw new ConfigError(
      `The API token in ${path} is ${existing.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -base64 32\`), or delete the file and the bridge makes a random one.`,
    );
  if (existing) return { token: existing, source: "file", path };
  const token = randomBytes(32).toString("base64url");
  try {
    await mkdir(storageDir, { recursive: true, mode: 0o700 });
    await writeToken(path, token, existing === "");
  } catch (err) {
    // A token nobody can read back would lock everyone out: no token, no bridge.
    if (isUnwritable(err))
      throw new ConfigError(
        `No API token: BRIDGE_API_TOKEN is not set and the storage folder ${storageDir} cannot be written to keep a new one (${causeOf(err)}). Set BRIDGE_API_TOKEN (at least ${MIN_TOKEN_LENGTH} characters, e.g. \`openssl rand -base64 32\`) or make the folder writable for the bridge's user.`,
      );
    throw err;
  }
  // Another process may have won the race to create it: the file on disk is the token.
  return { token: (await readToken(path)) || token, source: "file", path };
}

/** The token in the file, "" for an empty/garbled file, undefined when there is none. */
async function readToken(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(`Cannot read the API token file ${path}: ${(err as Error).message}`);
  }
  // A token readable by others is no secret: tighten what an editor or a copy may have loosened
  // (a read-only mount cannot be tightened: the token is still read).
  if (((await stat(path)).mode & 0o077) !== 0)
    await chmod(path, 0o600).catch((err: Error) => {
      if (!isUnwritable(err)) throw err;
    });
  const token = text.trim();
  return PRINTABLE.test(token) ? token : "";
}

/** Durably, mode 0600; never over an existing token unless `replace` (another process may have won). */
async function writeToken(path: string, token: string, replace: boolean): Promise<void> {
  try {
    await writeFileDurably(path, `${token}\n`, { exclusive: !replace });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}
