import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { systemClock, type TimeSource } from "../../common/clock.js";
import { writeFileDurably } from "../../common/durable-file.js";
import { isUnwritable } from "../storage/writable.js";
import { type PanelDriver, type PanelDriverStatus, PanelUnreachableError, type RelayTimer } from "./driver.js";

export interface SimulatedAction {
  /**
   * "press": someone switched the panel on at the device (test hook `press()`), not the bridge;
   * "timer": the panel's own timer switched it off.
   */
  action: "on" | "off" | "press" | "timer";
  seconds?: number;
  at: number;
}

/**
 * A panel that only logs what a real one would do. With `stateFile` it also writes its state after
 * every change, so a test (or a curious user) can see what the panel did from outside the process.
 * Test hooks imitate the real world: `press()` (switched on at the device), `setPowerW()` (a meter's
 * reading), `setReachable()`; `failSafes` holds the limits of the last `applyFailSafes` call.
 *
 * Like a relay it has its own switch-off timer: a switch-on's seconds (rounded up, as a Shelly's
 * `toggle_after`), or after a press the fail-safe auto-off, reported by `onTimer()`. With `stateFile`
 * it is a relay that stays powered while the bridge restarts: a new driver on the same file starts
 * in the state the last one left (on, with its timer running, if pressed while no bridge ran), and
 * off if its timer ran out meanwhile. The timer is checked whenever the panel is looked at.
 */
export class SimulatedDriver implements PanelDriver {
  readonly kind = "simulated";
  readonly actions: SimulatedAction[] = [];
  private on_ = false;
  private reachable = true;
  private powerW: number | undefined;
  /** Limits from the last applyFailSafes() call (undefined until called); `failSafeCalls` counts calls. */
  failSafes: { maxSessionSeconds: number } | undefined;
  failSafeCalls = 0;
  private writes: Promise<void> = Promise.resolve();
  private heldOn: Promise<void> | undefined;
  /** Set while the state file cannot be written. */
  private unsaved: string | undefined;
  /** The panel's own switch-off timer while on: started (epoch ms), runs `seconds`. */
  private timer: { startedAt: number; seconds: number } | undefined;

  constructor(
    readonly panelId: string,
    private readonly options: { stateFile?: string; log?: (message: string) => void; time?: TimeSource } = {},
  ) {
    if (options.stateFile) this.restore(options.stateFile);
  }

  /** The panel's own clock (its timer and the times it records): the system's, or a test's. */
  private now(): number {
    return (this.options.time ?? systemClock).now();
  }

  /** The state the panel was left in (a file from before timers: on with no timer, as it was). */
  private restore(file: string): void {
    let state: { on?: unknown; timer?: { startedAt?: unknown; seconds?: unknown } };
    try {
      state = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      return; // no file yet (or not readable): a new panel, off
    }
    this.on_ = state.on === true;
    const { startedAt, seconds } = state.timer ?? {};
    if (this.on_ && typeof startedAt === "number" && typeof seconds === "number") this.timer = { startedAt, seconds };
  }

  /** For tests: make the panel unreachable (calls reject, status says so). */
  setReachable(reachable: boolean): void {
    this.reachable = reachable;
  }

  /**
   * For tests: someone switches the panel on at the device (its button or the vendor's app). Works
   * while the panel is unreachable from the bridge; recorded as action "press" and persisted.
   */
  async press(): Promise<void> {
    this.expire();
    if (!this.on_)
      this.timer = this.failSafes ? { startedAt: this.now(), seconds: Math.floor(this.failSafes.maxSessionSeconds) } : undefined;
    this.on_ = true;
    this.record({ action: "press", at: this.now() });
    this.log(`[${this.panelId}] ON by a press at the device (simulated)`);
    await this.persist();
  }

  /** For tests: what a power meter would read (W); undefined = the panel has no meter. */
  setPowerW(watts: number | undefined): void {
    this.powerW = watts;
  }

  get isOn(): boolean {
    this.expire();
    return this.on_;
  }

