import { join } from "node:path";
import type { PanelConfig } from "../contract/config.js";
import type { PanelDriver } from "./driver.js";
import { ShellyDriver } from "./shelly.js";
import { SimulatedDriver } from "./simulated.js";

export type { PanelDriver } from "./driver.js";

export function createDriver(panel: PanelConfig, options: { storageDir?: string; log?: (message: string) => void } = {}): PanelDriver {
  switch (panel.driver.kind) {
    case "shelly":
      return new ShellyDriver(panel.driver);
    case "simulated":
      return new SimulatedDriver(panel.id, {
        stateFile: options.storageDir ? join(options.storageDir, "panels", `${panel.id}.json`) : undefined,
        log: options.log,
      });
  }
}
