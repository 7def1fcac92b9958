/**
 * A storage folder the bridge cannot write (read-only for its user, a read-only mount; ARCHITECTURE.md,
 * safety invariant 6): which errors mean it, the refusal's words, and the check, without writing,
 * whether it can be written now (storage/ownership.ts asks it).
 */
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { dirname, join } from "node:path";
import { JOURNAL_FILE } from "../dose/journal.js";

/** Error codes that mean "this user may not write here" rather than a fault of the file. */
const UNWRITABLE = new Set(["EACCES", "EPERM", "EROFS"]);

/**
 * True for an error that says the storage cannot be written (permissions, a read-only mount). By its
 * code, not `instanceof Error`: node's own errors come from another realm in a VM context (jest).
 */
export const isUnwritable = (err: unknown): err is NodeJS.ErrnoException =>
  typeof err === "object" &&
  err !== null &&
  typeof (err as Error).message === "string" &&
  UNWRITABLE.has((err as NodeJS.ErrnoException).code ?? "");

/** "EACCES: permission denied", from node's "EACCES: permission denied, open '/x/y'" (the path is named apart). */
export function causeOf(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  const text = err.message.replace(/, \w+ '[^']*'$/, "");
  return code && !text.startsWith(code) ? `${code}: ${text}` : text;
}

export type StorageState = "read-only" | "locked";

/** Why the bridge does not write its storage folder now; its message is every start's refusal. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly dir: string,
    readonly state: StorageState,
    message: string,
  ) {
    super(message);
    this.name = "StorageUnavailableError";
  }

  /** The folder (or a file in it) cannot be written by this user. */
  static readOnly(dir: string, err: Error): StorageUnavailableError {
    return new StorageUnavailableError(
      dir,
      "read-only",
      `The storage folder ${dir} cannot be written (${causeOf(err)}): every session is refused until it can. Make it writable for the bridge's user; the bridge notices within seconds, no restart needed.`,
    );
  }

  /** Another bridge took over the lock this one held (a takeover race): this one gives the folder up. */
  static taken(dir: string, holder: string): StorageUnavailableError {
    return new StorageUnavailableError(
      dir,
      "locked",
      `Another bridge took over the storage folder ${dir} (${holder}): this bridge switches its panels off, refuses every session and stops. Run one bridge per storage folder.`,
    );
  }

  /** Writable again, but another bridge holds its lock by now. */
  static locked(dir: string, holder: string): StorageUnavailableError {
    return new StorageUnavailableError(
      dir,
      "locked",
      `The storage folder ${dir} can be written again, but another bridge holds its lock (${holder}): every session is refused while it runs.`,
    );
  }
}

/**
 * Whether this process may write the storage folder now: the folder itself (or, while it does not
 * exist, the folder it would be created in) and the files written in place (the ledger's journal,
 * matter.js's folders) when they exist. Only access(2): nothing is written.
 */
export async function canWrite(dir: string): Promise<boolean> {
  const mayWrite = (path: string) =>
    access(path, constants.W_OK).then(
      () => true,
      (err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? undefined : false),
    );
  const folder = await mayWrite(dir);
  if (folder === undefined) return dirname(dir) !== dir && canWrite(dirname(dir));
  if (!folder) return false;
  for (const path of [join(dir, JOURNAL_FILE), join(dir, "matter"), join(dir, "matter", MATTER_NODE_ID)])
    if ((await mayWrite(path)) === false) return false;
  return true;
}

/** The matter.js node's id, also its folder under `matter/` (matter/node.ts). */
export const MATTER_NODE_ID = "biolight-bridge";
