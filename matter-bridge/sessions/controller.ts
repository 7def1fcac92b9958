/**
 * The session controller: the one place that starts and stops sessions. Matter commands, the HTTP
 * API, start-up recovery and shutdown all call it. Start: policy → ledger → driver → deadline →
 * publish. Stop: driver off (retried until it succeeds) → ledger → publish.
 */
import { randomUUID } from "node:crypto";
import type { FinishedSession, PanelStatus, Session, SessionRequest } from "../contract/api.js";
import type { BridgeConfig, PanelConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import type { Ledger } from "../dose/ledger.js";
import { countedSeconds, type LedgerSession } from "../dose/ledger-schema.js";
import { DAY_MS, type Decision, type DoseSummary, decide, doseSummary, findPanel, type Refusal } from "../dose/policy.js";
import { fluenceOf } from "../dose/irradiance.js";
import type { PanelDriver } from "../panels/driver.js";
import { type Clock, systemClock } from "./clock.js";
import { Deadline } from "./deadline.js";

export type StartOutcome =
  | { ok: true; session: Session; adjustments: Extract<Decision, { ok: true }>["grant"]["adjustments"] }
  | { ok: false; refusal: Refusal };

interface Running {
  entry: LedgerSession;
  startedMono: number;
  deadline: Deadline;
  stopping?: Promise<FinishedSession>;
}

export interface ControllerOptions {
  config: BridgeConfig;
  /** The opened ledger, or the error that stopped it from opening (every start is then refused). */
  ledger: Ledger | Error;
  drivers: Record<string, PanelDriver>;
  clock?: Clock;
  log?: (message: string) => void;
  /** First delay between attempts to switch off a panel that did not answer; doubles up to 5 s. */
  offRetryMs?: number;
}

export type PanelListener = (status: PanelStatus) => void;

const iso = (ms: number) => new Date(ms).toISOString();

export class SessionController {
  readonly config: BridgeConfig;
  private readonly clock: Clock;
  private readonly log: (m: string) => void;
  private readonly running = new Map<string, Running>();
  private readonly reachable = new Map<string, boolean>();
  private readonly listeners = new Set<PanelListener>();
  private startQueue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: ControllerOptions) {
    this.config = options.config;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? ((m) => console.log(m));
    for (const p of this.config.panels) this.reachable.set(p.id, true);
  }

  get ledgerError(): Error | undefined {
    return this.options.ledger instanceof Error ? this.options.ledger : undefined;
  }

  private get ledger(): Ledger | undefined {
    return this.options.ledger instanceof Error ? undefined : this.options.ledger;
  }

  driver(panelId: string): PanelDriver {
    const d = this.options.drivers[panelId];
    if (!d) throw new Error(`no driver for panel ${panelId}`);
    return d;
  }

  onChange(listener: PanelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  cautionAcknowledged(): boolean {
    return Boolean(this.ledger?.caution());
  }

  async acknowledgeCaution(version: number, source: string) {
    if (!this.ledger) throw this.ledgerError;
    return this.ledger.acknowledgeCaution(version, source);
  }

  /** The region a plain "on" uses: the panel's last session's region, else its configured default. */
  currentRegion(panelId: string): RegionId {
    const panel = this.panel(panelId);
    const last = [...(this.ledger?.sessions() ?? [])].reverse().find((s) => s.panelId === panel.id);
    return last?.region ?? panel.defaultRegion;
  }

  /** Asks the dose policy and, when granted, switches the panel on with a deadline. */
  start(request: SessionRequest, source: string): Promise<StartOutcome> {
    // Starts are serialised so two requests can never both pass the policy on the same ledger.
    const run = () => this.startNow(request, source);
    const result = this.startQueue.then(run, run);
    this.startQueue = result.catch(() => undefined);
    return result;
  }

  private async startNow(request: SessionRequest, source: string): Promise<StartOutcome> {
    const ledger = this.ledger;
    if (!ledger || this.closed)
      return refused("LEDGER_UNAVAILABLE", this.ledgerError?.message ?? "The bridge is shutting down.");
    const panel = findPanel(this.config, request.panelId);
    if (panel && this.running.has(panel.id)) {
      // Covers a session past its deadline whose switch-off is still being retried.
      const r = this.running.get(panel.id)!;
      return refused("PANEL_BUSY", `${panel.name} is already running a session.`, r.deadline.remainingMs() / 1000);
    }
    const decision = decide(
      { now: this.clock.now(), sessions: ledger.sessions(), config: this.config, cautionAcknowledged: this.cautionAcknowledged() },
      request,
    );
    if (!decision.ok) return decision;
    const grant = decision.grant;
    const driver = this.driver(grant.panelId);
    const entry: LedgerSession = {
      id: randomUUID(),
      panelId: grant.panelId,
      region: grant.region,
      source,
      distanceCm: grant.distanceCm,
      irradianceMwPerCm2: grant.irradianceMwPerCm2,
      startedAt: grant.startedAt,
      plannedSeconds: grant.seconds,
    };
    try {
      await ledger.begin(entry);
    } catch (err) {
      return refused("LEDGER_UNAVAILABLE", `The dose ledger could not be written: ${(err as Error).message}`);
    }
    const startedMono = this.clock.monotonic();
    try {
      await driver.on(grant.seconds);
    } catch (err) {
      this.setReachable(grant.panelId, false);
      this.log(`[${grant.panelId}] switch-on failed: ${(err as Error).message}`);
      // The device may have switched on anyway: the session stays open until an off succeeds.
      const running: Running = { entry, startedMono, deadline: new Deadline(this.clock, startedMono, () => {}) };
      this.running.set(grant.panelId, running);
      running.stopping = this.finish(running, "panel-unreachable");
      return refused("PANEL_UNREACHABLE", `${this.panel(grant.panelId).name} did not answer. Check that it is powered and on the network.`);
    }
    this.setReachable(grant.panelId, true, false);
    const running: Running = {
      entry,
      startedMono,
      deadline: new Deadline(this.clock, startedMono + grant.seconds * 1000, () => {
        void this.stop(grant.panelId, "completed");
      }),
    };
    this.running.set(grant.panelId, running);
    this.log(
      `[${grant.panelId}] session ${entry.id.slice(0, 8)}: ${grant.region} for ${grant.seconds} s (${grant.fluenceJPerCm2.toFixed(1)} J/cm², via ${source})`,
    );
    this.publish(grant.panelId);
    return { ok: true, session: this.toSession(entry), adjustments: grant.adjustments };
  }

  /** Ends the panel's session (if any). Resolves once the panel is off and the ledger closed. */
  stop(panelId: string, reason: string): Promise<FinishedSession | undefined> {
    const running = this.running.get(panelId);
    if (!running) return Promise.resolve(undefined);
    running.deadline.cancel();
    running.stopping ??= this.finish(running, reason);
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

  /** True from switch-on until the session is closed in the ledger (includes a switch-off in progress). */
  isBusy(panelId: string): boolean {
    return this.running.has(panelId);
  }

  isOn(panelId: string): boolean {
    const r = this.running.get(panelId);
    return Boolean(r && !r.stopping);
  }

  status(): PanelStatus[] {
    return this.config.panels.map((p) => this.panelStatus(p));
  }

  dose(panelId?: string): DoseSummary {
    return doseSummary(
      { now: this.clock.now(), sessions: this.ledger?.sessions() ?? [], config: this.config, cautionAcknowledged: true },
      panelId,
    );
  }

  history(days: number): FinishedSession[] {
    const since = this.clock.now() - days * DAY_MS;
    return (this.ledger?.history(since) ?? []).map((s) => this.toFinished(s));
  }

  /**
   * Start-up: every panel is commanded off before anything else, and sessions left open by a crash
   * or power loss are closed as fully delivered.
   */
  async recover(): Promise<LedgerSession[]> {
    await Promise.all(
      this.config.panels.map(async (p) => {
        try {
          await this.driver(p.id).off();
        } catch (err) {
          this.setReachable(p.id, false);
          this.log(`[${p.id}] could not be switched off at start-up (${(err as Error).message}); retrying`);
          void this.switchOff(p.id);
        }
      }),
    );
    const closed = (await this.ledger?.closeOpenAsDelivered()) ?? [];
    for (const s of closed) this.log(`[${s.panelId}] session ${s.id.slice(0, 8)} had no recorded end: counted as fully delivered`);
    return closed;
  }

  /** Re-reads every driver's reachability (and notices a relay that was switched behind our back). */
  async pollReachability(): Promise<void> {
    await Promise.all(
      this.config.panels.map(async (p) => {
        const s = await this.driver(p.id).status();
        this.setReachable(p.id, s.reachable);
        // Only the controller may switch a panel on: a relay found on outside a session is switched off.
        if (s.reachable && s.on && !this.running.has(p.id)) {
          this.log(`[${p.id}] found on without a session: switching off`);
          await this.switchOff(p.id);
        }
      }),
    );
  }

  /** Shutdown: every session stopped and every panel off; no new starts afterwards. */
  async shutdown(): Promise<void> {
    this.closed = true;
    await this.startQueue;
    await Promise.all(this.config.panels.map((p) => this.stop(p.id, "shutdown")));
    await Promise.all(this.config.panels.map((p) => this.switchOff(p.id, 3)));
  }

  private async finish(running: Running, reason: string): Promise<FinishedSession> {
    const { entry } = running;
    await this.switchOff(entry.panelId);
    const elapsed = (this.clock.monotonic() - running.startedMono) / 1000;
    const delivered = Math.min(entry.plannedSeconds, Math.round(elapsed * 1000) / 1000);
    let closed: LedgerSession = { ...entry, endedAt: this.clock.now(), deliveredSeconds: delivered, endReason: reason };
    try {
      closed = (await this.ledger?.finish(entry.id, closed.endedAt!, delivered, reason)) ?? closed;
    } catch (err) {
      // The entry stays open in the ledger and so keeps counting as fully delivered.
      this.log(`[${entry.panelId}] could not close session ${entry.id} in the ledger: ${(err as Error).message}`);
    }
    this.running.delete(entry.panelId);
    this.log(`[${entry.panelId}] session ${entry.id.slice(0, 8)} ended (${reason}) after ${delivered.toFixed(1)} s`);
    this.publish(entry.panelId);
    return this.toFinished(closed);
  }

  /** Switches a panel off, retrying with back-off until it succeeds (or `attempts` run out). */
  private async switchOff(panelId: string, attempts = Number.POSITIVE_INFINITY): Promise<boolean> {
    let delay = this.options.offRetryMs ?? 250;
    for (let i = 1; ; i++) {
      try {
        await this.driver(panelId).off();
        this.setReachable(panelId, true);
        return true;
      } catch (err) {
        this.setReachable(panelId, false);
        if (i >= attempts) return false;
        if (i === 1) this.log(`[${panelId}] switch-off failed (${(err as Error).message}); retrying until it succeeds`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  private setReachable(panelId: string, reachable: boolean, publish = true): void {
    if (this.reachable.get(panelId) === reachable) return;
    this.reachable.set(panelId, reachable);
    if (publish) this.publish(panelId);
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
    const on = this.isOn(p.id);
    return {
      id: p.id,
      name: p.name,
      on,
      region: on ? r!.entry.region : this.currentRegion(p.id),
      remainingSeconds: Math.ceil(this.remainingSeconds(p.id)),
      reachable: this.reachable.get(p.id) ?? false,
      session: on ? this.toSession(r!.entry) : null,
    };
  }

  private toSession(s: LedgerSession): Session {
    return {
      id: s.id,
      panelId: s.panelId,
      region: s.region,
      seconds: s.plannedSeconds,
      startedAt: iso(s.startedAt),
      endsAt: iso(s.startedAt + s.plannedSeconds * 1000),
      fluenceJPerCm2: round3(fluenceOf(s.irradianceMwPerCm2, s.plannedSeconds)),
      distanceCm: s.distanceCm,
      irradianceMwPerCm2: round3(s.irradianceMwPerCm2),
      source: s.source,
    };
  }

  private toFinished(s: LedgerSession): FinishedSession {
    return {
      ...this.toSession(s),
      endedAt: iso(s.endedAt ?? s.startedAt + s.plannedSeconds * 1000),
      deliveredSeconds: countedSeconds(s),
      deliveredFluenceJPerCm2: round3(fluenceOf(s.irradianceMwPerCm2, countedSeconds(s))),
      endReason: s.endReason,
    };
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function refused(code: Refusal["code"], message: string, retryAfterSeconds?: number): StartOutcome {
  return {
    ok: false,
    refusal: { code, message, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) } : {}) },
  };
}
