/**
 * Whether a start may go ahead, in the order the refusals are owed: shutting down, an unknown person,
 * the ledger (invariant 3), the clock (4), the panel, then the caution (7) and the dose policy. Pure of
 * I/O: the controller runs it in its start queue and writes the entry it answers.
 */
import type { SessionRequest } from "../contract/api.js";
import { type BridgeConfig, findPerson } from "../contract/config.js";
import type { Ledger } from "../dose/ledger.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import { unknownPersonMessage } from "../dose/people.js";
import { decide } from "../dose/policy.js";
import type { CautionGate } from "./caution-gate.js";
import type { ClockTrust } from "./clock-trust.js";
import { type Grant, refused, type StartOutcome } from "./outcomes.js";
import type { Panel } from "./panel.js";

export interface Admission {
  config: BridgeConfig;
  closed: boolean;
  /** The ledger, and why it takes no start (ledgerProblem()). */
  ledger: Ledger | undefined;
  ledgerProblem: string | undefined;
  clockTrust: ClockTrust;
  caution: CautionGate;
  /** The panel asked for (undefined: unknown, the policy refuses it). */
  panel: Panel | undefined;
  now: number;
}

/** A refusal, or the grant with the ledger entry to write (id: the start's ticket's). */
export function admit(
  a: Admission,
  request: SessionRequest,
  source: string,
  id: string,
): StartOutcome | { grant: Grant; entry: LedgerSession; ledger: Ledger } {
  const { config, ledger, caution } = a;
  if (a.closed) return refused("LEDGER_UNAVAILABLE", "The bridge is shutting down.");
  if (request.person !== undefined && !findPerson(config, request.person))
    return refused("UNKNOWN_PERSON", unknownPersonMessage(config, request.person));
  if (!ledger || a.ledgerProblem) return refused("LEDGER_UNAVAILABLE", a.ledgerProblem ?? "The dose ledger is unavailable.");
  const clock = a.clockTrust.check();
  if (clock) return refused("CLOCK_UNTRUSTED", clock.waitsFor, clock.behindSeconds);
  const busy = a.panel && panelBusy(a.panel);
  if (busy) return busy;
  const decision = decide(
    {
      now: a.now,
      sessions: ledger.sessions(),
      config,
      cautionAcknowledged: caution.acknowledged(),
      cautionWithdrawnFor: config.people.filter((p) => caution.personWithdrawn(p.id)).map((p) => p.id),
    },
    request,
  );
  if (!decision.ok) {
    const why = decision.refusal.code === "CAUTION_REQUIRED" ? caution.problem() : undefined;
    return why ? refused("CAUTION_REQUIRED", why) : decision;
  }
  const { grant } = decision;
  const { panelId, region, person, distanceCm, irradianceMwPerCm2, startedAt, seconds } = grant;
  const entry: LedgerSession = { id, panelId, region, person, source, distanceCm, irradianceMwPerCm2, startedAt, plannedSeconds: seconds };
  return { grant, entry, ledger };
}

/** Why a panel cannot take a session now, if it cannot. */
export function panelBusy(panel: Panel): StartOutcome | undefined {
  const { name } = panel.config;
  // A switch-off still being retried (e.g. the one at start-up) would cut a new session short.
  if (!panel.session && panel.actuator.isSwitchingOff)
    return refused("PANEL_UNREACHABLE", `${name} has not confirmed it is off yet; the bridge keeps trying.`);
  if (panel.state.kind === "off") return undefined;
  // A session being stopped (or a press) frees the panel once its switch-off is confirmed: not its planned time.
  const running = panel.running;
  return refused("PANEL_BUSY", `${name} is already running a session.`, running ? running.deadline.remainingMs() / 1000 : 1);
}
