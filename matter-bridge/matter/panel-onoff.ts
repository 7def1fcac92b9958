/**
 * The panel's OnOff and Scenes Management clusters: the dose-guarded On/Off (guarded-onoff.ts) for
 * the whole panel. Any On starts the panel's current region (its last session's, else its
 * configured default) through the session controller; the endpoint reads on while any session runs
 * on the panel, whatever started it; Off stops it. The endpoint's PanelBehavior names the panel and
 * reaches the controller.
 */
import { GuardedOnOffServer, GuardedScenesServer } from "./guarded-onoff.js";

export class PanelOnOffServer extends GuardedOnOffServer {}

/** Scenes on the panel: a recall's OnOff value goes through the guard (see guarded-onoff.ts). */
export class PanelScenesServer extends GuardedScenesServer {}
