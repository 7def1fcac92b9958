/**
 * Region switches: with `regionSwitches` on a panel, one bridged On/Off endpoint per region ("Low
 * back session", ...), so ecosystems that cannot run the Alexa skill (Siri, Google Assistant, Home
 * Assistant automations) can start a region by name. On starts that region on the panel through the
 * session controller (for the panel's default person); the switch reads on while that region runs on
 * the panel, whoever started it (API, voice, Matter), and off otherwise; Off stops it, and only it.
 * Every refusal is the command's Matter failure status. The guard, the read-outs and the scenes are
 * the panel endpoint's own (guarded-onoff.ts); this file adds the region.
 */
import { Behavior, Endpoint, ImplementationError } from "@matter/main";
import { BridgedDeviceBasicInformationServer } from "@matter/main/behaviors/bridged-device-basic-information";
import { OnOffPlugInUnitDevice } from "@matter/main/devices/on-off-plug-in-unit";
import { type BridgeConfig, type PanelConfig, regionSwitchName } from "../contract/config.js";
import { isRegionId, REGION_IDS, type RegionId } from "../contract/regions.js";
import { GuardedOnOffServer, GuardedScenesServer } from "./guarded-onoff.js";
import { PanelBehavior } from "./panel-behavior.js";

/** Which region a switch starts (set when the endpoint is created). */
export class RegionSwitchBehavior extends Behavior {
  static override readonly id = "regionSwitch";
  declare state: RegionSwitchBehavior.State;

  override initialize() {
    if (!isRegionId(this.state.region)) throw new ImplementationError(`${this.endpoint} has no region`);
  }

  get region(): RegionId {
    return this.state.region as RegionId;
  }
}

export namespace RegionSwitchBehavior {
  export class State {
    /** The region's id in the catalogue. */
    region = "";
  }
}

/** The dose-guarded On/Off for one region of the panel. */
export class RegionSwitchServer extends GuardedOnOffServer {
  protected override get region(): RegionId {
    return this.agent.get(RegionSwitchBehavior).region;
  }
}

/**
 * A plug-in unit, never a light, whatever the panel's device type: "turn on all the lights" must not
 * start a session. Scenes Management is mandatory for the device type; recalls go through the guard.
 */
export const RegionSwitchDevice = OnOffPlugInUnitDevice.with(
  BridgedDeviceBasicInformationServer,
  PanelBehavior,
  RegionSwitchBehavior,
  RegionSwitchServer,
  GuardedScenesServer,
);

/** Endpoint ids stay stable across restarts (controllers keep their tiles), and never meet a panel's `panel-<id>`. */
export const regionSwitchEndpointId = (panelId: string, region: RegionId) => `region-${panelId}-${region}`;

/**
 * The panel's region switches, one per region of the catalogue (none without `regionSwitches`).
 * `uniqueIdOf` gives the stable Matter UniqueID of a key.
 */
export function regionSwitchEndpoints(
  config: BridgeConfig,
  panel: PanelConfig,
  uniqueIdOf: (key: string) => string,
): Endpoint<typeof RegionSwitchDevice>[] {
  if (!panel.regionSwitches) return [];
  return REGION_IDS.map((region) => {
    const uniqueId = uniqueIdOf(`${panel.id}/${region}`);
    return new Endpoint(RegionSwitchDevice, {
      id: regionSwitchEndpointId(panel.id, region),
      panel: { panelId: panel.id },
      regionSwitch: { region },
      bridgedDeviceBasicInformation: {
        vendorName: "Biolight",
        productName: "Red light region switch",
        productLabel: "Region switch",
        nodeLabel: regionSwitchName(config, panel, region),
        serialNumber: uniqueId.slice(0, 16),
        uniqueId,
        reachable: true,
      },
    });
  });
}
