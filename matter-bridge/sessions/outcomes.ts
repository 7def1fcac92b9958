/** What a start and a stop answer. */
import type { FinishedSession, Session } from "../contract/api.js";
import type { Decision, Refusal } from "../dose/policy.js";
import type { RedFlagKept } from "./caution-gate.js";

/**
 * A start that a stop cancelled before the panel was asked to switch on. Not a dose refusal: the API
 * answers it as 409 `STOPPED`, Matter as the On command's failure.
 */
export interface StoppedBeforeStart {
  code: "STOPPED";
  message: string;
  retryAfterSeconds?: undefined;
}

export type Grant = Extract<Decision, { ok: true }>["grant"];

export type StartOutcome =
  | { ok: true; session: Session; adjustments: Grant["adjustments"] }
  | { ok: false; refusal: Refusal | StoppedBeforeStart };

/** What a stop ended: the session (as it was closed), or with `cancelled`, a start it cancelled before anything was switched on. */
export type Stopped = FinishedSession & { cancelled?: true };

/** A red flag taken: when, where it is kept until written, and the stops it sent (settling as each panel is confirmed off). */
export interface Withdrawal {
  withdrawnAt: number;
  kept: RedFlagKept;
  stops: Array<Promise<Stopped | undefined>>;
}

export function refused(code: Refusal["code"], message: string, retryAfterSeconds?: number): StartOutcome {
  return {
    ok: false,
    refusal: {
      code,
      message,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) } : {}),
    },
  };
}

export function stoppedBefore(panelName: string, reason: string): StartOutcome {
  return refused("STOPPED", `${panelName} was stopped (${reason}) before the session began; nothing was switched on.`);
}
