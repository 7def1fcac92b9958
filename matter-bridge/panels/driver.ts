/**
 * A panel driver switches one physical (or simulated) panel. Only the session controller calls it.
 * Every call must settle within the driver's timeout; a call that cannot reach the device rejects
 * with PanelUnreachableError.
 */
export interface PanelDriver {
  readonly kind: string;
  /** Switch on; `seconds` is the granted time, used as a hardware auto-off backstop where the device has one. */
  on(seconds: number): Promise<void>;
  off(): Promise<void>;
  /** Current relay state and reachability. Never rejects: an unreachable device reports reachable=false. */
  status(): Promise<PanelDriverStatus>;
  /**
   * Arms the device's own fail-safes (off after a power cut, auto-off no later than a session's cap),
   * so a press at the device or a dead bridge can never leave the panel on for long. Called at
   * start-up and whenever the device becomes reachable again. Rejects when the device cannot be set.
   */
  applyFailSafes?(limits: { maxSessionSeconds: number }): Promise<void>;
  /**
   * The relay's own switch-off timer while it is on (a session's `toggle_after`, or its `auto_off`
   * after a press), as the device reports it; undefined when no timer runs. Rejects when the device
   * cannot be read. Without this method the relay's timer is unknown.
   */
  onTimer?(): Promise<RelayTimer | undefined>;
  close?(): Promise<void>;
}

/** A relay's own switch-off timer, as it reports it. */
export interface RelayTimer {
  /** How long the timer runs from the switch-on that started it (s). */
  seconds: number;
  /**
   * How long it has run (s), measured on the device's own clock (so the bridge's clock does not
   * enter it); undefined when the device cannot tell (its clock is not set).
   */
  elapsedSeconds?: number;
}

export interface PanelDriverStatus {
  on: boolean;
  reachable: boolean;
  /** Power drawn now (W), where the device meters it. */
  powerW?: number;
}

export class PanelUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PanelUnreachableError";
  }
}
