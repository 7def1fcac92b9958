import type { TimeSource } from "../../common/clock.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";

/**
 * A simulated panel whose recorded actions carry `clock`'s time (the fake clock the bridge runs on)
 * rather than Date.now(), so the time between two actions is the bridge's time. The panel's own relay
 * timer still runs on real time, as a relay's own clock would.
 */
export function clockedDriver(panelId: string, clock: TimeSource): SimulatedDriver {
  const driver = new SimulatedDriver(panelId, { log: () => {} });
  const record = driver.actions.push.bind(driver.actions);
  driver.actions.push = (...actions) => record(...actions.map((a) => ({ ...a, at: clock.now() })));
  return driver;
}
