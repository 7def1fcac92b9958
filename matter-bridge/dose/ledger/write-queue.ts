/**
 * The ledger's one queue of writes, and whether it may write at all: suspended while the storage
 * folder cannot be written or is not this bridge's any more (invariant 6 in ARCHITECTURE.md).
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { JOURNAL_FILE } from "../journal.js";
import { LedgerUnavailableError } from "./errors.js";
import { LEDGER_FILE } from "./load.js";

export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Set while the storage cannot be written: every change is refused, nothing touches the disk. */
  private suspendedBy: Error | undefined;
  /** The files as they were read while suspended: changed by someone else meanwhile, they are not written over. */
  private readFingerprint: string | undefined;

  constructor(
    private readonly dir: string,
    /** Asked before every write: an answer suspends the queue with it. */
    private readonly lockLost?: () => Promise<Error | undefined>,
  ) {}

  get suspended(): Error | undefined {
    return this.suspendedBy;
  }

  suspend(reason: Error): void {
    this.suspendedBy = reason;
  }

  /** Opened suspended: the files as read now are what `resume()` expects to find. */
  async suspendAsRead(reason: Error): Promise<void> {
    this.suspendedBy = reason;
    this.readFingerprint = await fingerprint(this.dir);
  }

  /**
   * Takes writes again; true when it was suspended. Rejects, staying suspended, when the files
   * changed on disk since they were read (another bridge wrote them): they are not written over.
   */
  async resume(): Promise<boolean> {
    if (!this.suspendedBy) return false;
    if (this.readFingerprint !== undefined && (await fingerprint(this.dir)) !== this.readFingerprint) {
      const changed = new LedgerUnavailableError(
        `The dose ledger in ${this.dir} was changed by someone else while this bridge could not write it: every session is refused. Restart the bridge to read it.`,
      );
      this.suspendedBy = changed;
      throw changed;
    }
    this.suspendedBy = undefined;
    this.readFingerprint = undefined;
    return true;
  }

  /** Rejects with LedgerUnavailableError when nothing may be written now (asking the lock first). */
  async mayWrite(): Promise<void> {
    const lost = this.suspendedBy ? undefined : await this.lockLost?.();
    if (lost) this.suspend(lost);
    if (this.suspendedBy) throw new LedgerUnavailableError(this.suspendedBy.message);
  }

  /** Runs `work` after every write queued before it, once it may write. */
  run(work: () => Promise<void>): Promise<void> {
    const run = async () => {
      await this.mayWrite();
      await work();
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The ledger's files as they are on disk now (identity, size, time of change), to tell whether someone changed them. */
async function fingerprint(dir: string): Promise<string> {
  const of = (name: string) =>
    stat(join(dir, name)).then(
      (s) => `${s.ino}:${s.size}:${s.mtimeMs}`,
      () => "none",
    );
  return `${await of(LEDGER_FILE)}|${await of(JOURNAL_FILE)}`;
}
