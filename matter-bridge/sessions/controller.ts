/**
 * The session controller: the one place that starts and stops sessions (invariants 1-3 and 8).
 * Matter, the HTTP API, start-up and shutdown call it. Start: ticket → (queue) clock, caution,
 * policy → ledger → granted → relay on → on. Stop: stopping → relay off (retried) → ledger → off.
 * Each panel's state is a `Panel` (panel.ts); what the panels show and the ledger says is `queries`.
 */
import { randomUUID } from "node:crypto";
import type { SessionRequest } from "../contract/api.js";
import { type BridgeConfig, findPanel } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import type { ClockSyncSource } from "../dose/clock-sync.js";
import { currentPersonId, formerPersonIds } from "../dose/ids.js";
import { type Ledger, LedgerUnavailableError } from "../dose/ledger.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import { describeDuration, TrustedTime } from "../dose/trusted-time.js";
import type { PanelDriver } from "../panels/driver.js";
import type { StorageOwnership } from "../storage/ownership.js";
import type { StorageState, StorageUnavailableError } from "../storage/writable.js";
import { type Clock, systemClock } from "../support/clock.js";
import { admit, panelBusy } from "./admission.js";
import { CautionGate } from "./caution-gate.js";
import { ClockTrust } from "./clock-trust.js";
import { LedgerBacklog } from "./ledger-backlog.js";
import { type Grant, refused, type StartOutcome, type Stopped, stoppedBefore, type Withdrawal } from "./outcomes.js";
import { Panel, type PanelSession } from "./panel.js";
import { PressWatch } from "./press-watch.js";
import { SessionQueries } from "./queries.js";
import { SessionLife } from "./session-life.js";
import { switchEveryPanelOff } from "./start-up.js";
import { cancelledEntry, type StartTicket, ticketFor } from "./tickets.js";

export type { StartOutcome, Stopped, StoppedBeforeStart } from "./outcomes.js";
export { PANEL_POLL_MS } from "./press-watch.js";
export type { PanelListener } from "./queries.js";

export interface ControllerOptions {
  config: BridgeConfig;
  /** The opened ledger, or the error that stopped it from opening (every start is then refused). */
  ledger: Ledger | Error;
  /** Who may write the storage folder (storage/ownership.ts): asked why it is not written, when it is not. */
  storage?: Pick<StorageOwnership, "why">;
  drivers: Record<string, PanelDriver>;
  /** Monotonic time and the timers (deadlines, switch-off retries, the relay poll); the ledger has its own time. */
  clock?: Clock;
  log?: (message: string) => void;
  /** First delay between attempts to switch off a panel that did not answer; doubles up to 5 s. */
  offRetryMs?: number;
  /** First delay between attempts to write a ledger change that failed; doubles up to 10 s. */
  ledgerRetryMs?: number;
  /** Asks the system whether its clock is synchronized, for a clock behind the ledger (see clock-trust.ts). */
  clockSync?: ClockSyncSource;
}

type Granted = { panel: Panel; session: PanelSession; grant: Grant };

