/**
 * A local HTTP server speaking the Shelly Gen2 RPC for switches: Switch.Set (with a real
 * toggle_after timer), Switch.GetStatus (with `apower` on a metering device), Switch.GetConfig and
 * Switch.SetConfig (initial_state, auto_on/auto_off with their delays, validated like a device).
 * It can go down or answer slowly on demand, be switched on at the device (`press`), and lose power
 * (`reboot`, which honours initial_state). Sys.GetStatus reports the device's clock (`unixtime`),
 * which can be set apart from the host's or left unsynced (null, as before the device's first sync).
 * A switch-on or -off can land late (`setLandingDelayMs`: a slow link), and `onPeriods` is what the
 * relay's output really did, measured by the device: what the ledger must never undercount.
 * Every timer and reading of the device (its switch timers, slow answers, late landings, its clock,
 * `onPeriods`) runs on `clock`: the system's by default, or a test's fake clock shared with the bridge.
 *
 * Timers, as modelled here: each switch has one timer (what the device reports as
 * timer_started_at/timer_duration). An explicit `toggle_after` sets it; otherwise switching on
 * starts `auto_off_delay` when auto_off is set, and switching off starts `auto_on_delay` when
 * auto_on is set. When the timer flips the output, the auto timer for the new state starts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type Clock, systemClock } from "../../common/clock.js";

export type InitialState = "off" | "on" | "restore_last" | "match_input";

export interface FakeSwitchConfig {
  id: number;
  name: string | null;
  in_mode: "momentary" | "follow" | "flip" | "detached" | "cycle" | "activate";
  initial_state: InitialState;
  auto_on: boolean;
  auto_on_delay: number;
  auto_off: boolean;
  auto_off_delay: number;
}

interface SwitchState {
  output: boolean;
  /** Source of the last change, as the device reports it: "init", "http", "button", "timer". */
  source: string;
  /** Cancels the running timer. */
  timer?: () => void;
  /** When the timer started, on the device's clock (ms). */
  timerStartedAt?: number;
  timerDuration?: number;
  /** Every stretch the output was on (the clock's monotonic ms; `off` undefined while on). */
  onPeriods: Array<{ on: number; off?: number }>;
  config: FakeSwitchConfig;
  /** What the load draws while the relay is on (W). */
  loadW: number;
  /** A fixed meter reading regardless of the relay (e.g. welded contacts); undefined = from loadW. */
  powerOverrideW?: number;
}

export interface FakeShelly {
  url: string;
  port: number;
  requests: string[];
  state(id?: number): SwitchState;
  setDown(down: boolean): void;
  setDelayMs(ms: number): void;
  /**
   * Someone switches the relay on at the device (button/app): starts the auto_off timer if configured.
   * With `agoMs`, the press happened that long ago (its timer has run as long, the output been on as long).
   */
  press(id?: number, agoMs?: number): void;
  /** Power cut or reboot: timers are lost; each output comes up per its initial_state. */
  reboot(): void;
  /** What the load draws while relay `id` is on; apower reads this when on, 0 when off. */
  setLoadW(watts: number, id?: number): void;
  /** Force the meter reading (undefined: back to the on/off model). */
  setPowerW(watts: number | undefined, id?: number): void;
  /** Make Switch.SetConfig answer success but keep nothing (a device that does not take the write). */
  setIgnoreConfigWrites(ignore: boolean): void;
  /** Make Switch.Set ignore `toggle_after` (a device or firmware without the flip-back timer). */
  setIgnoreToggleAfter(ignore: boolean): void;
  /** The device's clock: `offsetMs` from the host's, or null while it has not synced (`unixtime: null`). */
  setClock(offsetMs: number | null): void;
  /** Switch.Set requests switching on (`on`) or off (`off`) take effect this long after they arrive. */
  setLandingDelayMs(delays: { on?: number; off?: number }): void;
  /** Seconds relay `id` has been on in total (the stretch still on counts up to now). */
  onSeconds(id?: number): number;
  close(): Promise<void>;
}

const DEFAULT_CONFIG: Omit<FakeSwitchConfig, "id"> = {
  name: null,
  in_mode: "flip",
  initial_state: "restore_last",
  auto_on: false,
  auto_on_delay: 60,
  auto_off: false,
  auto_off_delay: 60,
};

