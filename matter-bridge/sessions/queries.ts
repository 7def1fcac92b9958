/**
 * The read model: what the panels show and what the ledger says (status, dose, history, the region a
 * plain "on" uses), and the listeners told of every change. It reads; it never starts or stops.
 */
import type { FinishedSession, PanelState, PanelStatus, Session } from "../contract/api.js";
import type { BridgeConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import { DAY_MS, iso } from "../contract/units.js";
import { panelResolver } from "../dose/ids.js";
import type { Ledger } from "../dose/ledger.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import { type PersonOf, personResolver } from "../dose/people.js";
import { type DoseSummary, type DoseSummaryOptions, doseSummary, type HouseholdDose, householdDose } from "../dose/summary.js";
import type { TrustedTime } from "../dose/trusted-time.js";
import type { Panel } from "./panel.js";
import { finishedView, panelStatusView, sessionView, type ViewContext } from "./views.js";

export type PanelListener = (status: PanelStatus) => void;

export interface QueriesOptions {
  config: BridgeConfig;
  time: TrustedTime;
  ledger: () => Ledger | undefined;
  panel: (panelId: string) => Panel;
  log: (message: string) => void;
}

export class SessionQueries {
  private readonly listeners = new Set<PanelListener>();

  constructor(private readonly o: QueriesOptions) {}

  onChange(listener: PanelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener what `panel` shows now (a listener that throws is logged, the others still told). */
  publish(panel: Panel): void {
    const status = this.panelStatus(panel);
    for (const l of this.listeners) {
      try {
        l(status);
      } catch (err) {
        this.o.log(`panel listener failed: ${(err as Error).message}`);
      }
    }
  }

  status(): PanelStatus[] {
    return this.o.config.panels.map((p) => this.panelStatus(this.o.panel(p.id)));
  }

  panelState(panelId: string): PanelState {
    return this.o.panel(panelId).shownState;
  }

  /** True from the grant until a stop is asked for. */
  isOn(panelId: string): boolean {
    return this.o.panel(panelId).running !== undefined;
  }

  remainingSeconds(panelId: string): number {
    const session = this.o.panel(panelId).running;
    return session ? session.deadline.remainingMs() / 1000 : 0;
  }

  /** The region a plain "on" uses: the panel's last session's region, else its configured default. */
  currentRegion(panelId: string): RegionId {
    const panel = this.o.panel(panelId).config;
    const sessions = this.o.ledger()?.sessions() ?? [];
    const panelOf = panelResolver(this.o.config);
    // Newest last: walk back without copying the ledger (this runs on every status change).
    for (let i = sessions.length - 1; i >= 0; i--) if (panelOf(sessions[i]) === panel.id) return sessions[i].region;
    return panel.defaultRegion;
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
    const since = this.o.time.now() - days * DAY_MS;
    const personOf = this.personOf;
    return (this.o.ledger()?.history(since) ?? [])
      .filter((s) => person === undefined || personOf(s) === person)
      .map((s) => this.finished(s));
  }

  /** Whose dose a ledger entry counts for (an entry from before people existed: its panel's `defaultPerson`). */
  get personOf(): PersonOf {
    return personResolver(this.o.config);
  }

  /** A time on the trusted line as an ISO wall-clock time. */
  wallIso(lineMs: number): string {
    return iso(this.o.time.toWall(lineMs));
  }

  session(s: LedgerSession): Session {
    return sessionView(s, this.view);
  }

  finished(s: LedgerSession): FinishedSession {
    return finishedView(s, this.view);
  }

  private panelStatus(panel: Panel): PanelStatus {
    const { state, actuator } = panel;
    const session = panel.session;
    return panelStatusView(
      panel.config,
      {
        state: panel.shownState,
        region: session ? session.entry.region : this.currentRegion(panel.id),
        remainingSeconds: this.remainingSeconds(panel.id),
        reachable: actuator.reachable,
        fault: actuator.fault,
        session: session && state.kind !== "stopping" ? session.entry : undefined,
      },
      this.view,
    );
  }

  private doseContext() {
    // What the dose allows, whatever the caution says (a start is refused for it separately).
    return { now: this.o.time.now(), sessions: this.o.ledger()?.sessions() ?? [], config: this.o.config, cautionAcknowledged: true };
  }

  private get view(): ViewContext {
    return { toWall: (lineMs) => this.o.time.toWall(lineMs), personOf: this.personOf, panelOf: panelResolver(this.o.config) };
  }
}
