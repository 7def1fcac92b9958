/**
 * The bridge's Matter node: a ServerNode with an Aggregator and one bridged endpoint per panel, plus
 * one per region on panels with `regionSwitches` (region-switch.ts). The session controller is a
 * service of the node's environment; each endpoint's PanelBehavior names its panel, and its guarded
 * OnOff (guarded-onoff.ts) sends commands to the controller and follows its changes.
 */

import { createHash } from "node:crypto";
import { Endpoint, ServerNode, VendorId } from "@matter/main";
import { BridgedDeviceBasicInformationServer } from "@matter/main/behaviors/bridged-device-basic-information";
// Per-device subpaths: the devices barrel alone costs over a second of start-up.
import { OnOffLightDevice } from "@matter/main/devices/on-off-light";
import { OnOffPlugInUnitDevice } from "@matter/main/devices/on-off-plug-in-unit";
import { AggregatorEndpoint } from "@matter/main/endpoints/aggregator";
import type { BridgeConfig, PanelConfig } from "../contract/config.js";
import { SessionController } from "../sessions/controller.js";
import { MATTER_NODE_ID } from "../storage/writable.js";
import { matterSoftwareVersion, VERSION } from "../version.js";
import { type FabricInfo, forgetEveryFabric } from "./fabrics.js";
import { PanelBehavior } from "./panel-behavior.js";
import { PanelOnOffServer, PanelScenesServer } from "./panel-onoff.js";
import { regionSwitchEndpoints } from "./region-switch.js";
import { matterEnvironment } from "./runtime.js";

export interface MatterNodeOptions {
  controller: SessionController;
  config: BridgeConfig;
  storageDir: string;
  port: number;
  passcode: number;
  discriminator: number;
  /** Forget every fabric before the node starts (--reset-pairing). */
  resetPairing?: boolean;
}

export interface RunningMatterNode {
  node: ServerNode;
  pairing: { qrPairingCode: string; manualPairingCode: string };
  commissioned: boolean;
  /** The fabrics --reset-pairing forgot. */
  forgotten: FabricInfo[];
  close(): Promise<void>;
}

// Scenes Management is mandatory for both device types: kept, with recalls routed through the guard.
const PanelOutlet = OnOffPlugInUnitDevice.with(BridgedDeviceBasicInformationServer, PanelBehavior, PanelOnOffServer, PanelScenesServer);
const PanelLight = OnOffLightDevice.with(BridgedDeviceBasicInformationServer, PanelBehavior, PanelOnOffServer, PanelScenesServer);

/** Stable across restarts, so controllers keep their tiles: derived from the panel id only. */
const uniqueIdOf = (panelId: string) => createHash("sha256").update(`biolight:${panelId}`).digest("hex").slice(0, 32);

export async function startMatterNode(opts: MatterNodeOptions): Promise<RunningMatterNode> {
  const { controller, config } = opts;
  const node = await ServerNode.create({
    id: MATTER_NODE_ID,
    environment: matterEnvironment(opts.storageDir),
    network: { port: opts.port },
    commissioning: { passcode: opts.passcode, discriminator: opts.discriminator },
    productDescription: { name: "Biolight bridge", deviceType: AggregatorEndpoint.deviceType },
    basicInformation: {
      vendorName: "Biolight",
      vendorId: VendorId(0xfff1),
      productName: "Biolight bridge",
      // Not naming the vendor (matter.js warns when the label repeats vendorName).
      productLabel: "Red-light panel bridge",
      productId: 0x8000,
      hardwareVersion: 1,
      hardwareVersionString: "1",
      softwareVersion: matterSoftwareVersion(),
      softwareVersionString: VERSION,
      nodeLabel: "Biolight bridge",
      serialNumber: `biolight-${uniqueIdOf("bridge").slice(0, 12)}`,
      uniqueId: uniqueIdOf("bridge"),
    },
  });

  let forgotten: FabricInfo[] = [];
  try {
    forgotten = opts.resetPairing ? await forgetEveryFabric(node) : [];
    // Before any panel endpoint is added: their behaviours find the controller here.
    node.env.set(SessionController, controller);
    const aggregator = new Endpoint(AggregatorEndpoint, { id: "aggregator" });
    await node.add(aggregator);
    for (const panel of config.panels) await aggregator.add(panelEndpoint(panel));
    // After every panel: a panel's endpoint number does not depend on another panel's region switches.
    for (const panel of config.panels)
      for (const endpoint of regionSwitchEndpoints(config, panel, uniqueIdOf)) await aggregator.add(endpoint);

    await node.start();
  } catch (err) {
    // A node that did not start holds its storage and sockets all the same: released, so a later try can.
    await node.close().catch(() => {});
    throw err;
  }
  const codes = node.state.commissioning.pairingCodes;
  return {
    node,
    pairing: { qrPairingCode: codes.qrPairingCode, manualPairingCode: codes.manualPairingCode },
    commissioned: node.state.commissioning.commissioned,
    forgotten,
    close: () => node.close(),
  };
}

/** Outlet and light carry the same behaviours this bridge touches (panel, onOff, bridgedDeviceBasicInformation). */
type PanelEndpoint = Endpoint<typeof PanelOutlet>;

function panelEndpoint(panel: PanelConfig): PanelEndpoint {
  const Type = panel.deviceType === "light" ? PanelLight : PanelOutlet;
  const uniqueId = uniqueIdOf(panel.id);
  return new Endpoint(Type as typeof PanelOutlet, {
    id: `panel-${panel.id}`,
    panel: { panelId: panel.id },
    bridgedDeviceBasicInformation: {
      vendorName: "Biolight",
      productName: "Red light panel",
      productLabel: "Red light panel",
      nodeLabel: panel.name,
      serialNumber: uniqueId.slice(0, 16),
      uniqueId,
      reachable: true,
    },
  });
}
