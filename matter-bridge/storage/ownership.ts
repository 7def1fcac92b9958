/**
 * Who may write the storage folder, owned in one place (ARCHITECTURE.md, safety invariant 6): the
 * lock, the watch that checks it is still this bridge's, and the re-check of a folder the bridge
 * cannot write. `why()` is the reason nothing can be written: every refusal uses its message.
 *
 *   read-only ──(access(2) says writable, lock taken, ledger resumed)──▶ held
 *   read-only ──(the ledger's files changed meanwhile: the lock goes back)──▶ stale   (until a restart)
 *   held ──(the lock names another bridge: a takeover race)──▶ lost                  (the bridge closes)
 *
 * A read-only bridge whose folder turned writable while another bridge holds the lock stays
 * read-only, its `why` naming that bridge.
 */
import { type Clock, systemClock } from "../support/clock.js";
import { every } from "../support/timers.js";
import { describeHolder, lockStorage, runningHolder, type StorageLock, StorageLockedError } from "./lock.js";
import { canWrite, isUnwritable, StorageUnavailableError } from "./writable.js";

/** How often the lock is checked while held, and a folder the bridge cannot write re-checked (default; `--storage-check-ms`). */
export const STORAGE_CHECK_MS = 2000;

export type Ownership = { state: "held" } | { state: "read-only" | "lost" | "stale"; why: StorageUnavailableError };

/** What the owner suspends and resumes: the ledger, behind the controller (`SessionController`). */
export interface LedgerFront {
  suspendLedger(why: StorageUnavailableError): void;
  /** Rejects when the ledger cannot take changes again (its files changed meanwhile). */
  resumeLedger(): Promise<void>;
}

/** Why the folder is no longer this bridge's, or undefined while it is (or no lock is held). */
export async function lockLost(dir: string, lock: StorageLock | undefined): Promise<StorageUnavailableError | undefined> {
  const holder = await lock?.lostTo();
  return holder && StorageUnavailableError.taken(dir, describeHolder(holder));
}

export class StorageOwnership {
  private lock: StorageLock | undefined;
  private current: Ownership;
  private readonly listeners = new Set<(now: Ownership) => void>();
  private ledger: LedgerFront | undefined;
  private stopTimer = () => {};
  private inFlight: Promise<void> = Promise.resolve();
  private said: string | undefined;
  private onLost: (why: StorageUnavailableError) => void = () => {};
  /** Settles when another bridge took the folder over. */
  readonly lost = new Promise<StorageUnavailableError>((resolve) => {
    this.onLost = resolve;
  });

  constructor(
    readonly dir: string,
    /** The lock, or why the folder cannot be written (storage/lock.ts's `lockStorageOrReadOnly`). */
    start: StorageLock | StorageUnavailableError,
    private readonly opts: { log: (m: string) => void; clock?: Clock; checkMs?: number },
  ) {
    if (start instanceof StorageUnavailableError) this.current = { state: "read-only", why: start };
    else {
      this.lock = start;
      this.current = { state: "held" };
    }
  }

  /** How often the watch checks (the Matter node's start is retried as often). */
  get checkMs(): number {
    return this.opts.checkMs ?? STORAGE_CHECK_MS;
  }

  get state(): Ownership["state"] {
    return this.current.state;
  }

  /** Why nothing can be written now, or undefined while the lock is held. */
  why(): StorageUnavailableError | undefined {
    return this.current.state === "held" ? undefined : this.current.why;
  }

  onChange(listener: (now: Ownership) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Whether the lock is still this bridge's: asked before every ledger write (`LedgerOptions.lockLost`)
   * and by the watch. Finding another bridge named in it makes the ownership lost, for good.
   */
  readonly confirm = async (): Promise<StorageUnavailableError | undefined> => {
    if (this.current.state === "lost") return this.current.why;
    const taken = this.current.state === "held" ? await lockLost(this.dir, this.lock) : undefined;
    if (taken && this.current.state === "held") {
      this.become({ state: "lost", why: taken });
      this.onLost(taken);
    }
    return taken;
  };

  /**
   * From now on the ledger follows the ownership (suspended whenever it is not held), and every
   * `checkMs` (STORAGE_CHECK_MS): while held, the lock is checked; while read-only, the folder is re-checked
   * (access(2) only: nothing is written while nothing changed), then lock → the ledger's waiting writes.
   */
  watch(ledger: LedgerFront): void {
    this.ledger = ledger;
    const why = this.why();
    if (why) ledger.suspendLedger(why);
    this.stopTimer = every(
      this.checkMs,
      () => {
        this.inFlight = this.check().catch((err: Error) => this.say(`Checking the storage folder ${this.dir} failed: ${err.message}`));
        return this.inFlight;
      },
      this.opts.log,
      this.opts.clock ?? systemClock,
    );
  }

  /** Stops the watch, once a check under way is over (it may have taken the lock: `release` gives it back). */
  async stopWatching(): Promise<void> {
    this.stopTimer();
    await this.inFlight;
  }

  async release(): Promise<void> {
    await this.lock?.release();
    this.lock = undefined;
  }

  private async check(): Promise<void> {
    if (this.current.state === "held") await this.confirm();
    else if (this.current.state === "read-only") await this.takeWhenWritable();
    if (this.current.state === "lost" || this.current.state === "stale") this.stopTimer();
  }

  private async takeWhenWritable(): Promise<void> {
    const { dir } = this;
    if (!(await canWrite(dir))) return;
    const holder = await runningHolder(dir);
    if (holder) return this.refuse(StorageUnavailableError.locked(dir, describeHolder(holder)));
    try {
      this.lock = await lockStorage(dir);
    } catch (err) {
      if (err instanceof StorageLockedError) return this.refuse(StorageUnavailableError.locked(dir, describeHolder(err.holder)));
      if (isUnwritable(err)) return this.refuse(StorageUnavailableError.readOnly(dir, err));
      throw err;
    }
    try {
      await this.ledger?.resumeLedger();
    } catch (err) {
      // The ledger changed on disk meanwhile: not written over; the lock goes back.
      await this.release();
      this.opts.log((err as Error).message);
      return this.become({ state: "stale", why: new StorageUnavailableError(dir, "locked", (err as Error).message) });
    }
    this.become({ state: "held" });
  }

  /** Still read-only, for `why` (said once while it stays the same). */
  private refuse(why: StorageUnavailableError): void {
    this.become({ state: "read-only", why });
    this.say(why.message);
  }

  private become(next: Ownership): void {
    this.current = next;
    if (next.state !== "held") this.ledger?.suspendLedger(next.why);
    for (const listener of this.listeners) listener(next);
  }

  private say(message: string): void {
    if (message !== this.said) this.opts.log(message);
    this.said = message;
  }
}
