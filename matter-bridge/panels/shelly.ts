/**
 * Shelly Gen2+ relay over its HTTP RPC. Switch-on passes the granted seconds as `toggle_after`, so
 * the relay switches itself off on time even if the bridge dies mid-session. `applyFailSafes` also
 * sets the relay's own configuration (off after a power cut, never on by itself, auto-off for any
 * on, including a press at the device), so the panel is bounded bridge or no bridge.
 */
import * as z from "zod";
import type { ShellyDriverConfig } from "../contract/config.js";
import { type PanelDriver, type PanelDriverStatus, PanelUnreachableError, type RelayTimer } from "./driver.js";

const SwitchStatusSchema = z.object({ id: z.number(), output: z.boolean() }).loose();
/** `timer_started_at`: Unix time (s, UTC) on the device's clock; `timer_duration`: s. Shown while a timer runs. */
const SwitchTimerSchema = z
  .object({ output: z.boolean(), timer_started_at: z.number().optional(), timer_duration: z.number().optional() })
  .loose();
/** `unixtime`: the device's clock (s, UTC), null until it has synced its time. */
const SysStatusSchema = z.object({ unixtime: z.number().nullable().optional() }).loose();
const RpcErrorSchema = z.object({ code: z.number(), message: z.string() }).loose();
const SwitchConfigSchema = z
  .object({
    initial_state: z.string().optional(),
    auto_on: z.boolean().optional(),
    auto_off: z.boolean().optional(),
    auto_off_delay: z.number().optional(),
  })
  .loose();

/** The part of a Shelly `Switch` config the bridge owns. */
export interface ShellyFailSafeConfig {
  initial_state: "off";
  auto_on: false;
  auto_off: true;
  auto_off_delay: number;
}

/**
 * The fail-safe config for a session cap: off after a power cut or reboot, no automatic switch-on,
 * and an automatic switch-off after the cap in whole seconds (rounded down, so never longer).
 */
export function shellyFailSafeConfig(maxSessionSeconds: number): ShellyFailSafeConfig {
  if (!Number.isFinite(maxSessionSeconds) || maxSessionSeconds < 1)
    throw new RangeError(`maxSessionSeconds must be a number >= 1, got ${maxSessionSeconds}`);
  return { initial_state: "off", auto_on: false, auto_off: true, auto_off_delay: Math.floor(maxSessionSeconds) };
}

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

  async status(): Promise<PanelDriverStatus> {
    try {
      const parsed = SwitchStatusSchema.safeParse(await this.rpc("Switch.GetStatus", {}));
      if (!parsed.success) return { on: false, reachable: false };
      const apower = parsed.data.apower;
      return {
        on: parsed.data.output,
        reachable: true,
        ...(typeof apower === "number" && Number.isFinite(apower) ? { powerW: apower } : {}),
      };
    } catch {
      return { on: false, reachable: false };
    }
  }

  /**
   * The relay's timer from `Switch.GetStatus` (`timer_started_at`, `timer_duration`); how long it
   * has run is the device's own `Sys.GetStatus` `unixtime` minus its start, both on the device's clock.
   */
  async onTimer(): Promise<RelayTimer | undefined> {
    const parsed = SwitchTimerSchema.safeParse(await this.rpc("Switch.GetStatus", {}));
    if (!parsed.success) throw new PanelUnreachableError(`Shelly at ${this.base} gave an unexpected Switch.GetStatus answer`);
    const { output, timer_started_at: startedAt, timer_duration: seconds } = parsed.data;
    if (!output || seconds === undefined || !(seconds > 0)) return undefined;
    const sys = SysStatusSchema.safeParse(await this.rpc("Sys.GetStatus", {}, false));
    const now = sys.success ? sys.data.unixtime : undefined;
    // `unixtime` is whole seconds: the end of its second, so the time run is never undercounted.
    return { seconds, ...(typeof now === "number" && startedAt !== undefined ? { elapsedSeconds: now + 1 - startedAt } : {}) };
  }

  /**
   * Reads `Switch.GetConfig`; writes `Switch.SetConfig` only when the fail-safe fields differ (so a
   * restart does not wear the device's flash), then reads the config back to verify. Rejects with
   * PanelUnreachableError when the device cannot be reached, refuses, or does not keep the values.
   */
  async applyFailSafes(limits: { maxSessionSeconds: number }): Promise<void> {
    const want = shellyFailSafeConfig(limits.maxSessionSeconds);
    const before = differences(await this.switchConfig(), want);
    if (before.length === 0) return;
    await this.rpc("Switch.SetConfig", { config: JSON.stringify(want) });
    const after = differences(await this.switchConfig(), want);
    if (after.length > 0)
      throw new PanelUnreachableError(`Shelly at ${this.base} did not keep its fail-safe settings: ${after.join(", ")}`);
  }

  private async switchConfig(): Promise<z.infer<typeof SwitchConfigSchema>> {
    const parsed = SwitchConfigSchema.safeParse(await this.rpc("Switch.GetConfig", {}));
    if (!parsed.success) throw new PanelUnreachableError(`Shelly at ${this.base} gave an unexpected Switch.GetConfig answer`);
    return parsed.data;
  }

  private async rpc(method: string, params: Record<string, string>, ofSwitch = true): Promise<unknown> {
    const query = new URLSearchParams({ ...(ofSwitch ? { id: String(this.config.switchId) } : {}), ...params });
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

/** Fail-safe fields whose device value differs from the wanted one, as "key is X, wanted Y". */
function differences(current: z.infer<typeof SwitchConfigSchema>, want: ShellyFailSafeConfig): string[] {
  const out: string[] = [];
  for (const key of Object.keys(want) as (keyof ShellyFailSafeConfig)[]) {
    const have = current[key];
    const same =
      key === "auto_off_delay"
        ? typeof have === "number" && Math.abs(have - want.auto_off_delay) < 0.01 // the device keeps a float
        : have === want[key];
    if (!same) out.push(`${key} is ${JSON.stringify(have)}, wanted ${JSON.stringify(want[key])}`);
  }
  return out;
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
