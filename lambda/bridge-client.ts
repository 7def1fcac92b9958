/**
 * The skill's client for the bridge's control API. Responses are parsed with the contract's
 * schemas; every outcome is a value (never a throw) so handlers can always say something.
 */
import type { z } from "zod";
import {
  CautionAcknowledgeResponseSchema,
  CautionStatusResponseSchema,
  CautionWithdrawResponseSchema,
  DoseResponseSchema,
  ErrorBodySchema,
  HistoryResponseSchema,
  PanelsResponseSchema,
  type RefusalCode,
  type SessionRequest,
  StartSessionResponseSchema,
  StopSessionResponseSchema,
} from "../matter-bridge/contract/index.js";

export type BridgeResult<T> =
  | { kind: "ok"; value: T }
  | { kind: "refused"; code: RefusalCode | string; message: string; retryAfterSeconds?: number; status: number }
  | { kind: "unreachable"; reason: string }
  | { kind: "unauthorized" };

export interface BridgeClientOptions {
  url: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class BridgeClient {
  readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: BridgeClientOptions) {
    this.url = options.url.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.fetchFn = options.fetch ?? fetch;
  }

  startSession(request: SessionRequest) {
    return this.call("POST", "/v1/sessions", StartSessionResponseSchema, request);
  }

  stopSession(panelId: string) {
    return this.call("POST", `/v1/panels/${encodeURIComponent(panelId)}/stop`, StopSessionResponseSchema, {});
  }

  panels() {
    return this.call("GET", "/v1/panels", PanelsResponseSchema);
  }

  dose() {
    return this.call("GET", "/v1/dose", DoseResponseSchema);
  }

  history(days: number) {
    return this.call("GET", `/v1/history?days=${days}`, HistoryResponseSchema);
  }

  acknowledgeCaution(version: number) {
    return this.call("POST", "/v1/caution/acknowledge", CautionAcknowledgeResponseSchema, { version, source: "alexa" });
  }

  /** The household gate: the bridge's current caution (version and text) and whether it is open, and why not. */
  cautionStatus() {
    return this.call("GET", "/v1/caution", CautionStatusResponseSchema);
  }

  /** A red flag was reported: closes the household gate and switches off whatever is running. */
  withdrawCaution(reason?: string) {
    return this.call("POST", "/v1/caution/withdraw", CautionWithdrawResponseSchema, { ...(reason ? { reason } : {}), source: "alexa" });
  }

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<BridgeResult<z.infer<S>>> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.options.token}`, ...(body !== undefined ? { "Content-Type": "application/json" } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      return { kind: "unreachable", reason: name === "TimeoutError" || name === "AbortError" ? "timeout" : "network" };
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      return { kind: "unreachable", reason: `invalid response (HTTP ${res.status})` };
    }
    if (res.status === 401) return { kind: "unauthorized" };
    if (!res.ok) {
      const err = ErrorBodySchema.safeParse(json);
      if (
        !err.success ||
        (res.status >= 500 && err.data.error.code !== "PANEL_UNREACHABLE" && err.data.error.code !== "LEDGER_UNAVAILABLE")
      )
        return { kind: "unreachable", reason: `HTTP ${res.status}` };
      const { code, message, retryAfterSeconds } = err.data.error;
      return { kind: "refused", code, message, retryAfterSeconds, status: res.status };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { kind: "ok", value: parsed.data } : { kind: "unreachable", reason: "unexpected response" };
  }
}
