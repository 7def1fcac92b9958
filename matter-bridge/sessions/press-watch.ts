/**
 * A press at the device: every relay is read every couple of seconds (each panel on its own, so one
 * slow to switch off holds up no other); a relay found on outside any session is switched off and its
 * light booked as a `manual` session. It also re-arms a device's fail-safes when it comes back,
 * reports a panel drawing power while off, and lets the trusted time line notice a clock step.
 */
import type { BridgeConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import type { Clock } from "../support/clock.js";
import { every } from "../support/timers.js";
import { manualEntry } from "./manual-light.js";
import type { Panel } from "./panel.js";

/** How often the bridge reads every relay: a press at the device is off again within one poll and the switch-off. */
export const PANEL_POLL_MS = 2000;

/** A panel drawing more than this while switched off is reported as a fault (W). */
const OFF_POWER_FAULT_W = 3;

export interface PressWatchOptions {
  config: BridgeConfig;
  panel: (panelId: string) => Panel;
  clock: Clock;
  /** The trusted time line (reading it lets it notice a step of the wall clock). */
  time: { now(): number };
  region: (panelId: string) => RegionId;
  /** Writes a closed entry to the ledger (retried until it lands). */
  book: (entry: LedgerSession, what: string) => Promise<void>;
  log: (message: string) => void;
}

export class PressWatch {
  private stops: Array<() => void> = [];

  constructor(private readonly options: PressWatchOptions) {}

  /** Polls every panel every `PANEL_POLL_MS` on the clock until `stop()`. */
  start(): void {
    if (this.stops.length) return;
    const { config, clock, log } = this.options;
    this.stops = config.panels.map((p) =>
      every(
        PANEL_POLL_MS,
        () => this.poll(p.id),
        (m) => log(`[${p.id}] poll failed: ${m}`),
        clock,
      ),
    );
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }

  /** Reads one relay and acts on what it says. */
  async poll(panelId: string): Promise<void> {
    const { clock, time } = this.options;
    time.now();
    const panel = this.options.panel(panelId);
    const before = panel.state;
    const s = await panel.actuator.read();
    if (!s.reachable) return;
    // A session started or ended while the relay was being read: its answer may describe either.
    if (before.kind !== "off" || panel.state !== before) return;
    if (s.on) return this.switchOffPress(panel);
    panel.lastSeenOff = clock.monotonic();
    const drawing = s.powerW !== undefined && s.powerW > OFF_POWER_FAULT_W;
    panel.actuator.setFault(
      drawing ? `${panel.config.name} draws ${s.powerW} W while switched off: check the relay and the wiring.` : undefined,
    );
  }

  /** Someone switched the relay on at the device: off it goes, and the light it gave is counted. */
  private async switchOffPress(panel: Panel): Promise<void> {
    const { clock, time, log } = this.options;
    const since = panel.lastSeenOff ?? clock.monotonic();
    panel.transition({ kind: "pressed" });
    log(`[${panel.id}] found on without a session (pressed at the device?): switching off and counting it`);
    try {
      await panel.actuator.switchOff();
      const seconds = Math.max(0.001, Math.ceil(clock.monotonic() - since) / 1000);
      const entry = manualEntry(
        this.options.config,
        panel.config,
        this.options.region(panel.id),
        seconds,
        Math.round(time.now()),
        "manual-switched-off",
      );
      panel.lastSeenOff = clock.monotonic();
      await this.options.book(entry, `record the ${seconds.toFixed(1)} s the panel was on by hand`);
      log(`[${panel.id}] was on by hand for about ${seconds.toFixed(1)} s: counted as a ${entry.region} session`);
    } finally {
      panel.transition({ kind: "off" });
    }
  }
}
