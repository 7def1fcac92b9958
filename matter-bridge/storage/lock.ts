/**
 * The storage folder's lock (ARCHITECTURE.md, safety invariant 6): a file created atomically (link
 * of a complete temp file) naming its holder; a holder that no longer runs (its process is gone, or
 * the machine rebooted since) is taken over. A takeover cannot be atomic without flock(2), so the
 * holder keeps asking `lostTo` (storage/ownership.ts does). A lock file deleted by hand is made again.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync, unlinkSync } from "node:fs";
import { link, mkdir, readFile, rename, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { processRuns, writeFileDurably } from "../../common/durable-file.js";
import { isUnwritable, StorageUnavailableError } from "./writable.js";

export const LOCK_FILE = "bridge.lock";
/** Exit status of a bridge that found its storage in use (the systemd unit does not restart on it). */
export const STORAGE_LOCKED_EXIT = 3;

interface LockHolder {
  pid: number;
  hostname: string;
  bootId?: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not mistaken for it. */
  processStart?: string;
  /** Its PID namespace (`/proc/self/ns/pid`): a pid from another one (another container) cannot be checked here. */
  pidNamespace?: string;
  startedAt: string;
  token: string;
}

export class StorageLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: HolderInfo,
  ) {
    super(
      `The storage folder ${dir} is in use by another bridge (${describeHolder(holder)}). ` +
        "Stop that bridge first (e.g. `sudo systemctl stop biolight-bridge`, or Ctrl-C in its terminal), or give this one its own --storage folder. Nothing was changed." +
        (inOtherNamespace(holder)
          ? ` Whether a bridge in another container still runs cannot be seen from inside a container: run the containers with the host's PIDs (compose.yaml's \`pid: host\`), or, when no other bridge runs, delete ${join(dir, LOCK_FILE)}.`
          : ""),
    );
    this.name = "StorageLockedError";
  }
}

export type HolderInfo = Pick<LockHolder, "pid" | "hostname" | "startedAt" | "pidNamespace">;

export interface StorageLock {
  path: string;
  /**
   * The holder the lock file names now when that is no longer this process (another bridge took
   * it over); undefined while this process holds it, or when the file cannot be read (the storage
   * checks report that). A lock file deleted meanwhile is made again, unless someone was quicker.
   */
  lostTo(): Promise<HolderInfo | undefined>;
  release(): Promise<void>;
}

const readText = (path: string) => {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
};

const bootId = () => readText("/proc/sys/kernel/random/boot_id");

function pidNamespace(): string | undefined {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return undefined;
  }
}
/** The kernel's initial PID namespace (PROC_PID_INIT_INO): from it every process on the machine is visible. */
const INIT_PID_NAMESPACE = "pid:[4026531836]";

/**
 * Whether any process runs in PID namespace `ns` (only answerable from the initial namespace, and
 * only by a user who may look at every process: a process whose namespace cannot be read, another
 * user's for a bridge not run as root, leaves the answer "yes").
 */
function namespaceRuns(ns: string): boolean {
  let pids: string[];
  try {
    // The host's init (pid 1 here) is never in a container's namespace, and may not be readable.
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name) && name !== "1");
  } catch {
    return true;
  }
  for (const pid of pids)
    try {
      if (readlinkSync(`/proc/${pid}/ns/pid`) === ns) return true;
    } catch (err) {
      // Gone meanwhile (or a zombie): not in it. Not allowed to look: cannot tell.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") return true;
    }
  return false;
}

const inOtherNamespace = (holder: Pick<LockHolder, "pidNamespace">) => {
  const mine = pidNamespace();
  return Boolean(holder.pidNamespace && mine && holder.pidNamespace !== mine);
};