export class SessionController {
  readonly config: BridgeConfig;
  /** The trusted time line every age is judged on (the ledger's, so its floor counts). */
  readonly time: TrustedTime;
  /** The household's red-flag caution gate. */
  readonly caution: CautionGate;
  /** A clock behind the ledger: what starts wait for, and the re-dating once the clock is known good. */
  readonly clockTrust: ClockTrust;
  /** The read model (status, dose, history...); the controller's methods of the same names are its short forms. */
  readonly queries: SessionQueries;
  private readonly clock: Clock;
  private readonly log: (m: string) => void;
  private readonly panels = new Map<string, Panel>();
  private readonly backlog: LedgerBacklog;
  private readonly presses: PressWatch;
  private readonly life: SessionLife;
  private startQueue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: ControllerOptions) {
    const { config } = options;
    this.config = config;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? ((m) => console.log(m));
    const { clock, log } = this;
    this.time = options.ledger instanceof Error ? new TrustedTime(clock) : options.ledger.time;
    this.backlog = new LedgerBacklog({ retryMs: options.ledgerRetryMs ?? 1000, log, clock });
    this.clockTrust = new ClockTrust({ time: this.time, ledger: () => this.ledger, sync: options.clockSync, log, clock });
    this.ledger?.knowFormerIds((person) => formerPersonIds(config, person));
    this.caution = new CautionGate({
      ledger: this.ledger,
      requireLedger: () => this.requireLedger(),
      backlog: this.backlog,
      time: this.time,
      clock,
      log,
      people: config.people.map((p) => p.id),
      currentId: (id) => currentPersonId(config, id),
    });
    const panel = (id: string) => this.panel(id);
    this.queries = new SessionQueries({ config, time: this.time, ledger: () => this.ledger, panel, log });
    for (const p of config.panels) {
      const driver = options.drivers[p.id];
      if (!driver) throw new Error(`no driver for panel ${p.id}`);
      const relay = { offRetryMs: options.offRetryMs ?? 250, maxSessionSeconds: config.dose.maxSessionSeconds, clock, log };
      this.panels.set(
        p.id,
        Panel.create(p, driver, relay, (changed) => this.queries.publish(changed)),
      );
    }
    const { time, backlog, queries } = this;
    this.life = new SessionLife({ clock, time, ledger: () => this.ledger, backlog, queries, namePeople: config.people.length > 1, log });
    const book = (entry: LedgerSession, what: string) => this.book(entry, what);
    this.presses = new PressWatch({ config, panel, clock, time, region: (id) => this.currentRegion(id), book, log });
    this.time.onStep((step) => {
      const direction = step.deltaMs > 0 ? "forward" : "back";
      log(
        `The system clock stepped ${direction} by ${describeDuration(step.deltaMs)}. Session ages keep running on the bridge's own time line; the step changes none of them.`,
      );
      const ledger = this.ledger;
      if (ledger) this.backlog.run("record the clock step", () => ledger.persistClockStep());
    });
  }

  // The storage front: one answer to "why can no session start because of the ledger".

  private get ledger(): Ledger | undefined {
    return this.options.ledger instanceof Error ? undefined : this.options.ledger;
  }

  /** Why no start can pass the ledger: unreadable (corrupt), the folder not written (suspended), or a change not on disk yet. */
  ledgerProblem(): string | undefined {
    const error = this.options.ledger instanceof Error ? this.options.ledger : undefined;
    return error?.message ?? this.ledger?.suspended?.message ?? this.options.storage?.why()?.message ?? this.backlog.problem();
  }

  /** "ok", or why the bridge does not write its storage folder ("read-only", or "locked" by another bridge). */
  storageState(): "ok" | StorageState {
    return this.options.storage?.why()?.state ?? "ok";
  }

  /** The storage folder is not this bridge's to write: the ledger takes no change, every start is refused, until `resumeLedger()`. */
  suspendLedger(reason: StorageUnavailableError): void {
    this.ledger?.suspend(reason);
  }

  /**
   * The folder is writable and its lock held: what waited is written, then crashed sessions no live one
   * owns are closed. Rejects (still suspended) when the ledger changed on disk meanwhile.
   */
  async resumeLedger(): Promise<void> {
    const ledger = this.ledger;
    if (!ledger) return;
    const wasSuspended = ledger.suspended !== undefined;
    await ledger.resume();
    await this.backlog.retryNow();
    if (wasSuspended) await this.closeCrashed();
  }

  /** The ledger, or LedgerUnavailableError (the API answers 503 LEDGER_UNAVAILABLE) when it could not be read. */
  requireLedger(): Ledger {
    const ledger = this.ledger;
    if (!ledger) throw new LedgerUnavailableError(this.ledgerProblem() ?? "The dose ledger is unavailable.");
    return ledger;
  }

  /**
   * A red flag: the gate closes at once (its record kept in the red-flag slot until written) and every
   * panel is stopped before the record is written, so a start writing its entry meanwhile is cancelled.
   * `stops` settle as the panels are confirmed off.
   */
  async withdrawCaution(reason: string | undefined, source: string, person?: string): Promise<Withdrawal> {
    const withdrawal = this.caution.withdraw(reason, source, person);
    const stops = this.config.panels.map((p) => this.stop(p.id, "caution-withdrawn"));
    const { at, kept } = await withdrawal;
    return { withdrawnAt: at, kept, stops };
  }

  // Starting.

  /** Asks the dose policy and, when granted, switches the panel on with a deadline; a request naming nobody is for the panel's `defaultPerson`. */
  start(request: SessionRequest, source: string): Promise<StartOutcome> {
    const p = findPanel(this.config, request.panelId);
    const panel = p && this.panel(p.id);
    // A ticket at once, before any wait, so a stop that arrives while it waits its turn cancels it.
    const ticket = p && ticketFor(this.config, p, request, source, randomUUID());
    if (ticket) panel?.addTicket(ticket);
    // One queue for the checks, the policy and the ledger entry; the switch-on runs outside it.
    const run = () => this.grant(request, source, ticket);
    const granted = this.startQueue.then(run, run);
    this.startQueue = granted.catch(() => undefined);
    const switchOn = (g: Awaited<typeof granted>) => {
      if (!("grant" in g)) return g;
      if (this.closed) void this.life.end(g.panel, g.session, "shutdown");
      return this.life.switchOn(g.panel, g.session, g.grant, source);
    };
    return granted.then(switchOn).finally(() => ticket && panel?.dropTicket(ticket));
  }

  /** The start's turn: the checks, the policy and the ledger entry; a grant becomes the panel's session. */
  private async grant(request: SessionRequest, source: string, ticket: StartTicket | undefined): Promise<StartOutcome | Granted> {
    if (ticket?.cancelled) return this.stoppedBeforeStart(ticket);
    const { config, closed, clockTrust, caution } = this;
    const facts = {
      ledger: this.ledger,
      ledgerProblem: this.ledgerProblem(),
      now: this.time.now(),
      panel: ticket && this.panel(ticket.panelId),
    };
    const admitted = admit({ config, closed, clockTrust, caution, ...facts }, request, source, ticket?.id ?? randomUUID());
    if (!("entry" in admitted)) return admitted;
    const { grant, entry, ledger } = admitted;
    if (ticket) ticket.entry = entry;
    try {
      await ledger.begin(entry);
    } catch (err) {
      return refused("LEDGER_UNAVAILABLE", `The dose ledger could not be written (${(err as Error).message}); nothing was switched on.`);
    }
    const panel = this.panel(entry.panelId);
    // A stop (or a press at the device) came while the entry was written: it is closed as delivering
    // nothing (still in the queue, so the next start sees it closed), and the relay is never asked.
    const lost = ticket?.cancelled ? this.stoppedBeforeStart(ticket) : panelBusy(panel);
    if (lost) {
      const { reason, at } = ticket?.cancelled ?? { reason: "panel-busy", at: Math.round(this.time.now()) };
      await this.backlog.run(`record the end of session ${entry.id.slice(0, 8)}`, () => ledger.finish(entry.id, at, 0, reason));
      return lost;
    }
    if (ticket) panel.dropTicket(ticket, true);
    const session = this.life.grant(panel, entry);
    return { panel, session, grant };
  }

  private stoppedBeforeStart(t: StartTicket): StartOutcome {
    return stoppedBefore(this.panel(t.panelId).config.name, t.cancelled?.reason ?? "stopped");
  }

  // Stopping.

  /**
   * Ends the panel's session (if any; with `region`, only that region's), also one still switching on
   * (off once the relay has answered); resolves once the panel is off. Pending starts are cancelled:
   * they switch nothing on; without a session the stop answers the first of them (`cancelled`, 0 s).
   */
  stop(panelId: string, reason: string, options: { region?: RegionId } = {}): Promise<Stopped | undefined> {
    const panel = this.panels.get(panelId);
    if (!panel) return Promise.resolve(undefined);
    const at = Math.round(this.time.now());
    const cancelled = panel.cancelTickets(reason, at, options.region).map((t): Stopped => {
      this.log(`[${panelId}] a ${t.region} start (via ${t.source}) was cancelled by a stop (${reason}) before the panel was switched on`);
      return { ...this.queries.finished(cancelledEntry(t, at)), cancelled: true };
    });
    const session = panel.session;
    if (session && (options.region === undefined || session.entry.region === options.region)) return this.life.end(panel, session, reason);
    return Promise.resolve(cancelled[0]);
  }

  /** Shortens a running session to at most `seconds` from now. Never extends one. */
  shorten(panelId: string, seconds: number): void {
    this.panels.get(panelId)?.shorten(seconds);
  }

  // Start-up and shutdown.

  /** Start-up (invariant 2): every relay read and switched off before anything else (start-up.ts), then crashed sessions closed. */
  async recover(): Promise<LedgerSession[]> {
    const ledger = this.ledger;
    await switchEveryPanelOff({
      config: this.config,
      panels: [...this.panels.values()],
      clock: this.clock,
      now: () => this.time.now(),
      openSessions: () => ledger?.openSessions() ?? [],
      region: (id) => this.currentRegion(id),
      book: (entry, what) => this.book(entry, what),
      log: this.log,
    });
    // A suspended ledger (a storage folder the bridge cannot write) closes them once it resumes.
    const closed = ledger?.suspended ? [] : await this.closeCrashed();
    // A clock behind the ledger: the system is asked now (and then every little while) whether it is right.
    await this.clockTrust.watch();
    return closed;
  }

  private async book(entry: LedgerSession, what: string): Promise<void> {
    const ledger = this.ledger;
    if (ledger) await this.backlog.run(what, () => ledger.record(entry));
  }

  /** Sessions a crash left open, closed as fully delivered (retried); never an entry a live session or start owns. */
  private async closeCrashed(): Promise<LedgerSession[]> {
    let closed: LedgerSession[] = [];
    const ledger = this.ledger;
    const live = () =>
      new Set([...this.panels.values()].flatMap((p) => [...(p.session ? [p.session.entry] : []), ...p.ticketEntries()]).map((e) => e.id));
    if (ledger?.openSessions().some((s) => !live().has(s.id)))
      await this.backlog.run("close the sessions a crash left open", async () => {
        closed = await ledger.closeOpenAsDelivered(undefined, live());
      });
    for (const s of closed) this.log(`[${s.panelId}] session ${s.id.slice(0, 8)} had no recorded end: counted as fully delivered`);
    return closed;
  }

  /** Reads every relay every couple of seconds from now until the shutdown: a press at the device is switched off and counted. */
  watchPresses(): void {
    if (!this.closed) this.presses.start();
  }

  /** One read of one relay (what the press watch does every couple of seconds). */
  pollPanel(panelId: string): Promise<void> {
    return this.presses.poll(panelId);
  }

  /** Every session stopped and every panel commanded off; no new starts. Answers the panels that did not confirm they are off. */
  async shutdown(): Promise<string[]> {
    this.closed = true;
    this.presses.stop();
    this.clockTrust.stop();
    // Stopping first cancels a start still writing its ledger entry; after the queue, once more for anything granted meanwhile.
    const stopAll = () => Promise.all(this.config.panels.map((p) => this.stop(p.id, "shutdown")));
    const first = stopAll();
    await this.startQueue;
    await Promise.all([first, stopAll()]);
    const confirmed = await Promise.all(this.config.panels.map((p) => this.panel(p.id).actuator.switchOff(3)));
    await this.backlog.close();
    return this.config.panels.filter((_, i) => !confirmed[i]).map((p) => p.id);
  }

  private panel(panelId: string): Panel {
    const panel = this.panels.get(panelId);
    if (!panel) throw new Error(`unknown panel ${panelId}`);
    return panel;
  }

  // The read model's short forms (callers: api/, matter/, cli/).
  onChange = (listener: Parameters<SessionQueries["onChange"]>[0]) => this.queries.onChange(listener);
  status = () => this.queries.status();
  panelState = (panelId: string) => this.queries.panelState(panelId);
  isOn = (panelId: string) => this.queries.isOn(panelId);
  remainingSeconds = (panelId: string) => this.queries.remainingSeconds(panelId);
  currentRegion = (panelId: string) => this.queries.currentRegion(panelId);
  dose = (...a: Parameters<SessionQueries["dose"]>) => this.queries.dose(...a);
  householdDose = (person?: string) => this.queries.householdDose(person);
  history = (days: number, person?: string) => this.queries.history(days, person);
  wallIso = (lineMs: number) => this.queries.wallIso(lineMs);
  get personOf() {
    return this.queries.personOf;
  }
}
