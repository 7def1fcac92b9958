import type { Clock } from "../../matter-bridge/support/clock.js";

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A wall clock and a monotonic clock that tests move by hand, with the timers that run on them.
 * `advance` is time passing (both move, and every timer due meanwhile fires, in order, with the
 * clock set to its time); `step` is the wall clock being set (NTP stepping it, a person changing
 * it): monotonic time stays and no timer fires.
 */
export class FakeClock implements Clock {
  mono = 1_000_000;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(public wall: number) {}

  now(): number {
    return this.wall;
  }

  monotonic(): number {
    return this.mono;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.mono + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.mono + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.wall += due.at - this.mono;
      this.mono = due.at;
      due.fn();
    }
    this.wall += end - this.mono;
    this.mono = end;
  }

  step(ms: number): void {
    this.wall += ms;
  }
}