const IN_MODES = ["momentary", "follow", "flip", "detached", "cycle", "activate"];
const INITIAL_STATES = ["off", "on", "restore_last", "match_input"];

/** Validates a Switch.SetConfig `config` object; returns an error message, or the changes to apply. */
function checkConfig(raw: unknown): { error: string } | { changes: Partial<FakeSwitchConfig> } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { error: "Invalid argument 'config'!" };
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const bad = { error: `Invalid argument 'config.${key}'!` };
    switch (key) {
      case "name":
        if (value !== null && typeof value !== "string") return bad;
        break;
      case "in_mode":
        if (!IN_MODES.includes(value as string)) return bad;
        break;
      case "initial_state":
        if (!INITIAL_STATES.includes(value as string)) return bad;
        break;
      case "auto_on":
      case "auto_off":
        if (typeof value !== "boolean") return bad;
        break;
      case "auto_on_delay":
      case "auto_off_delay":
        if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return bad;
        break;
      default:
        continue; // unknown keys are ignored
    }
    changes[key] = value;
  }
  return { changes: changes as Partial<FakeSwitchConfig> };
}

export async function startFakeShelly(
  opts: { switches?: number; port?: number; metering?: boolean; clock?: Clock } = {},
): Promise<FakeShelly> {
  const metering = opts.metering ?? true;
  const clock = opts.clock ?? systemClock;
  const switches = new Map<number, SwitchState>();
  for (let i = 0; i < (opts.switches ?? 1); i++)
    switches.set(i, { output: false, source: "init", config: { id: i, ...DEFAULT_CONFIG }, loadW: 0, onPeriods: [] });
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const pendingReplies = new Set<() => void>();
  let down = false;
  let delayMs = 0;
  let ignoreConfigWrites = false;
  let ignoreToggleAfter = false;
  let clockOffsetMs: number | null = 0;
  let landing: { on?: number; off?: number } = {};
  const bootedAt = clock.now();
  // Unsynced, a device counts from the epoch at boot (as if its clock was never set).
  const deviceNow = () => (clockOffsetMs === null ? clock.now() - bootedAt : clock.now() + clockOffsetMs);
  /** Runs `fn` after `ms` unless the device closes first; at once for no delay (a fake clock's timer waits for it to move). */
  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const cancel = clock.after(ms, () => {
      pendingReplies.delete(cancel);
      fn();
    });
    pendingReplies.add(cancel);
  };

  const clearTimer = (sw: SwitchState) => {
    sw.timer?.();
    sw.timer = undefined;
    sw.timerStartedAt = undefined;
    sw.timerDuration = undefined;
  };
  const startTimer = (sw: SwitchState, seconds: number, agoMs = 0) => {
    sw.timerStartedAt = deviceNow() - agoMs;
    sw.timerDuration = seconds;
    sw.timer = clock.after(Math.max(0, seconds * 1000 - agoMs), () => {
      sw.timer = undefined;
      setOutput(sw, !sw.output, "timer");
    });
  };
  /** Switches the output; an explicit toggle_after wins over the configured auto timers. */
  const setOutput = (sw: SwitchState, on: boolean, source: string, toggleAfter?: number, agoMs = 0) => {
    clearTimer(sw);
    if (on && !sw.output) sw.onPeriods.push({ on: clock.monotonic() - agoMs });
    if (!on && sw.output) sw.onPeriods[sw.onPeriods.length - 1].off = clock.monotonic();
    sw.output = on;
    sw.source = source;
    if (toggleAfter !== undefined && !ignoreToggleAfter) startTimer(sw, toggleAfter, agoMs);
    else if (on && sw.config.auto_off) startTimer(sw, sw.config.auto_off_delay, agoMs);
    else if (!on && sw.config.auto_on) startTimer(sw, sw.config.auto_on_delay, agoMs);
  };
  const apower = (sw: SwitchState) => sw.powerOverrideW ?? (sw.output ? sw.loadW : 0);
  const get = (id: number) => {
    const sw = switches.get(id);
    if (!sw) throw new Error(`fake Shelly has no switch ${id}`);
    return sw;
  };

  const server: Server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://shelly");
    requests.push(`${url.pathname}${url.search}`);
    const reply = (status: number, body: unknown) =>
      later(delayMs, () => {
        if (!res.writableEnded) res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
      });
    if (url.pathname === "/rpc/Sys.GetStatus")
      return reply(200, {
        unixtime: clockOffsetMs === null ? null : Math.floor(deviceNow() / 1000),
        uptime: 1234,
        restart_required: false,
      });
    const id = Number(url.searchParams.get("id") ?? 0);
    const sw = switches.get(id);
    if (!sw) return reply(500, { code: -105, message: `Argument 'id', value ${id} not found!` });
    if (url.pathname === "/rpc/Switch.GetStatus")
      return reply(200, {
        id,
        source: sw.source,
        output: sw.output,
        ...(sw.timer ? { timer_started_at: sw.timerStartedAt! / 1000, timer_duration: sw.timerDuration } : {}),
        ...(metering ? { apower: apower(sw), voltage: 230.1, current: Math.round((apower(sw) / 230.1) * 1000) / 1000 } : {}),
        temperature: { tC: 40.2, tF: 104.4 },
      });
    if (url.pathname === "/rpc/Switch.GetConfig") return reply(200, { ...sw.config });
    if (url.pathname === "/rpc/Switch.SetConfig") {
      const text = url.searchParams.get("config");
      if (text === null) return reply(500, { code: -103, message: "Missing required argument 'config'!" });
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return reply(500, { code: -103, message: "Invalid argument 'config'!" });
      }
      const checked = checkConfig(raw);
      if ("error" in checked) return reply(500, { code: -103, message: checked.error });
      if (!ignoreConfigWrites) Object.assign(sw.config, checked.changes);
      return reply(200, { restart_required: false });
    }
    if (url.pathname === "/rpc/Switch.Set") {
      const on = url.searchParams.get("on");
      if (on !== "true" && on !== "false") return reply(500, { code: -103, message: "Invalid argument 'on'!" });
      const after = url.searchParams.get("toggle_after");
      const seconds = after === null ? undefined : Number(after);
      if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0))
        return reply(500, { code: -103, message: "Invalid argument 'toggle_after'!" });
      const wasOn = sw.output;
      const lands = landing[on === "true" ? "on" : "off"] ?? 0;
      if (lands <= 0) {
        setOutput(sw, on === "true", "http", seconds);
        return reply(200, { was_on: wasOn });
      }
      return later(lands, () => {
        const was = sw.output;
        setOutput(sw, on === "true", "http", seconds);
        reply(200, { was_on: was });
      });
    }
    return reply(404, { code: 404, message: `No handler for ${url.pathname}` });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    state: (id = 0) => switches.get(id)!,
    setDown: (d) => {
      down = d;
    },
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    press: (id = 0, agoMs = 0) => setOutput(get(id), true, "button", undefined, agoMs),
    reboot: () => {
      for (const sw of switches.values()) {
        const initial = sw.config.initial_state;
        // No input is modelled: "match_input" sees an open input, i.e. off.
        const on = initial === "on" ? true : initial === "restore_last" ? sw.output : false;
        setOutput(sw, on, "init");
      }
    },
    setLoadW: (watts, id = 0) => {
      get(id).loadW = watts;
    },
    setPowerW: (watts, id = 0) => {
      get(id).powerOverrideW = watts;
    },
    setIgnoreConfigWrites: (ignore) => {
      ignoreConfigWrites = ignore;
    },
    setIgnoreToggleAfter: (ignore) => {
      ignoreToggleAfter = ignore;
    },
    setClock: (offsetMs) => {
      clockOffsetMs = offsetMs;
    },
    setLandingDelayMs: (delays) => {
      landing = delays;
    },
    onSeconds: (id = 0) => get(id).onPeriods.reduce((total, p) => total + ((p.off ?? clock.monotonic()) - p.on) / 1000, 0),
    close: async () => {
      for (const sw of switches.values()) sw.timer?.();
      for (const cancel of pendingReplies) cancel();
      pendingReplies.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
