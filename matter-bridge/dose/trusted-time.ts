/**
 * The time line every session's age is judged on. A step of the wall clock (NTP correcting a Pi that
 * booted with a stale time, a person setting the clock) must not make a session look older than it
 * is, or a region would be released early.
 *
 * - Within a run the line advances with the monotonic clock only. The wall clock is followed while
 *   it agrees (NTP slewing); a step either way is detected (wall vs monotonic) and taken out, so the
 *   line never jumps and every session keeps its true age.
 * - Across runs the floor is the latest time the ledger has seen. A wall clock behind it at start-up
 *   is not trusted: every start is refused (CLOCK_UNTRUSTED) until the wall clock catches up, and
 *   the line starts at the floor. However the clock catches up (NTP's step, or waiting), no age moves:
 *   at worst the time the bridge was off does not count, which only refuses more.
 * - Times are kept on this line in memory. The ledger file gets them shifted by the forward steps
 *   taken out (so a file written after NTP corrected a stale clock is right for the next run), but
 *   never shifted back: a clock that is still behind next time is caught by the floor, and one that
 *   was put right meanwhile sees no session older than it is.
 * - A wall clock behind the floor that is known good (the system says it is synchronized, or the
 *   owner confirmed it) was ahead before: the ledger re-dates its future entries to now (they count
 *   as having happened just now) and the line follows the wall clock again (`followWall`).
 */
import type { TimeSource } from "../support/clock.js";

/** Smallest disagreement between wall and monotonic time taken as a step, not as NTP slewing. */
const STEP_TOLERANCE_MS = 1000;
/** NTP slews at most 500 ppm; allow twice that between two readings. */
const SLEW_RATE = 0.001;

export type ClockState = { trusted: true } | { trusted: false; behindMs: number; floor: number };

export interface ClockStep {
  /** Wall clock minus where it should have been (ms): positive forward, negative backward. */
  deltaMs: number;
  wallAt: number;
}

export class TrustedTime {
  private anchorWall: number;
  private anchorMono: number;
  /** Line = wall - offset: the steps taken out during this run (negative: the wall clock is behind). */
  private offset: number;
  /** Set while the wall clock has not yet reached the floor it started behind. */
  private behindFloor: number | undefined;
  private readonly stepListeners = new Set<(step: ClockStep) => void>();

  /** `floor`: the latest time (wall-clock ms) the ledger has seen in earlier runs. */
  constructor(
    private readonly clock: TimeSource,
    floor = Number.NEGATIVE_INFINITY,
  ) {
    this.anchorWall = clock.now();
    this.anchorMono = clock.monotonic();
    // Behind the floor, the line starts at the floor: the wall clock has gone back since.
    this.offset = Math.min(0, this.anchorWall - floor);
    if (this.anchorWall < floor) this.behindFloor = floor;
  }

  /** Now on the trusted line. Every reading also checks the wall clock for a step. */
  now(): number {
    return this.observe();
  }

  state(): ClockState {
    this.observe();
    if (this.behindFloor === undefined) return { trusted: true };
    return { trusted: false, behindMs: this.behindFloor - this.clock.now(), floor: this.behindFloor };
  }

  /** The wall clock's reading now (not on the line). */
  wallNow(): number {
    return this.clock.now();
  }

  /**
   * The wall clock is known good: the line is the wall clock from now on (no step taken out, no
   * floor). The caller re-dates every time after the wall clock's now first (see Ledger.trustWallClock),
   * so no age grows.
   */
  followWall(): void {
    this.anchorWall = this.clock.now();
    this.anchorMono = this.clock.monotonic();
    this.offset = 0;
    this.behindFloor = undefined;
  }

  /** A time on the line as wall-clock time, for display and for the ledger file (never shifted back). */
  toWall(lineMs: number): number {
    return lineMs + this.wallOffset();
  }

  /** What a ledger file written now adds to every time (ms): forward steps only. */
  wallOffset(): number {
    return Math.max(0, this.offset);
  }

  onStep(listener: (step: ClockStep) => void): () => void {
    this.stepListeners.add(listener);
    return () => this.stepListeners.delete(listener);
  }

  private observe(): number {
    const wall = this.clock.now();
    const mono = this.clock.monotonic();
    const elapsed = mono - this.anchorMono;
    const drift = wall - (this.anchorWall + elapsed);
    const tolerance = STEP_TOLERANCE_MS + Math.abs(elapsed) * SLEW_RATE;
    this.anchorWall = wall;
    this.anchorMono = mono;
    if (this.behindFloor !== undefined && wall >= this.behindFloor) this.behindFloor = undefined;
    if (Math.abs(drift) > tolerance) {
      this.offset += Math.round(drift);
      for (const listener of this.stepListeners) listener({ deltaMs: drift, wallAt: wall });
    }
    return wall - this.offset;
  }
}

/** "2 days 3 h", "4 min 10 s": for messages about how far a clock is off. */
export function describeDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const parts: Array<[number, string]> = [
    [Math.floor(s / 86400), s >= 2 * 86400 ? "days" : "day"],
    [Math.floor((s % 86400) / 3600), "h"],
    [Math.floor((s % 3600) / 60), "min"],
    [s % 60, "s"],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  return shown.length ? shown.map(([n, unit]) => `${n} ${unit}`).join(" ") : "0 s";
}
