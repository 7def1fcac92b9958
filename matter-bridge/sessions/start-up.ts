/**
 * The start-up read (invariant 2): every relay read, then switched off before anything else, its
 * fail-safes armed; a relay found on has its light booked (manual-light.ts) unless it is a crashed
 * session's own.
 */
import type { BridgeConfig } from "../contract/config.js";
import type { RegionId } from "../contract/regions.js";
import type { LedgerSession } from "../dose/ledger-schema.js";
import type { PanelDriverStatus, RelayTimer } from "../panels/driver.js";
import type { Clock } from "../support/clock.js";
import { foundOnAtStartUp } from "./manual-light.js";
import type { Panel } from "./panel.js";

export interface StartUpOptions {
  config: BridgeConfig;
  panels: Panel[];
  clock: Clock;
  /** Now on the trusted line. */
  now: () => number;
  /** The sessions a crash left open. */
  openSessions: () => LedgerSession[];
  region: (panelId: string) => RegionId;
  book: (entry: LedgerSession, what: string) => Promise<void>;
  log: (message: string) => void;
}

interface RelayFound {
  read: PanelDriverStatus;
  timer: RelayTimer | undefined;
  offAfter: number | undefined;
}

export async function switchEveryPanelOff(o: StartUpOptions): Promise<void> {
  const found: Array<[Panel, RelayFound]> = [];
  await Promise.all(
    o.panels.map(async (panel) => {
      const { actuator } = panel;
      const read = await actuator.peek();
      if (read.on) panel.transition({ kind: "found-on-at-start-up" });
      const timer = read.on ? await actuator.onTimer() : undefined;
      const readMono = o.clock.monotonic();
      const off = await actuator.switchOff(1);
      if (read.on) found.push([panel, { read, timer, offAfter: off ? (o.clock.monotonic() - readMono) / 1000 : undefined }]);
      if (!off) {
        o.log(`[${panel.id}] could not be switched off at start-up; retrying`);
        void actuator.switchOff();
        return;
      }
      panel.lastSeenOff = o.clock.monotonic();
      await actuator.armFailSafes();
    }),
  );
  // Booked before the crashed sessions are closed: they tell the relay's light apart from a press.
  for (const [panel, relay] of found) await bookFoundOn(o, panel, relay);
}

async function bookFoundOn(o: StartUpOptions, panel: Panel, relay: RelayFound): Promise<void> {
  try {
    const crashed = o.openSessions().find((s) => s.panelId === panel.id);
    const now = Math.round(o.now());
    const found = foundOnAtStartUp({ config: o.config, panel: panel.config, region: o.region(panel.id), now, crashed, ...relay });
    if ("ownedBy" in found)
      return o.log(
        `[${panel.id}] found on at start-up: still session ${found.ownedBy.slice(0, 8)}'s light (its own timer), counted with it`,
      );
    o.log(found.log);
    await o.book(found.entry, `record the ${found.seconds.toFixed(1)} s the panel was on before start-up`);
  } finally {
    panel.transition({ kind: "off" });
  }
}
