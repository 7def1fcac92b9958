/**
 * Shelly Gen2+ relay over its HTTP RPC. Switch-on passes the granted seconds as `toggle_after`, so
 * the relay switches itself off on time even if the bridge dies mid-session.
 */
import * as z from "zod";
import type { ShellyDriverConfig } from "../contract/config.js";
import { type PanelDriver, PanelUnreachableError } from "./driver.js";

const SwitchStatusSchema = z.object({ id: z.number(), output: z.boolean() }).loose();
const RpcErrorSchema = z.object({ code: z.number(), message: z.string() }).loose();

export class ShellyDriver implements PanelDriver {
  readonly kind = "shelly";
  private readonly base: string;

  constructor(private readonly config: ShellyDriverConfig) {
    this.base = config.url.replace(/\/+$/, "");
  }

  async on(seconds: number): Promise<void> {
    await this.rpc("Switch.Set", { on: "true", toggle_after: String(Math.max(1, Math.ceil(seconds))) });
  }

  async off(): Promise<void> {
    await this.rpc("Switch.Set", { on: "false" });
  }

  async status(): Promise<{ on: boolean; reachable: boolean }> {
    try {
      const parsed = SwitchStatusSchema.safeParse(await this.rpc("Switch.GetStatus", {}));
      return parsed.success ? { on: parsed.data.output, reachable: true } : { on: false, reachable: false };
    } catch {
      return { on: false, reachable: false };
    }
  }

  private async rpc(method: string, params: Record<string, string>): Promise<unknown> {
    const query = new URLSearchParams({ id: String(this.config.switchId), ...params });
    const url = `${this.base}/rpc/${method}?${query}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.config.timeoutMs) });
    } catch (err) {
      const cause = (err as Error).name === "TimeoutError" ? `no answer within ${this.config.timeoutMs} ms` : describe(err);
      throw new PanelUnreachableError(`Shelly at ${this.base}: ${cause}`, { cause: err });
    }
    const body = await res.json().catch(() => undefined);
    if (!res.ok) {
      const rpcError = RpcErrorSchema.safeParse(body);
      const detail = rpcError.success ? rpcError.data.message : `HTTP ${res.status}`;
      throw new PanelUnreachableError(`Shelly at ${this.base} refused ${method}: ${detail}`);
    }
    return body;
  }
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
