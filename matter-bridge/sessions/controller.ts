/**
 * The session controller: the one place that starts and stops sessions. Matter commands, the HTTP
 * API, start-up recovery and shutdown all call it. Start: clock and caution → policy → ledger →
 * driver → deadline → publish. Stop: driver off (retried until it succeeds) → ledger → publish.
 * A start is pending from the moment it is asked for (before it waits its turn), and a session exists
 * from the moment it is granted, so a stop always wins: before the start's turn, while its ledger entry
 * is written, between the grant and the switch-on (the relay is then never asked), and during a slow switch-on.
 */
import { randomUUID } from "node:crypto";
import type { FinishedSession, PanelState, PanelStatus, Session, SessionRequest } from "../contract/api.js";
import { type BridgeConfig, defaultPersonOf, findPanel, findPerson, type PanelConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import { DAY_MS, iso } from "../contract/units.js";
import type { ClockSyncSource } from "../dose/clock-sync.js";
import { currentPersonId, formerPersonIds, panelResolver } from "../dose/ids.js";
import { irradianceAt } from "../dose/irradiance.js";
import { type Ledger, LedgerUnavailableError } from "../dose/ledger.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import { type PersonOf, personResolver, unknownPersonMessage } from "../dose/people.js";
import { type Decision, decide, type Refusal } from "../dose/policy.js";
import { type DoseSummary, type DoseSummaryOptions, doseSummary, type HouseholdDose, householdDose } from "../dose/summary.js";
import { describeDuration, TrustedTime } from "../dose/trusted-time.js";
import { PanelActuator } from "../panels/actuator.js";
import type { PanelDriver, PanelDriverStatus, RelayTimer } from "../panels/driver.js";
import type { StorageState, StorageUnavailableError } from "../storage/writable.js";
import { type Clock, systemClock } from "../support/clock.js";
import { CautionGate, type RedFlagKept } from "./caution-gate.js";
import { ClockTrust } from "./clock-trust.js";
import { Deadline } from "./deadline.js";
import { LedgerBacklog } from "./ledger-backlog.js";
import { finishedView, panelStatusView, sessionView, type ViewContext } from "./views.js";

/**
 * A start that a stop cancelled before the panel was asked to switch on. Not a dose refusal: the API
 * answers it as 409 `STOPPED`, Matter as the On command's failure.
 */
export interface StoppedBeforeStart {
  code: "STOPPED";
  message: string;
  retryAfterSeconds?: undefined;
}

export type StartOutcome =
  | { ok: true; session: Session; adjustments: Extract<Decision, { ok: true }>["grant"]["adjustments"] }
  | { ok: false; refusal: Refusal | StoppedBeforeStart };

/** What a stop ended: the session (as it was closed), or with `cancelled`, a start it cancelled before anything was switched on. */
export type Stopped = FinishedSession & { cancelled?: true };

/** A start asked for and not yet granted or refused (waiting its turn, or its ledger entry being written). */
interface PendingStart {
  /** The ledger entry's id, if it gets that far. */
  id: string;
  panelId: string;
  region: RegionId;
  person: string;
  source: string;
  distanceCm: number;
  irradianceMwPerCm2: number;
  /** Set by a stop: the start switches nothing on. */
  cancelled?: { reason: string; at: number };
  /** The granted entry while it is being written to the ledger. */
  entry?: LedgerSession;
}

interface Running {
  entry: LedgerSession;
  startedMono: number;
  deadline: Deadline;
  /** True until the driver has answered the switch-on. */
  switching: boolean;
  /** Settles once the driver has answered the switch-on (either way). */
  switchedOn: Promise<void>;
  /** Settles `switchedOn`. */
  answered: () => void;
  stopping?: Promise<Stopped>;
  /** Why it is being stopped (set with `stopping`). */
  stopReason?: string;
  /** Stopped after its grant but before the relay was asked to switch on: it delivered nothing. */
  neverOn?: boolean;
  /** The switch-on failed (the relay may have switched on anyway, with the timer it was asked for). */
  onFailed?: boolean;
  /** The relay's own switch-off timer, as it reported it once switched on (undefined: none, or unknown). */
  relayTimer?: Promise<RelayTimer | undefined>;
}

export interface ControllerOptions {
  config: BridgeConfig;
  /** The opened ledger, or the error that stopped it from opening (every start is then refused). */
  ledger: Ledger | Error;
  /**
   * Why the storage folder is not written now (read-only for this bridge): the ledger is suspended,
   * every start refused with this message, until `resumeLedger()`.
   */
  storage?: StorageUnavailableError;
  drivers: Record<string, PanelDriver>;
  /** Monotonic time for deadlines (and wall time when there is no ledger); the ledger has its own. */
  clock?: Clock;
  log?: (message: string) => void;
  /** First delay between attempts to switch off a panel that did not answer; doubles up to 5 s. */
  offRetryMs?: number;
  /** First delay between attempts to write a ledger change that failed; doubles up to 10 s. */
  ledgerRetryMs?: number;
  /**
   * Asks the system whether its clock is synchronized (dose/clock-sync.ts), for a clock behind the
   * ledger; absent: only the owner's confirmation re-dates (see clock-trust.ts).
   */
  clockSync?: ClockSyncSource;
}

export type PanelListener = (status: PanelStatus) => void;

/** How often the bridge reads every relay: a press at the device is off again within one poll and the switch-off. */
export const PANEL_POLL_MS = 2000;

/**
 * How long after its grant a session's switch-on can have landed at the relay (s): a relay found on
 * at start-up whose timer started later than this is not that session's light.
 */
const SWITCH_ON_LANDS_WITHIN_S = 30;

/** A panel drawing more than this while switched off is reported as a fault (W). */
const OFF_POWER_FAULT_W = 3;

export class SessionController {
  readonly config: BridgeConfig;
  /** The trusted time line every age is judged on (the ledger's, so its floor counts). */
  readonly time: TrustedTime;
  /** The household's red-flag caution gate. */
  readonly caution: CautionGate;
  /** A clock behind the ledger: what starts wait for, and the re-dating once the clock is known good. */
  readonly clockTrust: ClockTrust;
  private readonly clock: Clock;
  private readonly log: (m: string) => void;
  private readonly running = new Map<string, Running>();
  /** Starts per panel that have been asked for and are not yet granted or refused. */
  private readonly pending = new Map<string, Set<PendingStart>>();
  private readonly actuators = new Map<string, PanelActuator>();
  /** Panels found on outside a session, being switched off and counted. */
  private readonly pressed = new Set<string>();
  /** Monotonic time each panel was last seen off outside a session: a press happened after it. */
  private readonly lastSeenOff = new Map<string, number>();
  /** Bumped on every session start and end, so a poll that raced one draws no conclusion. */
  private readonly generation = new Map<string, number>();
  private readonly listeners = new Set<PanelListener>();
  private readonly backlog: LedgerBacklog;
  private startQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Set while the bridge does not write its storage folder (see `storage`). */
  private storageIssue: StorageUnavailableError | undefined;

  constructor(private readonly options: ControllerOptions) {
    this.config = options.config;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? ((m) => console.log(m));
    this.time = options.ledger instanceof Error ? new TrustedTime(this.clock) : options.ledger.time;
    this.backlog = new LedgerBacklog({ retryMs: options.ledgerRetryMs ?? 1000, log: this.log, clock: this.clock });
    this.clockTrust = new ClockTrust({
      time: this.time,
      ledger: () => this.ledger,
      sync: options.clockSync,
      log: this.log,
      clock: this.clock,
    });
    if (options.storage) this.suspendLedger(options.storage);
    this.ledger?.knowFormerIds((person) => formerPersonIds(this.config, person));
    this.caution = new CautionGate({
      ledger: this.ledger,
      requireLedger: () => this.requireLedger(),
      backlog: this.backlog,
      time: this.time,
      clock: this.clock,
      log: this.log,
      people: this.config.people.map((p) => p.id),
      currentId: (id) => currentPersonId(this.config, id),
    });
    for (const p of this.config.panels) {
      const driver = options.drivers[p.id];
      if (!driver) throw new Error(`no driver for panel ${p.id}`);
      this.actuators.set(
        p.id,
        new PanelActuator(p.id, driver, {
          offRetryMs: options.offRetryMs ?? 250,
          maxSessionSeconds: this.config.dose.maxSessionSeconds,
          log: this.log,
          onChange: () => this.publish(p.id),
        }),
      );
    }
    this.time.onStep((step) => {
      const direction = step.deltaMs > 0 ? "forward" : "back";
      this.log(
        `The system clock stepped ${direction} by ${describeDuration(step.deltaMs)}. Session ages keep running on the bridge's own time line; the step changes none of them.`,
      );
      const ledger = this.ledger;
      if (ledger) this.backlog.run("record the clock step", () => ledger.persistClockStep());
    });
  }

  private get ledgerError(): Error | undefined {
    return this.options.ledger instanceof Error ? this.options.ledger : undefined;
  }

  private get ledger(): Ledger | undefined {
    return this.options.ledger instanceof Error ? undefined : this.options.ledger;
  }

  /**
   * Why no session can start because of the ledger, if so: it cannot be read (corrupt), the storage
   * folder cannot be written (suspended), or a change is not on disk yet (the backlog). One answer
   * for all three: every start is refused with it (LEDGER_UNAVAILABLE), the banner and health show it.
   */
  ledgerProblem(): string | undefined {
    return this.ledgerError?.message ?? this.ledger?.suspended?.message ?? this.storageIssue?.message ?? this.backlog.problem();
  }

  /** "ok", or why the bridge does not write its storage folder ("read-only", or "locked" by another bridge). */
  storageState(): "ok" | StorageState {
    return this.storageIssue?.state ?? "ok";
  }

  /**
   * The storage folder cannot be written by this bridge (or is not its own any more): the ledger takes
   * no change, every start is refused with `reason`'s message. Nothing is written until `resumeLedger()`.
   */
  suspendLedger(reason: StorageUnavailableError): void {
    this.storageIssue = reason;
    this.ledger?.suspend(reason);
  }

  /**
   * The storage folder can be written again and its lock is held: the ledger does what it could not
   * (reserve, compaction), the changes that waited (crashed sessions closed, light by hand, a red
   * flag) are written now, and sessions start again once they are on disk. Rejects, still
   * suspended, when the ledger changed on disk meanwhile (LedgerUnavailableError saying so).
   */
  async resumeLedger(): Promise<void> {
    const ledger = this.ledger;
    if (!ledger) {
      this.storageIssue = undefined;
      return;
    }
    const wasSuspended = ledger.suspended !== undefined;
    await ledger.resume();
    this.storageIssue = undefined;
    await this.backlog.retryNow();
    if (wasSuspended) await this.closeCrashed();
  }

  onChange(listener: PanelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Closes the household gate until the caution is acknowledged again, and switches off whatever
   * is running: a red flag was reported. The gate closes at once, even if the disk cannot take the
   * record yet (it is kept in the red-flag slot and retried); every red flag is recorded.
   * `stops` settle as the panels are confirmed off (a panel that does not answer keeps being tried).
   */
  async withdrawCaution(
    reason: string | undefined,
    source: string,
    person?: string,
  ): Promise<{ withdrawnAt: number; kept: RedFlagKept; stops: Array<Promise<Stopped | undefined>> }> {
    // The gate closes as withdraw() is called; the stops go out before its record is written, so a
    // start writing its ledger entry meanwhile is cancelled instead of switching on (also when the record fails).
    const withdrawal = this.caution.withdraw(reason, source, person);
    const stops = this.config.panels.map((p) => this.stop(p.id, "caution-withdrawn"));
    const { at, kept } = await withdrawal;
    return { withdrawnAt: at, kept, stops };
  }

  /** The region a plain "on" uses: the panel's last session's region, else its configured default. */
  currentRegion(panelId: string): RegionId {
    const panel = this.panel(panelId);
    const sessions = this.ledger?.sessions() ?? [];
    const panelOf = panelResolver(this.config);
    // Newest last: walk back without copying the ledger (this runs on every status change).
    for (let i = sessions.length - 1; i >= 0; i--) if (panelOf(sessions[i]) === panel.id) return sessions[i].region;
    return panel.defaultRegion;
  }

  /**
   * Asks the dose policy and, when granted, switches the panel on with a deadline. A request that
   * names nobody (Matter, a press at the device, an automation) is for the panel's `defaultPerson`.
   */
  start(request: SessionRequest, source: string): Promise<StartOutcome> {
    // Pending at once, before any wait, so a stop that arrives while it waits its turn cancels it.
    const pending = this.addPending(request, source);
    // The policy and the ledger entry are serialised, so two requests can never both pass the policy
    // on the same ledger; the switch-on is not (a slow relay on one panel holds up no other panel).
    const run = () => this.grant(request, source, pending);
    const granted = this.startQueue.then(run, run);
    this.startQueue = granted.catch(() => undefined);
    return granted.then((g) => ("running" in g ? this.switchOn(g.running, g.grant, source) : g)).finally(() => this.removePending(pending));
  }

  /** Registers a start as pending on its panel (none for an unknown panel: the policy refuses it). */
  private addPending(request: SessionRequest, source: string): PendingStart | undefined {
    const panel = findPanel(this.config, request.panelId);
    if (!panel) return undefined;
    const distanceCm = request.distanceCm ?? panel.distanceCm;
    const pending: PendingStart = {
      id: randomUUID(),
      panelId: panel.id,
      region: request.region,
      person: request.person ?? defaultPersonOf(this.config, panel),
      source,
      distanceCm,
      irradianceMwPerCm2: irradianceAt(panel.irradianceMwPerCm2, distanceCm),
    };
    const set = this.pending.get(panel.id) ?? new Set<PendingStart>();
    this.pending.set(panel.id, set.add(pending));
    this.publish(panel.id);
    return pending;
  }

  private removePending(pending: PendingStart | undefined): void {
    if (!pending || !this.pending.get(pending.panelId)?.delete(pending)) return;
    this.publish(pending.panelId);
  }

  /** Whether a start is being set up on the panel (asked for, not cancelled, not yet granted or refused). */
  private isPending(panelId: string): boolean {
    for (const p of this.pending.get(panelId) ?? []) if (!p.cancelled) return true;
    return false;
  }

  /**
   * Cancels the panel's pending starts (only `region`'s, when given): none of them switches anything
   * on. Returns them as sessions that delivered nothing, first asked first.
   */
  private cancelPending(panelId: string, reason: string, region?: RegionId): Stopped[] {
    const cancelled: Stopped[] = [];
    const at = Math.round(this.time.now());
    for (const p of this.pending.get(panelId) ?? []) {
      if (p.cancelled || (region !== undefined && p.region !== region)) continue;
      p.cancelled = { reason, at };
      this.log(`[${panelId}] a ${p.region} start (via ${p.source}) was cancelled by a stop (${reason}) before the panel was switched on`);
      cancelled.push({ ...this.toFinished(this.cancelledEntry(p)), cancelled: true });
    }
    if (cancelled.length) this.publish(panelId);
    return cancelled;
  }

  /** A cancelled start as a ledger entry that delivered nothing: the granted entry if it was written, else one of 0 s. */
  private cancelledEntry(p: PendingStart): LedgerSession {
    const at = p.cancelled?.at ?? Math.round(this.time.now());
    const base: LedgerSession = p.entry ?? {
      id: p.id,
      panelId: p.panelId,
      region: p.region,
      person: p.person,
      source: p.source,
      distanceCm: p.distanceCm,
      irradianceMwPerCm2: p.irradianceMwPerCm2,
      startedAt: at,
      plannedSeconds: 0,
    };
    return { ...base, endedAt: at, deliveredSeconds: 0, endReason: p.cancelled?.reason ?? "stopped" };
  }

  private stoppedBeforeStart(p: PendingStart): StartOutcome {
    return this.stoppedBefore(p.panelId, p.cancelled?.reason ?? "stopped");
  }

  private stoppedBefore(panelId: string, reason: string): StartOutcome {
    return refused("STOPPED", `${this.panel(panelId).name} was stopped (${reason}) before the session began; nothing was switched on.`);
  }

  /**
   * The start's turn in the queue: the checks, the policy and the ledger entry. A grant is registered
   * as running (so a stop from here on ends it as a session) and switched on outside the queue.
   */
  private async grant(
    request: SessionRequest,
    source: string,
    pending: PendingStart | undefined,
  ): Promise<StartOutcome | { running: Running; grant: Extract<Decision, { ok: true }>["grant"] }> {
    if (pending?.cancelled) return this.stoppedBeforeStart(pending);
    const ledger = this.ledger;
    if (this.closed) return refused("LEDGER_UNAVAILABLE", "The bridge is shutting down.");
    if (request.person !== undefined && !findPerson(this.config, request.person))
      return refused("UNKNOWN_PERSON", unknownPersonMessage(this.config, request.person));
    const ledgerProblem = this.ledgerProblem();
    if (!ledger || ledgerProblem) return refused("LEDGER_UNAVAILABLE", ledgerProblem ?? "The dose ledger is unavailable.");
    const clock = this.clockTrust.check();
    if (clock) return refused("CLOCK_UNTRUSTED", clock.waitsFor, clock.behindSeconds);
    const panel = findPanel(this.config, request.panelId);
    // A switch-off still being retried (e.g. the one at start-up) would cut a new session short.
    if (panel && !this.running.has(panel.id) && this.actuator(panel.id).isSwitchingOff)
      return refused("PANEL_UNREACHABLE", `${panel.name} has not confirmed it is off yet; the bridge keeps trying.`);
    if (panel && (this.running.has(panel.id) || this.pressed.has(panel.id))) {
      // Covers a session past its deadline whose switch-off is still being retried.
      const r = this.running.get(panel.id);
      // A session being stopped frees the panel as soon as its switch-off is confirmed: not its planned time.
      return refused("PANEL_BUSY", `${panel.name} is already running a session.`, r && !r.stopping ? r.deadline.remainingMs() / 1000 : 1);
    }
    const now = this.time.now();
    const decision = decide(
      {
        now,
        sessions: ledger.sessions(),
        config: this.config,
        cautionAcknowledged: this.caution.acknowledged(),
        cautionWithdrawnFor: this.config.people.filter((p) => this.caution.personWithdrawn(p.id)).map((p) => p.id),
      },
      request,
    );
    if (!decision.ok) {
      const caution = decision.refusal.code === "CAUTION_REQUIRED" ? this.caution.problem() : undefined;
      return caution ? refused("CAUTION_REQUIRED", caution) : decision;
    }
    const grant = decision.grant;
    const entry: LedgerSession = {
      id: pending?.id ?? randomUUID(),
      panelId: grant.panelId,
      region: grant.region,
      person: grant.person,
      source,
      distanceCm: grant.distanceCm,
      irradianceMwPerCm2: grant.irradianceMwPerCm2,
      startedAt: grant.startedAt,
      plannedSeconds: grant.seconds,
    };
    if (pending) pending.entry = entry;
    try {
      await ledger.begin(entry);
    } catch (err) {
      return refused("LEDGER_UNAVAILABLE", `The dose ledger could not be written (${(err as Error).message}); nothing was switched on.`);
    }
    if (pending?.cancelled) {
      // A stop arrived while the entry was being written: it is closed as delivering nothing (still
      // in the queue, so the next start sees it closed), and the panel is never asked to switch on.
      const closed = this.cancelledEntry(pending);
      await this.backlog.run(`record the end of session ${entry.id.slice(0, 8)}`, () =>
        ledger.finish(entry.id, closed.endedAt!, 0, closed.endReason!),
      );
      return this.stoppedBeforeStart(pending);
    }
    const startedMono = this.clock.monotonic();
    let answered!: () => void;
    const switchedOn = new Promise<void>((r) => {
      answered = r;
    });
    const running: Running = {
      entry,
      startedMono,
      switching: true,
      switchedOn,
      answered,
      // The deadline ends this session only: a start asked for meanwhile is not cancelled by it.
      deadline: new Deadline(this.clock, startedMono + grant.seconds * 1000, () => {
        void this.end(running, "completed");
      }),
    };
    this.running.set(grant.panelId, running);
    // From here a stop finds the session itself.
    if (pending) this.pending.get(pending.panelId)?.delete(pending);
    this.bump(grant.panelId);
    this.publish(grant.panelId);
    return { running, grant };
  }

  /** Switches a granted session's panel on (outside the start queue). */
  private async switchOn(running: Running, grant: Extract<Decision, { ok: true }>["grant"], source: string): Promise<StartOutcome> {
    const { entry } = running;
    const switchedOn = () => {
      running.switching = false;
      running.answered();
    };
    if (this.closed) void this.end(running, "shutdown");
    if (running.stopping) {
      // A stop (or the shutdown) came between the grant and this call, e.g. from a listener of the
      // grant: the relay is never asked to switch on. The stop's switch-off and ledger close carry on
      // without this answer waiting for them (a relay that does not answer is retried for ever).
      running.neverOn = true;
      switchedOn();
      return this.stoppedBefore(grant.panelId, running.stopReason ?? "stopped");
    }
    try {
      await this.actuator(grant.panelId).on(grant.seconds);
    } catch (err) {
      this.log(`[${grant.panelId}] switch-on failed: ${(err as Error).message}`);
      // The device may have switched on anyway: the session stays open until an off succeeds.
      running.onFailed = true;
      void this.end(running, "panel-unreachable");
      switchedOn();
      return refused("PANEL_UNREACHABLE", `${this.panel(grant.panelId).name} did not answer. Check that it is powered and on the network.`);
    }
    // What the relay's own timer runs (its toggle_after started when the switch-on landed): the
    // longest it can have been on, whatever the bridge saw. Read beside the session, never before an off.
    running.relayTimer = this.actuator(grant.panelId).onTimer();
    switchedOn();
    this.log(
      `[${grant.panelId}] session ${entry.id.slice(0, 8)}: ${grant.region}${this.config.people.length > 1 ? ` (${grant.person})` : ""} for ${grant.seconds} s (${grant.fluenceJPerCm2.toFixed(1)} J/cm², via ${source})${running.stopping ? ", stopped while switching on" : ""}`,
    );
    this.publish(grant.panelId);
    return { ok: true, session: this.toSession(entry), adjustments: grant.adjustments };
  }

  /**
   * Ends the panel's session (if any), also one whose switch-on is still in flight: the panel is
   * switched off as soon as the relay has answered. Resolves once the panel is off. A start still
   * pending on the panel (waiting its turn, or its ledger entry being written) is cancelled: it switches
   * nothing on; without a session, the stop resolves at once with it (`cancelled`, 0 s delivered). So
   * does a granted one whose relay was not asked yet, once the panel is confirmed off.
   * With `region`, only that region's session and pending starts (a region switch's Off).
   */
  stop(panelId: string, reason: string, options: { region?: RegionId } = {}): Promise<Stopped | undefined> {
    const cancelled = this.cancelPending(panelId, reason, options.region);
    const running = this.running.get(panelId);
    if (running && (options.region === undefined || running.entry.region === options.region)) return this.end(running, reason);
    return Promise.resolve(cancelled[0]);
  }

  /** Ends a running session (the panel off once the relay has answered its switch-on). */
  private end(running: Running, reason: string): Promise<FinishedSession> {
    const panelId = running.entry.panelId;
    running.deadline.cancel();
    if (!running.stopping) {
      running.stopReason = reason;
      running.stopping = running.switchedOn.then(() => this.finish(running, reason));
      this.publish(panelId);
    }
    return running.stopping;
  }

  /** Shortens a running session to at most `seconds` from now. Never extends one. */
  shorten(panelId: string, seconds: number): void {
    const running = this.running.get(panelId);
    if (!running || running.stopping) return;
    running.deadline.bringForward(seconds * 1000);
    this.publish(panelId);
  }

  remainingSeconds(panelId: string): number {
    const r = this.running.get(panelId);
    return r && !r.stopping ? r.deadline.remainingMs() / 1000 : 0;
  }

  /** True from the grant until the session is closed (includes switching on and a switch-off in progress). */
  private isBusy(panelId: string): boolean {
    return this.running.has(panelId) || this.pressed.has(panelId);
  }

  /** True from the grant until a stop is asked for. */
  isOn(panelId: string): boolean {
    const r = this.running.get(panelId);
    return Boolean(r && !r.stopping);
  }

  panelState(panelId: string): PanelState {
    const r = this.running.get(panelId);
    if (!r) return this.pressed.has(panelId) ? "stopping" : this.isPending(panelId) ? "starting" : "off";
    if (r.stopping) return "stopping";
    return r.switching ? "starting" : "on";
  }

  status(): PanelStatus[] {
    return this.config.panels.map((p) => this.panelStatus(p));
  }

  /** One person's regions and one panel's on-time (default: the first panel and its `defaultPerson`); times on the trusted line. */
  dose(options: DoseSummaryOptions = {}): DoseSummary {
    return doseSummary(this.doseContext(), options);
  }

  /** Every person's regions (or only `person`'s) and every panel's on-time; times on the trusted line. */
  householdDose(person?: string): HouseholdDose {
    return householdDose(this.doseContext(), person);
  }

  /** Finished sessions of the last `days`, oldest first: everyone's, or only `person`'s. */
  history(days: number, person?: string): FinishedSession[] {
    const since = this.time.now() - days * DAY_MS;
    const personOf = this.personOf;
    return (this.ledger?.history(since) ?? []).filter((s) => person === undefined || personOf(s) === person).map((s) => this.toFinished(s));
  }

  /** Whose dose a ledger entry counts for (an entry from before people existed: its panel's `defaultPerson`). */
  get personOf(): PersonOf {
    return personResolver(this.config);
  }

  private doseContext() {
    // What the dose allows, whatever the caution says (a start is refused for it separately).
    return { now: this.time.now(), sessions: this.ledger?.sessions() ?? [], config: this.config, cautionAcknowledged: true };
  }

  /** A time on the trusted line as an ISO wall-clock time. */
  wallIso(lineMs: number): string {
    return iso(this.time.toWall(lineMs));
  }

  /**
   * Start-up: every panel is read, then commanded off before anything else, its own fail-safes are
   * armed, and sessions left open by a crash or power loss are closed as fully delivered. A relay
   * found on (pressed while no bridge ran) has its light booked as a `manual` session for the panel's
   * default person (see `foundOnAtStartUp`).
   */
  async recover(): Promise<LedgerSession[]> {
    const found: Array<() => Promise<void>> = [];
    await Promise.all(
      this.config.panels.map(async (p) => {
        const actuator = this.actuator(p.id);
        const read = await actuator.peek();
        const timer = read.on ? await actuator.onTimer() : undefined;
        const readMono = this.clock.monotonic();
        const off = await actuator.switchOff(1);
        if (read.on) found.push(() => this.foundOnAtStartUp(p, read, timer, off ? (this.clock.monotonic() - readMono) / 1000 : undefined));
        if (!off) {
          this.log(`[${p.id}] could not be switched off at start-up; retrying`);
          void actuator.switchOff();
          return;
        }
        this.lastSeenOff.set(p.id, this.clock.monotonic());
        await actuator.armFailSafes();
      }),
    );
    // Booked before the crashed sessions are closed: they tell the relay's light apart from a press.
    for (const book of found) await book();
    // A suspended ledger (a storage folder the bridge cannot write) closes them once it resumes.
    const closed = this.ledger?.suspended ? [] : await this.closeCrashed();
    // A clock behind the ledger: the system is asked now (and then every little while) whether it is right.
    await this.clockTrust.watch();
    return closed;
  }

  /**
   * A relay found on at start-up: light nobody booked yet (a press at the device while no bridge
   * ran), unless it is a crashed session's own (its toggle_after: the session is counted in full as
   * it is closed). Booked on the cautious side: how long the relay's own timer says it has run, plus
   * the time to the confirmed switch-off, never past the timer; the whole timer when it cannot say
   * how long (or says something impossible) or the switch-off was not confirmed; the session cap (the
   * relay's fail-safe auto-off) when it reports no timer at all.
   */
  private async foundOnAtStartUp(p: PanelConfig, read: PanelDriverStatus, timer: RelayTimer | undefined, offAfter: number | undefined) {
    const now = Math.round(this.time.now());
    const crashed = this.ledger?.openSessions().find((s) => s.panelId === p.id);
    const elapsed = timer?.elapsedSeconds;
    // The timer started `elapsed` ago by the device's own clock, placed on the bridge's: no clock skew enters.
    if (crashed && timer && elapsed !== undefined && timer.seconds === Math.max(1, Math.ceil(crashed.plannedSeconds))) {
      const startedAgo = (now - crashed.startedAt) / 1000;
      if (elapsed >= 0 && elapsed <= startedAgo + 1 && elapsed >= startedAgo - SWITCH_ON_LANDS_WITHIN_S) {
        this.log(`[${p.id}] found on at start-up: still session ${crashed.id.slice(0, 8)}'s light (its own timer), counted with it`);
        return;
      }
    }
    const plausible = timer && elapsed !== undefined && elapsed >= -1 && elapsed <= timer.seconds + 1 && offAfter !== undefined;
    const seconds =
      Math.ceil(
        (timer
          ? plausible
            ? Math.min(timer.seconds, Math.max(0, elapsed) + offAfter)
            : timer.seconds
          : this.config.dose.maxSessionSeconds) * 1000,
      ) / 1000;
    const how = !timer
      ? `it reports no timer: counted as the session cap of ${this.config.dose.maxSessionSeconds} s (its fail-safe auto-off)`
      : plausible
        ? `its own timer had run ${Math.max(0, elapsed).toFixed(1)} s of ${timer.seconds} s`
        : `its timer of ${timer.seconds} s ${offAfter === undefined ? "runs on (the switch-off was not confirmed)" : "cannot say how long it ran"}: counted in full`;
    const entry = this.manualEntry(p, seconds, now, "found-on-at-start-up");
    this.log(
      `[${p.id}] found ON at start-up with no session (pressed at the device while no bridge ran?): ${how}; booked ${seconds.toFixed(1)} s as a manual ${entry.region} session for ${entry.person}${read.powerW !== undefined ? ` (drawing ${read.powerW} W)` : ""}`,
    );
    const ledger = this.ledger;
    if (ledger) await this.backlog.run(`record the ${seconds.toFixed(1)} s the panel was on before start-up`, () => ledger.record(entry));
  }

  /** A closed `manual` session of `seconds` ending at `endedAt`, for the panel's default person in its current region. */
  private manualEntry(p: PanelConfig, seconds: number, endedAt: number, endReason: string): LedgerSession {
    const distanceCm = p.distanceCm;
    return {
      id: randomUUID(),
      panelId: p.id,
      region: this.currentRegion(p.id),
      person: defaultPersonOf(this.config, p),
      source: "manual",
      distanceCm,
      irradianceMwPerCm2: irradianceAt(p.irradianceMwPerCm2, distanceCm),
      startedAt: endedAt - Math.ceil(seconds * 1000),
      plannedSeconds: seconds,
      endedAt,
      deliveredSeconds: seconds,
      endReason,
    };
  }

  /**
   * Sessions a crash left open, closed as fully delivered (retried through the backlog). Only entries
   * no live session owns: one running (or being stopped) now, or a start whose entry is being
   * written, is closed by its own session with what it delivered.
   */
  private async closeCrashed(): Promise<LedgerSession[]> {
    // Until this is on disk the open entries count in full anyway; a full disk must not stop the start.
    let closed: LedgerSession[] = [];
    const ledger = this.ledger;
    const live = () => this.liveEntryIds();
    if (ledger?.openSessions().some((s) => !live().has(s.id)))
      await this.backlog.run("close the sessions a crash left open", async () => {
        closed = await ledger.closeOpenAsDelivered(undefined, live());
      });
    for (const s of closed) this.log(`[${s.panelId}] session ${s.id.slice(0, 8)} had no recorded end: counted as fully delivered`);
    return closed;
  }

  /** Ledger entries a session of this bridge owns: running or being stopped, or a start writing its entry. */
  private liveEntryIds(): Set<string> {
    const ids = new Set<string>();
    for (const r of this.running.values()) ids.add(r.entry.id);
    for (const set of this.pending.values()) for (const p of set) if (p.entry) ids.add(p.entry.id);
    return ids;
  }

  /**
   * Shutdown: every session stopped and every panel commanded off; no new starts afterwards.
   * Returns the panels that did not confirm they are off (outside a session, a few tries each).
   */
  async shutdown(): Promise<string[]> {
    this.closed = true;
    this.clockTrust.stop();
    // Stopping first cancels a start still writing its ledger entry; after the queue, once more for anything granted meanwhile.
    const stopAll = () => Promise.all(this.config.panels.map((p) => this.stop(p.id, "shutdown")));
    const first = stopAll();
    await this.startQueue;
    await Promise.all([first, stopAll()]);
    const confirmed = await Promise.all(this.config.panels.map((p) => this.actuator(p.id).switchOff(3)));
    await this.backlog.close();
    return this.config.panels.filter((_, i) => !confirmed[i]).map((p) => p.id);
  }

  /**
   * Every couple of seconds, per panel (one slow to switch off holds up no other): reads the relay;
   * re-arms the device's fail-safes when it comes back; a relay found on outside any session (a
   * press at the device) is switched off and its light counted; a panel drawing power while off is a
   * fault. Also notices clock steps.
   */
  async pollPanel(panelId: string): Promise<void> {
    this.time.now();
    const p = this.panel(panelId);
    const generation = this.generation.get(p.id) ?? 0;
    const actuator = this.actuator(p.id);
    const s = await actuator.read();
    if (!s.reachable) return;
    // A session started or ended while the relay was being read: its answer may describe either.
    if (this.isBusy(p.id) || (this.generation.get(p.id) ?? 0) !== generation) return;
    if (s.on) return this.switchOffPress(p);
    this.lastSeenOff.set(p.id, this.clock.monotonic());
    const drawing = s.powerW !== undefined && s.powerW > OFF_POWER_FAULT_W;
    actuator.setFault(drawing ? `${p.name} draws ${s.powerW} W while switched off: check the relay and the wiring.` : undefined);
  }

  /** Someone switched the relay on at the device: off it goes, and the light it gave is counted. */
  private async switchOffPress(p: PanelConfig): Promise<void> {
    const since = this.lastSeenOff.get(p.id) ?? this.clock.monotonic();
    this.pressed.add(p.id);
    this.publish(p.id);
    this.log(`[${p.id}] found on without a session (pressed at the device?): switching off and counting it`);
    try {
      await this.actuator(p.id).switchOff();
      const seconds = Math.max(0.001, Math.ceil(this.clock.monotonic() - since) / 1000);
      const entry = this.manualEntry(p, seconds, Math.round(this.time.now()), "manual-switched-off");
      this.lastSeenOff.set(p.id, this.clock.monotonic());
      const ledger = this.ledger;
      if (ledger) await this.backlog.run(`record the ${seconds.toFixed(1)} s the panel was on by hand`, () => ledger.record(entry));
      this.log(`[${p.id}] was on by hand for about ${seconds.toFixed(1)} s: counted as a ${entry.region} session`);
    } finally {
      this.pressed.delete(p.id);
      this.bump(p.id);
      this.publish(p.id);
    }
  }

  private async finish(running: Running, reason: string): Promise<Stopped> {
    const { entry } = running;
    await this.actuator(entry.panelId).switchOff();
    const delivered = running.neverOn ? 0 : await this.deliveredSeconds(running, (this.clock.monotonic() - running.startedMono) / 1000);
    const endedAt = Math.round(this.time.now());
    const closed: LedgerSession = { ...entry, endedAt, deliveredSeconds: delivered, endReason: reason };
    const ledger = this.ledger;
    // Until the close is on disk the entry stays open there (counting as fully delivered), and
    // every start is refused with LEDGER_UNAVAILABLE: the backlog keeps retrying it.
    if (ledger)
      await this.backlog.run(`record the end of session ${entry.id.slice(0, 8)}`, () =>
        ledger.finish(entry.id, endedAt, delivered, reason),
      );
    this.running.delete(entry.panelId);
    this.lastSeenOff.set(entry.panelId, this.clock.monotonic());
    this.bump(entry.panelId);
    this.log(`[${entry.panelId}] session ${entry.id.slice(0, 8)} ended (${reason}) after ${delivered.toFixed(1)} s`);
    this.publish(entry.panelId);
    // Stopped before the relay was asked: to the one who stopped it, a cancelled start.
    return running.neverOn ? { ...this.toFinished(closed), cancelled: true } : this.toFinished(closed);
  }

  /**
   * What a session gave, from `elapsed` (grant to the switch-off confirmed: the relay was on for no
   * longer than that, however late its switch-on landed): capped only by the relay's own timer as it
   * reported it (it switched itself off then). A session that ran its course counts at least its
   * planned time (the deadline is `planned` after the grant; the relay's timer is never shorter). A
   * relay that reports no timer is counted for all of `elapsed`; one whose switch-on failed, for at
   * most the timer it was asked for.
   */
  private async deliveredSeconds(running: Running, elapsed: number): Promise<number> {
    const cap = running.onFailed ? running.entry.plannedSeconds : (await running.relayTimer)?.seconds;
    const seconds = cap === undefined ? elapsed : Math.min(elapsed, cap);
    return Math.ceil(seconds * 1000) / 1000;
  }

  private actuator(panelId: string): PanelActuator {
    const a = this.actuators.get(panelId);
    if (!a) throw new Error(`unknown panel ${panelId}`);
    return a;
  }

  /** The ledger, or LedgerUnavailableError (the API answers 503 LEDGER_UNAVAILABLE) when it could not be read. */
  requireLedger(): Ledger {
    const ledger = this.ledger;
    if (!ledger) throw new LedgerUnavailableError(this.ledgerError?.message ?? "The dose ledger is unavailable.");
    return ledger;
  }

  private bump(panelId: string): void {
    this.generation.set(panelId, (this.generation.get(panelId) ?? 0) + 1);
  }

  private publish(panelId: string): void {
    const status = this.panelStatus(this.panel(panelId));
    for (const l of this.listeners) {
      try {
        l(status);
      } catch (err) {
        this.log(`panel listener failed: ${(err as Error).message}`);
      }
    }
  }

  private panel(panelId: string): PanelConfig {
    const p = findPanel(this.config, panelId);
    if (!p) throw new Error(`unknown panel ${panelId}`);
    return p;
  }

  private panelStatus(p: PanelConfig): PanelStatus {
    const r = this.running.get(p.id);
    const actuator = this.actuator(p.id);
    return panelStatusView(
      p,
      {
        state: this.panelState(p.id),
        region: r ? r.entry.region : this.currentRegion(p.id),
        remainingSeconds: this.remainingSeconds(p.id),
        reachable: actuator.reachable,
        fault: actuator.fault,
        session: r && !r.stopping ? r.entry : undefined,
      },
      this.view,
    );
  }

  private toSession(s: LedgerSession): Session {
    return sessionView(s, this.view);
  }

  private toFinished(s: LedgerSession): FinishedSession {
    return finishedView(s, this.view);
  }

  private get view(): ViewContext {
    return { toWall: (lineMs) => this.time.toWall(lineMs), personOf: this.personOf, panelOf: panelResolver(this.config) };
  }
}

function refused(code: Refusal["code"], message: string, retryAfterSeconds?: number): StartOutcome {
  return {
    ok: false,
    refusal: {
      code,
      message,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) } : {}),
    },
  };
}
