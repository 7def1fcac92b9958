/**
 * Ledger changes that must not be lost when a write fails (a full disk, a read-only folder): the end
 * of a session, light given by a press at the device, a red flag, a clock step. They are retried in
 * order, in the background, until they are on disk; meanwhile `problem()` says why starts are refused.
 */
import type { Clock } from "../support/clock.js";

export interface LedgerBacklogOptions {
  /** First delay between retries; doubles up to 10 s. */
  retryMs: number;
  log: (message: string) => void;
  /** Runs the retries. */
  clock: Clock;
}

/**
 * A change handed to the backlog. Awaiting it waits for its first attempt (written, or kept for a
 * retry; it never rejects). `landed` settles once it is on disk (true), or when the backlog gave it
 * up at shutdown (false).
 */
export type BacklogWrite = Promise<void> & { readonly landed: Promise<boolean> };

interface Pending {
  what: string;
  op: () => Promise<unknown>;
  landed: (written: boolean) => void;
}

const MAX_RETRY_MS = 10_000;

export class LedgerBacklog {
  private readonly pending: Pending[] = [];
  private readonly clock: Clock;
  private lastError: Error | undefined;
  private cancelRetry: (() => void) | undefined;
  private delay: number;
  private draining: Promise<void> | undefined;

  constructor(private readonly options: LedgerBacklogOptions) {
    this.clock = options.clock;
    this.delay = options.retryMs;
  }

  /** Writes now if nothing is waiting (else after what is). */
  run(what: string, op: () => Promise<unknown>): BacklogWrite {
    let landed!: (written: boolean) => void;
    const written = new Promise<boolean>((resolve) => {
      landed = resolve;
    });
    this.pending.push({ what, op, landed });
    return Object.assign(this.kick(), { landed: written });
  }

  /** Why starts must wait for the ledger, or undefined when nothing is waiting. */
  problem(): string | undefined {
    // A write that is merely in progress is no problem: the ledger orders writes itself.
    const first = this.pending[0];
    if (!first || !this.lastError) return undefined;
    const cause = this.lastError.message;
    const full = (this.lastError as NodeJS.ErrnoException).code === "ENOSPC" ? " Free some disk space." : "";
    return `The dose ledger could not ${first.what} (${cause}). The bridge keeps retrying and starts sessions again once the ledger can be written.${full}`;
  }

  /** Tries what is waiting now rather than at the next retry (the storage can be written again); resolves after that attempt. */
  retryNow(): Promise<void> {
    this.stopRetry();
    this.delay = this.options.retryMs;
    return this.kick();
  }

  /**
   * One last attempt (at shutdown). A session's end that still fails stays open in the ledger and
   * counts in full; anything else still waiting is lost, and said so loudly.
   */
  async close(): Promise<void> {
    this.stopRetry();
    await this.draining;
    if (this.pending.length) await this.drain(false);
    for (const { what, landed } of this.pending) {
      this.options.log(
        `NOT SAVED: the dose ledger could not ${what} before the bridge stopped (${this.lastError?.message ?? "unknown error"}).`,
      );
      landed(false);
    }
  }

  private kick(): Promise<void> {
    if (this.draining) return this.draining.then(() => (this.pending.length && !this.cancelRetry ? this.kick() : undefined));
    if (this.cancelRetry || !this.pending.length) return Promise.resolve();
    return this.drain();
  }

  private drain(retry = true): Promise<void> {
    const run = async () => {
      while (this.pending.length) {
        const next = this.pending[0];
        try {
          await next.op();
        } catch (err) {
          const first = this.lastError === undefined;
          this.lastError = err as Error;
          if (first)
            this.options.log(
              `The dose ledger could not ${next.what}: ${(err as Error).message.replace(/\.$/, "")}. Retrying; sessions are refused meanwhile.`,
            );
          if (retry) this.schedule();
          return;
        }
        this.pending.shift();
        next.landed(true);
        if (this.lastError && !this.pending.length) this.options.log("The dose ledger can be written again: sessions can start.");
        if (!this.pending.length) {
          this.lastError = undefined;
          this.delay = this.options.retryMs;
        }
      }
    };
    this.draining = run().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private schedule(): void {
    if (this.cancelRetry) return;
    this.cancelRetry = this.clock.after(
      this.delay,
      () => {
        this.cancelRetry = undefined;
        void this.drain();
      },
      { background: true },
    );
    this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
  }

  private stopRetry(): void {
    this.cancelRetry?.();
    this.cancelRetry = undefined;
  }
}
