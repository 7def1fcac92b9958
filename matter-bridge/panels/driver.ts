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
  status(): Promise<{ on: boolean; reachable: boolean }>;
  close?(): Promise<void>;
}

export class PanelUnreachableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PanelUnreachableError";
  }
}
