/**
 * One panel's relay as the session controller uses it: a driver plus what the bridge knows about the
 * device (reachable, its own fail-safes armed, a fault), with a switch-off that is retried until it
 * gets through. Sessions and dose are not its business.
 */
import type { Clock } from "../support/clock.js";
import type { PanelDriver, PanelDriverStatus, RelayTimer } from "./driver.js";

export interface ActuatorOptions {
  /** First delay between attempts to switch off a panel that did not answer; doubles up to 5 s. */
  offRetryMs: number;
  /** The limits the device's own fail-safes enforce (auto-off no later than a session's cap). */
  maxSessionSeconds: number;
  /** The retries' timers. */
  clock: Clock;
  log: (message: string) => void;
  /** Called when `reachable` or `fault` changes. */
  onChange: () => void;
}

const MAX_OFF_RETRY_MS = 5000;

export class PanelActuator {
  private reachable_ = true;
  private fault_: string | undefined;
  private failSafesDue = true;
  private switchingOff = 0;

  constructor(
    readonly panelId: string,
    readonly driver: PanelDriver,
    private readonly options: ActuatorOptions,
  ) {}

  get reachable(): boolean {
    return this.reachable_;
  }

  get fault(): string | undefined {
    return this.fault_;
  }

  /** True while a switch-off is still being tried: nothing may switch the panel on meanwhile. */
  get isSwitchingOff(): boolean {
    return this.switchingOff > 0;
  }

  /** Switches on; a failure marks the panel unreachable and rethrows. */
  async on(seconds: number): Promise<void> {
    try {
      await this.driver.on(seconds);
    } catch (err) {
      this.setReachable(false);
      throw err;
    }
    this.setReachable(true, false);
  }

  /** Switches off, retrying with back-off until it succeeds (or `attempts` run out). */
  async switchOff(attempts = Number.POSITIVE_INFINITY): Promise<boolean> {
    this.switchingOff++;
    try {
      return await this.tryOff(attempts);
    } finally {
      this.switchingOff--;
    }
  }

  private async tryOff(attempts: number): Promise<boolean> {
    let delay = this.options.offRetryMs;
    for (let i = 1; ; i++) {
      try {
        await this.driver.off();
        this.setReachable(true);
        return true;
      } catch (err) {
        this.setReachable(false);
        if (i === 1) this.log(`switch-off failed (${(err as Error).message})${attempts > 1 ? "; retrying until it succeeds" : ""}`);
        if (i >= attempts) return false;
        await new Promise<void>((r) => this.options.clock.after(delay, r));
        delay = Math.min(delay * 2, MAX_OFF_RETRY_MS);
      }
    }
  }

  /** Reads the relay; a device that answers again gets its fail-safes armed again. */
  async read(): Promise<PanelDriverStatus> {
    const status = await this.driver.status();
    this.setReachable(status.reachable);
    if (status.reachable && this.failSafesDue) await this.armFailSafes();
    return status;
  }

  /** Reads the relay and nothing else (the fail-safes are not touched: at start-up, before the switch-off). */
  async peek(): Promise<PanelDriverStatus> {
    const status = await this.driver.status();
    this.setReachable(status.reachable);
    return status;
  }

  /** The relay's own switch-off timer as it reports it; undefined when none runs or it cannot tell (never rejects). */
  async onTimer(): Promise<RelayTimer | undefined> {
    try {
      return await this.driver.onTimer?.();
    } catch (err) {
      this.log(`could not read the relay's timer (${(err as Error).message})`);
      return undefined;
    }
  }

  /** Arms the device's own fail-safes; a device that cannot take them now is tried again when it answers. */
  async armFailSafes(): Promise<void> {
    if (!this.driver.applyFailSafes) {
      this.failSafesDue = false;
      return;
    }
    try {
      await this.driver.applyFailSafes({ maxSessionSeconds: this.options.maxSessionSeconds });
      this.failSafesDue = false;
    } catch (err) {
      this.failSafesDue = true;
      this.log(`could not arm the device's own fail-safes (${(err as Error).message}); trying again when it answers`);
    }
  }

  setFault(fault: string | undefined): void {
    if (this.fault_ === fault) return;
    this.fault_ = fault;
    if (fault) this.log(`FAULT: ${fault}`);
    this.options.onChange();
  }

  private setReachable(reachable: boolean, notify = true): void {
    if (this.reachable_ === reachable) return;
    this.reachable_ = reachable;
    // A device that comes back may have lost its settings (a reset, a replacement): arm them again.
    if (reachable) this.failSafesDue = true;
    if (notify) this.options.onChange();
  }

  private log(message: string): void {
    this.options.log(`[${this.panelId}] ${message}`);
  }
}
