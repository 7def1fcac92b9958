/** The spare file (`ledger.reserve`) that keeps room for the changes that must land (invariant 5 in ARCHITECTURE.md). */
import { rm, stat, statfs, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LedgerUnavailableError } from "./errors.js";
import type { WriteQueue } from "./write-queue.js";

export const RESERVE_FILE = "ledger.reserve";

export class DiskReserve {
  readonly path: string;
  /** Not there (given up, or the disk had no room for it): made again when there is. */
  private missing = false;
  private restoreQueued = false;

  constructor(
    dir: string,
    /** Its size; 0 keeps none. */
    private readonly bytes: number,
    private readonly queue: WriteQueue,
    private readonly log: (message: string) => void,
  ) {
    this.path = join(dir, RESERVE_FILE);
  }

  /** Makes it when it is not there (at open and resume); best effort. */
  async make(): Promise<void> {
    if (this.bytes) this.missing = !(await keepReserve(this.path, this.bytes));
  }

  /**
   * After a failed write: true when it was a full disk, the change must land and the reserve was
   * given up for it (try again). A change that need not land is refused on a full disk instead, with
   * LedgerUnavailableError (code ENOSPC) saying so; the reserve is kept for the ends of sessions.
   */
  async spendFor(err: unknown, mustLand: boolean): Promise<boolean> {
    if ((err as NodeJS.ErrnoException).code !== "ENOSPC") return false;
    if (mustLand) return this.giveUp();
    const kept = this.bytes && !this.missing ? "; the ledger's reserve is kept for the ends of sessions" : "";
    throw Object.assign(new LedgerUnavailableError(`the disk is full (${(err as Error).message})${kept}. Free some disk space`), {
      code: "ENOSPC",
      cause: err,
    });
  }

  /**
   * A reserve that is missing is made again once the disk has room: queued behind the change that was
   * just written (never in a start's way), at most one at a time; nothing is written without room.
   */
  restoreSoon(): void {
    if (!this.bytes || !this.missing || this.restoreQueued) return;
    this.restoreQueued = true;
    void this.queue
      .run(async () => {
        // Room for the reserve and as much again: else it would only be given up at the next end.
        if (!(await hasRoom(dirname(this.path), 2 * this.bytes))) return;
        if (!(await keepReserve(this.path, this.bytes))) return;
        this.missing = false;
        this.log(`The ledger's reserve (${this.path}) is in place again.`);
      })
      .catch(() => {})
      .finally(() => {
        this.restoreQueued = false;
      });
  }

  /** True when the spare file was there and is now gone, freeing its space. */
  private async giveUp(): Promise<boolean> {
    if (!this.bytes) return false;
    try {
      await unlink(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") this.missing = true;
      return false;
    }
    this.missing = true;
    this.log(
      `The disk is full: the ledger's reserve (${this.path}) was given up so the dose ledger can still be written. Free some disk space.`,
    );
    return true;
  }
}

/** Makes sure the spare file holds `bytes`; best effort (a disk too full for it just has none). True when it is there. */
async function keepReserve(path: string, bytes: number): Promise<boolean> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  if (size >= bytes) return true;
  try {
    await writeFile(path, Buffer.alloc(bytes));
    return true;
  } catch {
    await rm(path, { force: true }).catch(() => {});
    return false;
  }
}

/** True when the folder's disk has `bytes` free (or cannot say: then the write itself finds out). */
async function hasRoom(dir: string, bytes: number): Promise<boolean> {
  try {
    const fs = await statfs(dir);
    return fs.bavail * fs.bsize >= bytes;
  } catch {
    return true;
  }
}
