/**
 * The one way files are written: a temp file beside the target, fsync, then rename (or link, to
 * never replace an existing file), then fsync of the folder. A reader sees the old file or the new
 * one, never half of one, also after a power cut. Whatever fails, no temp file is left behind.
 *
 * An append-only journal (the dose ledger's) is the one exception: `appendFileDurably` adds to the
 * end of the file and syncs it (and the folder once after it created the file). A reader may find a torn
 * last line after a power cut; the journal's reader must tell it from a complete one.
 */
import { constants, readFileSync } from "node:fs";
import { type FileHandle, link, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";

export interface DurableWriteOptions {
  /** File mode of a new file (default 0600: the storage holds tokens and health notes). */
  mode?: number;
  /** Never replace an existing file: fails with EEXIST instead (for files whose first writer wins). */
  exclusive?: boolean;
  /** The temp file's path (default: beside the target, unique to this process and write). */
  tmp?: string;
}

let sequence = 0;

/**
 * Files `appendFileDurably` created whose folder has not been synced yet (the call that created one
 * failed before it could): the next append that succeeds syncs the folder, so the file's name is
 * durable before anything in it is acknowledged.
 */
const folderSyncPending = new Set<string>();

/** Whether a file created by `appendFileDurably` still waits for its folder's sync (for tests). */
export function awaitsFolderSync(path: string): boolean {
  return folderSyncPending.has(resolve(path));
}

/** Temp files this process is writing now (absolute paths): never a crash's leftovers. */
const writing = new Set<string>();

export async function writeFileDurably(path: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const tmp = options.tmp ?? `${path}.${process.pid}.${++sequence}.tmp`;
  writing.add(resolve(tmp));
  try {
    const file = await open(tmp, "w", options.mode ?? 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.exclusive) await link(tmp, path);
    else await rename(tmp, path);
  } finally {
    // After a rename there is nothing left; after a link or a failure the temp name goes.
    await rm(tmp, { force: true }).catch(() => {});
    writing.delete(resolve(tmp));
  }
  await syncFolder(path);
}

/**
 * Whether a process with this pid runs on this machine (only "no such process" says it does not).
 * A process that was killed but not yet reaped by its parent (state Z, zombie; or X, dead) still
 * answers signal 0, yet runs no more: a bridge killed with -9 and restarted at once must not find
 * its own storage locked by it.
 */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== "ESRCH";
  }
  const state = processState(pid);
  return state !== "Z" && state !== "X";
}

/** The one-letter state in /proc/<pid>/stat (R, S, D, Z, X...), or undefined where it cannot be read. */
export function processState(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may hold spaces or parentheses: the state follows the last ")".
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] || undefined;
}

/**
 * Removes the temp files of `path` that a writer killed mid-write left behind (SIGKILL, a power
 * cut): those named by a process that no longer runs, and those named by this process's pid that
 * it is not writing (an earlier process with the same pid: in a container the bridge is always
 * pid 1). Answers how many went.
 */
export async function removeStaleTemps(path: string): Promise<number> {
  const prefix = `${basename(path)}.`;
  let removed = 0;
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    const file = resolve(dirname(path), name);
    if (pid === undefined || writing.has(file) || (Number(pid) !== process.pid && processRuns(Number(pid)))) continue;
    // One that cannot go (a folder of that name) is left; the others still go.
    if (
      await rm(file, { force: true }).then(
        () => true,
        () => false,
      )
    )
      removed++;
  }
  return removed;
}

/**
 * Appends `data` and syncs it before resolving. `truncateTo` first cuts the file to that length (a
 * torn tail left by a crash or a failed append; 0 empties the file). Creates the file (mode 0600)
 * when it is missing, and then syncs the folder too: in this call, or (when this one fails after
 * creating it) in the next one that succeeds. No temp file is involved.
 */
export async function appendFileDurably(path: string, data: string | Uint8Array, options: { truncateTo?: number } = {}): Promise<void> {
  const key = resolve(path);
  let file: FileHandle;
  try {
    file = await open(path, constants.O_WRONLY | constants.O_APPEND);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    file = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_EXCL, 0o600);
    folderSyncPending.add(key);
  }
  try {
    if (options.truncateTo !== undefined) {
      // Only ever cut: a file shorter than expected is not padded (with zeros, as truncate would).
      const { size } = await file.stat();
      if (size < options.truncateTo) throw new Error(`${path} is ${size} bytes, shorter than the ${options.truncateTo} expected`);
      if (size > options.truncateTo) await file.truncate(options.truncateTo);
    }
    if (data.length) await file.writeFile(data);
    await file.datasync();
  } finally {
    await file.close();
  }
  if (folderSyncPending.has(key)) {
    await syncFolder(path);
    folderSyncPending.delete(key);
  }
}

async function syncFolder(path: string): Promise<void> {
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
