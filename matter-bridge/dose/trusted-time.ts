/**
 * The time line every session's age is judged on. A step of the wall clock (NTP correcting a Pi that
 * booted with a stale time, a person setting the clock) must not make a session look older than it
 * is, or a region would be released early.
 *
 * - Within a run the line advances with the monotonic clock. The wall clock is followed while it
 *   agrees (NTP slewing), and a forward step is detected (wall vs monotonic) and taken out: the line
 *   stays continuous and every session keeps its true age. A backward step is let through: sessions
 *   then look younger, which only ever refuses more.
 * - Across runs the floor is the latest time the ledger has seen. A wall clock behind it at start-up
 *   is not trusted: every start is refused (CLOCK_UNTRUSTED) until the wall clock catches up. A jump
 *   that catches up is a step like any other (taken out): nothing tells NTP's correction from a
 *   wrong setting, so earlier sessions then count as more recent than they were (refusing more).
 *   The same holds for a late NTP correction while running; the systemd unit waits for time sync.
 * - Times are kept on this line in memory; `toWall` turns them into wall-clock times for display and
 *   for the ledger file, so a file written after a step is right for the next run.
 */
import type { Clock } from "../sessions/clock.js";

/** Smallest disagreement between wall and monotonic time taken as a step, not as NTP slewing. */
export const STEP_TOLERANCE_MS = 1000;
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
  /** Line = wall - offset: the forward steps taken out during this run. */
  private offset: number;
  /** Set while the wall clock has not yet reached the floor it started behind. */
  private behindFloor: number | undefined;
  private readonly stepListeners = new Set<(step: ClockStep) => void>();

  /** `floor`: the latest time (wall-clock ms) the ledger has seen in earlier runs. */
  constructor(
    private readonly clock: Clock,
    floor = Number.NEGATIVE_INFINITY,
  ) {
    this.anchorWall = clock.now();
    this.anchorMono = clock.monotonic();
    this.offset = 0;
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

  /** A time on the line as wall-clock time (what the wall clock read, or reads now, at that moment). */
  toWall(lineMs: number): number {
    return lineMs + this.offset;
  }

  /** Line-to-wall offset (ms); a ledger file written now adds this to every time. */
  wallOffset(): number {
    return this.offset;
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
      if (drift > 0) this.offset += Math.round(drift);
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
