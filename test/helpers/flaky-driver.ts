import { type PanelDriver, PanelUnreachableError } from "../../matter-bridge/panels/driver.js";

/** A driver whose calls can be made to fail a number of times, for the controller's failure paths. */
export class FlakyDriver implements PanelDriver {
  readonly kind = "flaky";
  on_ = false;
  readonly calls: Array<{ action: "on" | "off"; seconds?: number; ok: boolean; at: number }> = [];
  failOn = 0;
  failOff = 0;

  async on(seconds: number): Promise<void> {
    const ok = this.failOn-- <= 0;
    this.calls.push({ action: "on", seconds, ok, at: performance.now() });
    if (!ok) throw new PanelUnreachableError("on failed (test)");
    this.on_ = true;
  }

  async off(): Promise<void> {
    const ok = this.failOff-- <= 0;
    this.calls.push({ action: "off", ok, at: performance.now() });
    if (!ok) throw new PanelUnreachableError("off failed (test)");
    this.on_ = false;
  }

  async status() {
    return { on: this.on_, reachable: this.failOff <= 0 && this.failOn <= 0 };
  }
}