function processStart(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  // Fields after the command name, which is in parentheses and may hold spaces: starttime is field 22.
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function isRunning(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true; // another machine on shared storage: cannot tell, so assume so
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false;
  // Another container (host networking gives it this hostname): its pid means nothing here. From the
  // host's namespace, a container with no process left is gone; from inside one, assume it runs.
  if (inOtherNamespace(holder)) return pidNamespace() === INIT_PID_NAMESPACE ? namespaceRuns(holder.pidNamespace!) : true;
  if (!processRuns(holder.pid)) return false;
  const start = processStart(holder.pid);
  return !(holder.processStart && start && holder.processStart !== start);
}

function parseHolder(text: string | undefined): LockHolder | undefined {
  if (text === undefined) return undefined;
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.hostname === "string" ? h : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the storage folder's lock, creating the folder if needed. Throws StorageLockedError naming
 * the holder when another running bridge has it. Call before anything reads or touches the storage.
 */
export async function lockStorage(dir: string): Promise<StorageLock> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    bootId: bootId(),
    processStart: processStart(process.pid),
    pidNamespace: pidNamespace(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  const text = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFileDurably(path, text, { exclusive: true });
      return held(path, text);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const seen = await readFile(path, "utf8").catch(() => undefined);
    if (seen === undefined) continue; // released in the meantime
    const holder = parseHolder(seen);
    if (holder && isRunning(holder)) throw new StorageLockedError(dir, holder);
    await takeOver(path, seen, me.token);
  }
  throw new Error(`Could not take the lock ${path}: other bridges keep taking it.`);
}

/** The lock's holder when a running bridge holds it (read only: nothing is written). */
export async function runningHolder(dir: string): Promise<HolderInfo | undefined> {
  const holder = parseHolder(await readFile(join(dir, LOCK_FILE), "utf8").catch(() => undefined));
  return holder && isRunning(holder) ? holder : undefined;
}

/** Who holds a lock, in words for a log line. */
export const describeHolder = (h: HolderInfo) =>
  `process ${h.pid} on ${h.hostname}${inOtherNamespace(h) ? " in another container (PID namespace)" : ""}, running since ${h.startedAt}`;

/**
 * Takes the lock as lockStorage does; when the folder cannot be written (EACCES, EPERM, EROFS) it
 * answers StorageUnavailableError instead of throwing, after making sure no running bridge holds
 * the lock (StorageLockedError, as ever: a second bridge must not switch the first one's panels
 * off). A lock file that cannot even be read is an error: whether a bridge holds it is unknown.
 */
export async function lockStorageOrReadOnly(dir: string): Promise<StorageLock | StorageUnavailableError> {
  try {
    return await lockStorage(dir);
  } catch (err) {
    if (!isUnwritable(err)) throw err;
    let text: string | undefined;
    try {
      text = await readFile(join(dir, LOCK_FILE), "utf8");
    } catch (readErr) {
      const code = (readErr as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR")
        throw new Error(
          `The storage folder ${dir} cannot be written, and its lock ${join(dir, LOCK_FILE)} cannot be read (${(readErr as Error).message}), so whether another bridge uses it is unknown. Run the bridge as the folder's owner.`,
        );
    }
    const holder = parseHolder(text);
    if (holder && isRunning(holder)) throw new StorageLockedError(dir, holder);
    return StorageUnavailableError.readOnly(dir, err as Error);
  }
}

/**
 * Removes a stale lock. Renaming it aside first makes this safe against a second bridge doing the
 * same: whoever renamed a lock that is not the stale one puts it back.
 */
async function takeOver(path: string, staleText: string, token: string): Promise<void> {
  const aside = `${path}.${token}.stale`;
  try {
    await rename(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  const moved = await readFile(aside, "utf8").catch(() => undefined);
  if (moved !== staleText) await link(aside, path).catch(() => {});
  await rm(aside, { force: true });
}

function held(path: string, text: string): StorageLock {
  // Also released when the process exits without the clean path (process.exit after a fatal error).
  const releaseSync = () => {
    if (readText(path) === text)
      try {
        unlinkSync(path);
      } catch {}
  };
  process.once("exit", releaseSync);
  const UNKNOWN: HolderInfo = { pid: 0, hostname: "unknown", startedAt: "unknown" };
  /** Once released, a check no longer makes a missing lock again. */
  let released = false;
  return {
    path,
    async lostTo() {
      let seen: string;
      try {
        seen = (await readFile(path, "utf8")).trim();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT" || released) return undefined;
        try {
          await writeFileDurably(path, text, { exclusive: true });
          if (released) releaseSync(); // released while it was being made again
          return undefined;
        } catch (writeErr) {
          if ((writeErr as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
          seen = (await readFile(path, "utf8").catch(() => "")).trim();
        }
      }
      return seen === text ? undefined : (parseHolder(seen) ?? UNKNOWN);
    },
    async release() {
      released = true;
      process.off("exit", releaseSync);
      releaseSync();
    },
  };
}
