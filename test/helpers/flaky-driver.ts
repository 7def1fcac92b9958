import { type PanelDriver, PanelUnreachableError } from "../../matter-bridge/panels/driver.js";
import type { TimeSource } from "../../matter-bridge/support/clock.js";

/** A driver whose calls can be made to fail a number of times, for the controller's failure paths. */
export class FlakyDriver implements PanelDriver {
  readonly kind = "flaky";
  on_ = false;
  readonly calls: Array<{ action: "on" | "off"; seconds?: number; ok: boolean; at: number }> = [];
  failOn = 0;
  failOff = 0;
  /** While set, a switch-on waits for it (a slow relay); it fails if the promise rejects. */
  holdOn: Promise<void> | undefined;
  /** Switch-ons asked for, answered or not (`calls` has them once answered). */
  onAsked = 0;

  /** `calls[].at` on this clock's monotonic time (a test's fake clock), else performance.now(). */
  constructor(private readonly clock: Pick<TimeSource, "monotonic"> = { monotonic: () => performance.now() }) {}

  /** Makes the next switch-ons wait until the returned function is called. */
  slowOn(): () => void {
    let release!: () => void;
    this.holdOn = new Promise<void>((r) => {
      release = r;
    });
    return () => {
      this.holdOn = undefined;
      release();
    };
  }

  async on(seconds: number): Promise<void> {
    this.onAsked++;
    await this.holdOn;
    const ok = this.failOn-- <= 0;
    this.calls.push({ action: "on", seconds, ok, at: this.clock.monotonic() });
    if (!ok) throw new PanelUnreachableError("on failed (test)");
    this.on_ = true;
  }

  async off(): Promise<void> {
    const ok = this.failOff-- <= 0;
    this.calls.push({ action: "off", ok, at: this.clock.monotonic() });
    if (!ok) throw new PanelUnreachableError("off failed (test)");
    this.on_ = false;
  }

  async status() {
    return { on: this.on_, reachable: this.failOff <= 0 && this.failOn <= 0 };
  }
}
