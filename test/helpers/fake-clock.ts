import type { Clock } from "../../matter-bridge/sessions/clock.js";

/**
 * A wall clock and a monotonic clock that tests move by hand. `advance` is time passing (both move);
 * `step` is the wall clock being set (NTP stepping it, a person changing it): monotonic time stays.
 */
export class FakeClock implements Clock {
  mono = 1_000_000;

  constructor(public wall: number) {}

  now(): number {
    return this.wall;
  }

  monotonic(): number {
    return this.mono;
  }

  advance(ms: number): void {
    this.wall += ms;
    this.mono += ms;
  }

  step(ms: number): void {
    this.wall += ms;
  }
}
