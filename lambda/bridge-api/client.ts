/**
 * The skill's client for the bridge's control API. Responses are parsed with the contract's
 * schemas; every outcome is a value (never a throw) so handlers can always say something.
 */
import type { z } from "zod";
import { type Clock, systemClock } from "../../common/clock.js";
import type { RefusalCode, SessionRequest } from "../../matter-bridge/contract/api.js";
import type { LinkAnswer, LinkRequest } from "../link/mqtt-link.js";

/**
 * Each answer's schema (the contract's), loaded and so built the first time its route is called:
 * a cold start builds only the schemas of the routes its request calls.
 */
type Schema<S extends z.ZodType> = () => Promise<S>;
const sessions = () => import("../../matter-bridge/contract/api/sessions.js");
const caution = () => import("../../matter-bridge/contract/api/caution.js");
const ANSWERS = {
  startSession: () => sessions().then((m) => m.StartSessionResponseSchema),
  stopSession: () => sessions().then((m) => m.StopSessionResponseSchema),
  panels: () => import("../../matter-bridge/contract/api/panels.js").then((m) => m.PanelsResponseSchema),
  people: () => import("../../matter-bridge/contract/api/people.js").then((m) => m.PeopleResponseSchema),
  dose: () => import("../../matter-bridge/contract/api/dose.js").then((m) => m.DoseResponseSchema),
  history: () => import("../../matter-bridge/contract/api/history.js").then((m) => m.HistoryResponseSchema),
  cautionAcknowledge: () => caution().then((m) => m.CautionAcknowledgeResponseSchema),
  cautionStatus: () => caution().then((m) => m.CautionStatusResponseSchema),
  cautionWithdraw: () => caution().then((m) => m.CautionWithdrawResponseSchema),
  error: () => import("../../matter-bridge/contract/api/errors.js").then((m) => m.ErrorBodySchema),
};

export type BridgeResult<T> =
  | { kind: "ok"; value: T }
  | { kind: "refused"; code: RefusalCode | string; message: string; retryAfterSeconds?: number; status: number }
  /** `offlineSince`: the bridge said so itself (its link's retained status): an ISO time, or "" when it did not say since when. */
  | { kind: "unreachable"; reason: string; offlineSince?: string }
  | { kind: "unauthorized" };

/** A transport other than HTTP (the MQTT link): answers with the bridge's status and JSON body, or throws why it could not. */
export interface BridgeLink {
  request(req: LinkRequest): Promise<LinkAnswer>;
}

export interface BridgeClientOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The HTTP timeout runs on it (default: the system's). */
  clock?: Clock;
  /** Requests go through this link instead of HTTP (`url` and `token` are then unused). */
  link?: BridgeLink;
}

type Answered = { status: number; json: () => Promise<unknown> } | Extract<BridgeResult<never>, { kind: "unreachable" }>;

/** `?a=1&b=2` from the defined values, or "" when there are none. */
function query(params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return defined.length ? `?${new URLSearchParams(defined).toString()}` : "";
}

export class BridgeClient {
  readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly clock: Clock;

  constructor(private readonly options: BridgeClientOptions) {
    this.url = options.url.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.fetchFn = options.fetch ?? fetch;
    this.clock = options.clock ?? systemClock;
  }

  startSession(request: SessionRequest) {
    return this.call("POST", "/v1/sessions", ANSWERS.startSession, request);
  }

  stopSession(panelId: string) {
    return this.call("POST", `/v1/panels/${encodeURIComponent(panelId)}/stop`, ANSWERS.stopSession, {});
  }

  panels() {
    return this.call("GET", "/v1/panels", ANSWERS.panels);
  }

  /** Who the guard keeps doses for (without people in the bridge's config: one, the household). */
  people() {
    return this.call("GET", "/v1/people", ANSWERS.people);
  }

  /** One person's dose per region (and the panels' on-time); every person's, grouped, when none is named. */
  dose(person?: string) {
    return this.call("GET", `/v1/dose${query({ person })}`, ANSWERS.dose);
  }

  /** Finished sessions of the last `days`, grouped per person: one person's, or everyone's when none is named. */
  history(days: number, person?: string) {
    return this.call("GET", `/v1/history${query({ days: String(days), person })}`, ANSWERS.history);
  }

  /** Opens the household gate; `person`'s own answer is kept too. */
  acknowledgeCaution(version: number, person?: string) {
    return this.call("POST", "/v1/caution/acknowledge", ANSWERS.cautionAcknowledge, {
      version,
      source: "alexa",
      ...(person ? { person } : {}),
    });
  }

  /** The household gate: the bridge's current caution (version and text) and whether it is open, and why not (with `person`: their own answer too). */
  cautionStatus(person?: string) {
    return this.call("GET", `/v1/caution${query({ person })}`, ANSWERS.cautionStatus);
  }

  /** A red flag was reported: closes the household gate and switches off whatever is running. */
  withdrawCaution(reason?: string) {
    return this.call("POST", "/v1/caution/withdraw", ANSWERS.cautionWithdraw, { ...(reason ? { reason } : {}), source: "alexa" });
  }

  private async call<S extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    answer: Schema<S>,
    body?: unknown,
  ): Promise<BridgeResult<z.infer<S>>> {
    const schema = answer(); // built while the bridge works on the request
    schema.catch(() => {});
    const res = await (this.options.link ? this.viaLink(method, path, body) : this.viaHttp(method, path, body));
    if ("kind" in res) return res;
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      return { kind: "unreachable", reason: `invalid response (HTTP ${res.status})` };
    }
    if (res.status === 401) return { kind: "unauthorized" };
    if (res.status < 200 || res.status >= 300) {
      const err = (await ANSWERS.error()).safeParse(json);
      if (
        !err.success ||
        (res.status >= 500 && err.data.error.code !== "PANEL_UNREACHABLE" && err.data.error.code !== "LEDGER_UNAVAILABLE")
      )
        return { kind: "unreachable", reason: `HTTP ${res.status}` };
      const { code, message, retryAfterSeconds } = err.data.error;
      return { kind: "refused", code, message, retryAfterSeconds, status: res.status };
    }
    const parsed = (await schema).safeParse(json);
    return parsed.success ? { kind: "ok", value: parsed.data } : { kind: "unreachable", reason: "unexpected response" };
  }

  /** The timeout covers the answer's body too: it is cancelled once the body has been read. */
  private async viaHttp(method: "GET" | "POST", path: string, body?: unknown): Promise<Answered> {
    const abort = new AbortController();
    const timedOut = () => abort.abort(new DOMException("the bridge did not answer in time", "TimeoutError"));
    const cancel = this.clock.after(this.timeoutMs, timedOut, { background: true });
    try {
      const res = await this.fetchFn(`${this.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.options.token}`, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: abort.signal,
      });
      return { status: res.status, json: () => res.json().finally(cancel) };
    } catch (err) {
      cancel();
      const name = (err as Error).name;
      return { kind: "unreachable", reason: name === "TimeoutError" || name === "AbortError" ? "timeout" : "network" };
    }
  }

  private async viaLink(method: "GET" | "POST", path: string, body?: unknown): Promise<Answered> {
    try {
      const answer = await this.options.link!.request({ method, path, body });
      return { status: answer.status, json: async () => answer.body };
    } catch (err) {
      const { reason, since } = err as { reason?: string; since?: string };
      return { kind: "unreachable", reason: reason ?? "network", ...(since !== undefined ? { offlineSince: since } : {}) };
    }
  }
}
