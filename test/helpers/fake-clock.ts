import type { Clock } from "../../common/clock.js";
import { nextTurn, until } from "./until.js";

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

/**
 * Moves `clock` on `stepMs` at a time, letting promises and I/O run between steps, until `done`
 * settles; for work that waits on the clock's timers (retries, deadlines). Throws after `maxMs` of fake time.
 */
export async function advanceUntil<T>(clock: FakeClock, done: Promise<T>, stepMs = 10, maxMs = 60_000): Promise<T> {
  let settled = false;
  done.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let t = 0; !settled; t += stepMs) {
    if (t > maxMs) throw new Error(`still waiting after ${maxMs} ms of fake time`);
    await nextTurn();
    if (!settled) clock.advance(stepMs);
  }
  return done;
}

/**
 * Moves `clock` on `stepMs` at a time, letting promises and I/O run between steps, until `check()`
 * holds. For an effect that follows a timer of the clock within promises (a deadline's switch-off at
 * the driver), not one that waits on I/O (a ledger write): the fake time would run on meanwhile. Past
 * `maxMs` of fake time it stops moving the clock and waits in real time; throws naming `what` after
 * `realTimeoutMs` more.
 */
export async function advanceUntilSeen(
  clock: FakeClock,
  check: () => boolean,
  what: string,
  stepMs = 10,
  maxMs = 60_000,
  realTimeoutMs = 5000,
) {
  for (let t = 0; t <= maxMs; t += stepMs) {
    await nextTurn();
    if (check()) return;
    clock.advance(stepMs);
  }
  await until(check, `${what} (fake time has run ${maxMs} ms)`, realTimeoutMs);
}
