import type { Clock } from "../support/clock.js";

/**
 * A one-shot deadline on the monotonic clock. It re-checks on every wake-up rather than counting
 * ticks, so a stalled event loop delays it by the stall at most and never stretches a session.
 */
export class Deadline {
  private cancelTimer: (() => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private at: number,
    private readonly onDue: () => void,
  ) {
    this.arm();
  }

  /** Milliseconds until due (0 once due). */
  remainingMs(): number {
    return Math.max(0, this.at - this.clock.monotonic());
  }

  /** Moves the deadline earlier; a later time is ignored (a deadline is never extended). */
  bringForward(remainingMs: number): void {
    const at = this.clock.monotonic() + Math.max(0, remainingMs);
    if (at >= this.at) return;
    this.at = at;
    this.arm();
  }

  cancel(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  private arm(): void {
    this.cancel();
    // libuv's cached loop time can wake a timer a millisecond early: re-check before firing.
    this.cancelTimer = this.clock.after(Math.ceil(this.remainingMs()), () => (this.remainingMs() <= 0 ? this.fire() : this.arm()));
  }

  private fire(): void {
    this.cancelTimer = undefined;
    this.onDue();
  }
}
