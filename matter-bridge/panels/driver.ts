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
  close?(): Promise<void>;
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
