/**
 * One panel as the sessions layer sees it: its state (one of `PanelPhase`, changed only through
 * `transition()`, which checks the step and tells the listeners), the starts asked for on it (tickets
 * beside the state) and its relay (`PanelActuator`). A new state is a new object: whoever read the
 * state before an `await` knows it changed meanwhile by identity (ARCHITECTURE.md, "Panel states").
 */
import type { PanelState } from "../contract/api.js";
import type { PanelConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import { type ActuatorOptions, PanelActuator } from "../panels/actuator.js";
import type { PanelDriver, RelayTimer } from "../panels/driver.js";
import type { Deadline } from "./deadline.js";
import type { Stopped } from "./outcomes.js";
import type { StartTicket } from "./tickets.js";

/** A session of this bridge, from its grant (the ledger entry written) until its end is. */
export interface PanelSession {
  entry: LedgerSession;
  startedMono: number;
  deadline: Deadline;
  /** The relay's own switch-off timer as it reported it once switched on (undefined: none, or unknown). */
  relayTimer?: Promise<RelayTimer | undefined>;
  /** The switch-on failed (the relay may have switched on anyway, with the timer it was asked for). */
  onFailed?: boolean;
}

export type PanelPhase =
  | { kind: "off" }
  /** Found on outside any session while the bridge runs (a press at the device): being switched off and counted. */
  | { kind: "pressed" }
  /** Found on by the start-up read: being switched off and counted before anything else. */
  | { kind: "found-on-at-start-up" }
  /** The ledger entry is written; the relay is not asked yet (a stop now means it never is). */
  | { kind: "granted"; session: PanelSession }
  /** The relay is asked; `answered` settles with its answer, either way. */
  | { kind: "switching-on"; session: PanelSession; answered: Promise<void> }
  | { kind: "on"; session: PanelSession }
  /** The switch-off is being tried until it gets through, then the end is written. */
  | { kind: "stopping"; session: PanelSession; reason: string; neverOn: boolean; done: Promise<Stopped> };

export type PhaseKind = PanelPhase["kind"];
type WithSession = Extract<PanelPhase, { session: PanelSession }>;

/** The only steps there are; a stop is legal from every state a session is in, so it always wins. */
const NEXT: Record<PhaseKind, readonly PhaseKind[]> = {
  off: ["pressed", "found-on-at-start-up", "granted"],
  pressed: ["off"],
  "found-on-at-start-up": ["off"],
  granted: ["switching-on", "stopping"],
  "switching-on": ["on", "stopping"],
  on: ["stopping"],
  stopping: ["off"],
};

/** A step the state machine does not have: a bug in the bridge, never a user's mistake. */
export class IllegalTransitionError extends Error {
  constructor(panelId: string, from: PhaseKind, to: PhaseKind) {
    super(`panel ${panelId}: no step from ${from} to ${to}`);
    this.name = "IllegalTransitionError";
  }
}

export const hasSession = (phase: PanelPhase): phase is WithSession => "session" in phase;

export class Panel {
  private phase: PanelPhase = { kind: "off" };
  private readonly tickets = new Set<StartTicket>();
  /** Monotonic time the relay was last seen off outside a session: a press found later happened after it. */
  lastSeenOff: number | undefined;

  constructor(
    readonly config: PanelConfig,
    readonly actuator: PanelActuator,
    /** Tells the listeners what the panel shows now. */
    private readonly changed: () => void,
  ) {}

  /** A panel over `driver`; every change of its state or its relay's (reachable, fault) goes to `publish`. */
  static create(config: PanelConfig, driver: PanelDriver, relay: Omit<ActuatorOptions, "onChange">, publish: (p: Panel) => void): Panel {
    const panel: Panel = new Panel(config, new PanelActuator(config.id, driver, { ...relay, onChange: () => panel.changed() }), () =>
      publish(panel),
    );
    return panel;
  }

  get id(): string {
    return this.config.id;
  }

  get state(): PanelPhase {
    return this.phase;
  }

  /**
   * The one way the state changes: an illegal step throws (a bug). A step the API can see (the shown
   * state or the session shown) is published; granted → switching-on shows nothing new.
   */
  transition(next: PanelPhase): void {
    const from = this.phase;
    if (!NEXT[from.kind].includes(next.kind)) throw new IllegalTransitionError(this.id, from.kind, next.kind);
    if (hasSession(from) && hasSession(next) && from.session !== next.session)
      throw new Error(`panel ${this.id}: a ${next.kind} step of another session`);
    const shown = [this.shownState, this.shownSession];
    this.phase = next;
    if (shown[0] !== this.shownState || shown[1] !== this.shownSession) this.changed();
  }

  /** The session granted, switching on, on or stopping on this panel. */
  get session(): PanelSession | undefined {
    return hasSession(this.phase) ? this.phase.session : undefined;
  }

  /** The session granted, switching on or on: one no stop has been asked for yet. */
  get running(): PanelSession | undefined {
    const { phase } = this;
    return phase.kind === "granted" || phase.kind === "switching-on" || phase.kind === "on" ? phase.session : undefined;
  }

  /** Brings the running session's deadline forward to at most `seconds` from now (never later). */
  shorten(seconds: number): void {
    const session = this.running;
    if (!session) return;
    session.deadline.bringForward(seconds * 1000);
    this.changed();
  }

  /** The session the API shows: one starting or on (not one being stopped). */
  get shownSession(): PanelSession | undefined {
    return this.phase.kind === "stopping" ? undefined : this.session;
  }

  /** What the API shows: only "off" is dark for sure; a pressed relay reads as on until it is off. */
  get shownState(): PanelState {
    switch (this.phase.kind) {
      case "off":
        return [...this.tickets].some((t) => !t.cancelled) ? "starting" : "off";
      case "granted":
      case "switching-on":
        return "starting";
      case "on":
        return "on";
      default:
        return "stopping";
    }
  }

  addTicket(ticket: StartTicket): void {
    this.tickets.add(ticket);
    this.changed();
  }

  /** The start is over (refused, or a stop answered it); quietly when it became the panel's session. */
  dropTicket(ticket: StartTicket, quietly = false): void {
    if (this.tickets.delete(ticket) && !quietly) this.changed();
  }

  /** Cancels the pending starts (only `region`'s, when given), first asked first: none switches anything on. */
  cancelTickets(reason: string, at: number, region?: RegionId): StartTicket[] {
    const cancelled = [...this.tickets].filter((t) => !t.cancelled && (region === undefined || t.region === region));
    for (const t of cancelled) t.cancelled = { reason, at };
    if (cancelled.length) this.changed();
    return cancelled;
  }

  /** Ledger entries being written by a start on this panel. */
  ticketEntries(): LedgerSession[] {
    return [...this.tickets].flatMap((t) => (t.entry ? [t.entry] : []));
  }
}

/**
 * What a session gave, from `elapsed` (grant to the switch-off confirmed: the relay was on for no
 * longer than that, however late its switch-on landed): capped only by the relay's own timer as it
 * reported it (it switched itself off then). A session that ran its course counts at least its
 * planned time (the deadline is `planned` after the grant; the relay's timer is never shorter). A
 * relay that reports no timer is counted for all of `elapsed`; one whose switch-on failed, for at
 * most the timer it was asked for.
 */
export async function deliveredSeconds(session: PanelSession, elapsed: number): Promise<number> {
  const cap = session.onFailed ? session.entry.plannedSeconds : (await session.relayTimer)?.seconds;
  const seconds = cap === undefined ? elapsed : Math.min(elapsed, cap);
  return Math.ceil(seconds * 1000) / 1000;
}
