/**
 * The bridge's Matter node: a ServerNode with an Aggregator and one bridged endpoint per panel. The
 * session controller is a service of the node's environment; each panel endpoint's PanelBehavior
 * names its panel, and PanelOnOffServer sends commands to the controller and follows its changes.
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
import { PanelBehavior } from "./panel-behavior.js";
import { PanelOnOffServer, PanelScenesServer } from "./panel-onoff.js";
import { matterEnvironment } from "./runtime.js";

export interface MatterNodeOptions {
  controller: SessionController;
  config: BridgeConfig;
  storageDir: string;
  port: number;
  passcode: number;
  discriminator: number;
}

export interface RunningMatterNode {
  node: ServerNode;
  pairing: { qrPairingCode: string; manualPairingCode: string };
  commissioned: boolean;
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
    id: "biolight-bridge",
    environment: matterEnvironment(opts.storageDir),
    network: { port: opts.port },
    commissioning: { passcode: opts.passcode, discriminator: opts.discriminator },
    productDescription: { name: "Biolight bridge", deviceType: AggregatorEndpoint.deviceType },
    basicInformation: {
      vendorName: "Biolight",
      vendorId: VendorId(0xfff1),
      productName: "Biolight bridge",
      productLabel: "Biolight bridge",
      productId: 0x8000,
      nodeLabel: "Biolight bridge",
      serialNumber: `biolight-${uniqueIdOf("bridge").slice(0, 12)}`,
      uniqueId: uniqueIdOf("bridge"),
    },
  });

  // Before any panel endpoint is added: their behaviours find the controller here.
  node.env.set(SessionController, controller);
  const aggregator = new Endpoint(AggregatorEndpoint, { id: "aggregator" });
  await node.add(aggregator);
  for (const panel of config.panels) await aggregator.add(panelEndpoint(panel));

  await node.start();
  const codes = node.state.commissioning.pairingCodes;
  return {
    node,
    pairing: { qrPairingCode: codes.qrPairingCode, manualPairingCode: codes.manualPairingCode },
    commissioned: node.state.commissioning.commissioned,
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