  /** For tests: the next switch-ons take until the returned function is called (a slow relay). */
  slowOn(): () => void {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    this.heldOn = held;
    return () => {
      if (this.heldOn === held) this.heldOn = undefined;
      release();
    };
  }

  async on(seconds: number): Promise<void> {
    await this.heldOn;
    this.ensureReachable();
    this.on_ = true;
    this.timer = { startedAt: this.now(), seconds: Math.max(1, Math.ceil(seconds)) };
    this.record({ action: "on", seconds, at: this.now() });
    this.log(`[${this.panelId}] ON for ${seconds} s (simulated)`);
    await this.persist(seconds);
  }

  async off(): Promise<void> {
    this.ensureReachable();
    this.on_ = false;
    this.timer = undefined;
    this.record({ action: "off", at: this.now() });
    this.log(`[${this.panelId}] OFF (simulated)`);
    await this.persist();
  }

  async status(): Promise<PanelDriverStatus> {
    this.expire();
    return { on: this.on_, reachable: this.reachable, ...(this.reachable && this.powerW !== undefined ? { powerW: this.powerW } : {}) };
  }

  /** Records the limits (a simulated panel has no hardware to arm); rejects while unreachable. */
  async applyFailSafes(limits: { maxSessionSeconds: number }): Promise<void> {
    this.ensureReachable();
    this.failSafes = { maxSessionSeconds: limits.maxSessionSeconds };
    this.failSafeCalls++;
    this.log(`[${this.panelId}] fail-safes: off at power-up, auto-off after ${Math.floor(limits.maxSessionSeconds)} s (simulated)`);
  }

  /** The panel's own timer, as a relay reports it (rejects while unreachable). */
  async onTimer(): Promise<RelayTimer | undefined> {
    this.ensureReachable();
    this.expire();
    if (!this.on_ || !this.timer) return undefined;
    return { seconds: this.timer.seconds, elapsedSeconds: (this.now() - this.timer.startedAt) / 1000 };
  }

  /** A timer that ran out has switched the panel off (at the time it ran out). */
  private expire(): void {
    if (!this.on_ || !this.timer) return;
    const at = this.timer.startedAt + this.timer.seconds * 1000;
    if (this.now() < at) return;
    this.on_ = false;
    this.timer = undefined;
    this.record({ action: "timer", at });
    this.log(`[${this.panelId}] OFF by its own timer (simulated)`);
    this.persist().catch((err) => this.log(`[${this.panelId}] could not save its state: ${(err as Error).message}`));
  }

  private ensureReachable(): void {
    if (!this.reachable) throw new PanelUnreachableError(`simulated panel ${this.panelId} is unreachable`);
  }

  private record(action: SimulatedAction): void {
    this.actions.push(action);
    if (this.actions.length > 1000) this.actions.splice(0, this.actions.length - 1000);
  }

  private log(message: string): void {
    (this.options.log ?? console.log)(message);
  }

  private persist(seconds?: number): Promise<void> {
    const file = this.options.stateFile;
    if (!file) return Promise.resolve();
    const state = {
      on: this.on_,
      ...(seconds !== undefined ? { seconds } : {}),
      ...(this.timer ? { timer: this.timer } : {}),
      changedAt: new Date().toISOString(),
      actions: this.actions.slice(-50),
    };
    const write = async () => {
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFileDurably(file, JSON.stringify(state), { mode: 0o644 });
        this.unsaved = undefined;
      } catch (err) {
        // A storage folder the bridge cannot write: the simulated panel works on in memory (a real
        // relay keeps no file either), saying once that its file is behind.
        if (!isUnwritable(err)) throw err;
        if (this.unsaved === undefined)
          this.log(`[${this.panelId}] cannot write ${file} (${(err as Error).message}); the simulated panel works on without it`);
        this.unsaved = (err as Error).message;
      }
    };
    this.writes = this.writes.then(write, write);
    return this.writes;
  }
}
