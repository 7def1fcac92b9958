/**
 * A granted session's life on its panel, as steps of the panel's state: granted (with its deadline)
 * → switching-on → on → stopping → off. A stop is a step from any of them, so it always wins
 * (invariant 8): from `granted` the relay is never asked; from `switching-on` it is switched off as
 * soon as it has answered.
 */
import type { Ledger } from "../dose/ledger.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import type { Clock } from "../support/clock.js";
import { Deadline } from "./deadline.js";
import type { LedgerBacklog } from "./ledger-backlog.js";
import { type Grant, refused, type StartOutcome, type Stopped, stoppedBefore } from "./outcomes.js";
import { deliveredSeconds, hasSession, type Panel, type PanelSession } from "./panel.js";
import type { SessionQueries } from "./queries.js";

export interface SessionLifeOptions {
  clock: Clock;
  /** The trusted time line. */
  time: { now(): number };
  ledger: () => Ledger | undefined;
  backlog: LedgerBacklog;
  queries: Pick<SessionQueries, "session" | "finished">;
  /** Whether the log names the person (more than one at home). */
  namePeople: boolean;
  log: (message: string) => void;
}

export class SessionLife {
  constructor(private readonly o: SessionLifeOptions) {}

  /** The entry is on disk: the panel's session from now, ended by its deadline unless stopped first. */
  grant(panel: Panel, entry: LedgerSession): PanelSession {
    const startedMono = this.o.clock.monotonic();
    // The deadline ends this session only: a start asked for meanwhile is not cancelled by it.
    const deadline = new Deadline(
      this.o.clock,
      startedMono + entry.plannedSeconds * 1000,
      () => void this.end(panel, session, "completed"),
    );
    const session: PanelSession = { entry, startedMono, deadline };
    panel.transition({ kind: "granted", session });
    return session;
  }

  /** Switches a granted session's panel on, unless a stop came first. */
  async switchOn(panel: Panel, session: PanelSession, grant: Grant, source: string): Promise<StartOutcome> {
    const state = panel.state;
    // Stopped since the grant (e.g. by a listener of it): the relay is never asked to switch on.
    if (state.kind !== "granted") return stoppedBefore(panel.config.name, state.kind === "stopping" ? state.reason : "stopped");
    let answer!: () => void;
    const answered = new Promise<void>((r) => {
      answer = r;
    });
    const on = panel.actuator.on(grant.seconds);
    panel.transition({ kind: "switching-on", session, answered });
    try {
      await on;
    } catch (err) {
      this.o.log(`[${panel.id}] switch-on failed: ${(err as Error).message}`);
      // The device may have switched on anyway: the session stays open until an off succeeds.
      session.onFailed = true;
      void this.end(panel, session, "panel-unreachable");
      answer();
      return refused("PANEL_UNREACHABLE", `${panel.config.name} did not answer. Check that it is powered and on the network.`);
    }
    // The relay's own timer started as the switch-on landed: the longest it can have been on. Read beside the session.
    session.relayTimer = panel.actuator.onTimer();
    answer();
    const stopped = panel.state.kind === "stopping";
    if (!stopped) panel.transition({ kind: "on", session });
    const who = this.o.namePeople ? ` (${grant.person})` : "";
    this.o.log(
      `[${panel.id}] session ${session.entry.id.slice(0, 8)}: ${grant.region}${who} for ${grant.seconds} s (${grant.fluenceJPerCm2.toFixed(1)} J/cm², via ${source})${stopped ? ", stopped while switching on" : ""}`,
    );
    return { ok: true, session: this.o.queries.session(session.entry), adjustments: grant.adjustments };
  }

  /** The step to `stopping` (from any state the session is in); a session already stopping answers its stop. */
  end(panel: Panel, session: PanelSession, reason: string): Promise<Stopped | undefined> {
    const state = panel.state;
    if (!hasSession(state) || state.session !== session) return Promise.resolve(undefined);
    if (state.kind === "stopping") return state.done;
    session.deadline.cancel();
    const neverOn = state.kind === "granted";
    const answered = state.kind === "switching-on" ? state.answered : Promise.resolve();
    const done = answered.then(() => this.finish(panel, session, reason, neverOn));
    panel.transition({ kind: "stopping", session, reason, neverOn, done });
    return done;
  }

  /** The relay off (retried until it is), what was delivered on the ledger, then `off`. */
  private async finish(panel: Panel, session: PanelSession, reason: string, neverOn: boolean): Promise<Stopped> {
    const { entry } = session;
    await panel.actuator.switchOff();
    const delivered = neverOn ? 0 : await deliveredSeconds(session, (this.o.clock.monotonic() - session.startedMono) / 1000);
    const endedAt = Math.round(this.o.time.now());
    const ledger = this.o.ledger();
    // Until the close is on disk the entry counts in full and every start is refused: the backlog retries it.
    if (ledger)
      await this.o.backlog.run(`record the end of session ${entry.id.slice(0, 8)}`, () =>
        ledger.finish(entry.id, endedAt, delivered, reason),
      );
    panel.lastSeenOff = this.o.clock.monotonic();
    this.o.log(`[${panel.id}] session ${entry.id.slice(0, 8)} ended (${reason}) after ${delivered.toFixed(1)} s`);
    panel.transition({ kind: "off" });
    const closed = this.o.queries.finished({ ...entry, endedAt, deliveredSeconds: delivered, endReason: reason });
    // Stopped before the relay was asked: to the one who stopped it, a cancelled start.
    return neverOn ? { ...closed, cancelled: true } : closed;
  }
}
