/**
 * Ledger changes that must not be lost when a write fails (a full disk, a read-only folder): the end
 * of a session, light given by a press at the device, a clock step. They are retried in order, in
 * the background, until they are on disk; meanwhile `problem()` says why starts are refused.
 */
export interface LedgerBacklogOptions {
  /** First delay between retries; doubles up to 10 s. */
  retryMs: number;
  log: (message: string) => void;
}

interface Pending {
  what: string;
  op: () => Promise<unknown>;
}

const MAX_RETRY_MS = 10_000;

export class LedgerBacklog {
  private readonly pending: Pending[] = [];
  private lastError: Error | undefined;
  private timer: NodeJS.Timeout | undefined;
  private delay: number;
  private draining: Promise<void> | undefined;

  constructor(private readonly options: LedgerBacklogOptions) {
    this.delay = options.retryMs;
  }

  /**
   * Writes now if nothing is waiting (else after what is). Resolves once this first attempt is over,
   * whether it succeeded or was queued for retry; never rejects.
   */
  run(what: string, op: () => Promise<unknown>): Promise<void> {
    this.pending.push({ what, op });
    return this.kick();
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
    clearTimeout(this.timer);
    this.timer = undefined;
    this.delay = this.options.retryMs;
    return this.kick();
  }

  /**
   * One last attempt (at shutdown). A session's end that still fails stays open in the ledger and
   * counts in full; anything else still waiting is lost, and said so loudly.
   */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining;
    if (this.pending.length) await this.drain(false);
    for (const { what } of this.pending)
      this.options.log(
        `NOT SAVED: the dose ledger could not ${what} before the bridge stopped (${this.lastError?.message ?? "unknown error"}).`,
      );
  }

  private kick(): Promise<void> {
    if (this.draining) return this.draining.then(() => (this.pending.length && !this.timer ? this.kick() : undefined));
    if (this.timer || !this.pending.length) return Promise.resolve();
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
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, this.delay);
    this.timer.unref();
    this.delay = Math.min(this.delay * 2, MAX_RETRY_MS);
  }
}
