/**
 * The bridge's Matter node: a ServerNode with an Aggregator and one bridged endpoint per panel.
 * Endpoint state follows the session controller; commands go to it through PanelOnOffServer.
 */

import { createHash } from "node:crypto";
import { join } from "node:path";
import { Endpoint, Environment, ServerNode, VendorId } from "@matter/main";
import { BridgedDeviceBasicInformationServer } from "@matter/main/behaviors/bridged-device-basic-information";
// Per-device subpaths: the devices barrel alone costs over a second of start-up.
import { OnOffLightDevice } from "@matter/main/devices/on-off-light";
import { OnOffPlugInUnitDevice } from "@matter/main/devices/on-off-plug-in-unit";
import { AggregatorEndpoint } from "@matter/main/endpoints/aggregator";
import type { PanelStatus } from "../contract/api.js";
import type { BridgeConfig, PanelConfig } from "../contract/config.js";
import type { SessionController } from "../sessions/controller.js";
import { bindPanel, tenths } from "./panel-binding.js";
import { PanelOnOffServer, PanelScenesServer } from "./panel-onoff.js";

export interface MatterNodeOptions {
  controller: SessionController;
  config: BridgeConfig;
  storageDir: string;
  port: number;
  passcode: number;
  discriminator: number;
  log?: (message: string) => void;
}

export interface RunningMatterNode {
  node: ServerNode;
  pairing: { qrPairingCode: string; manualPairingCode: string };
  commissioned: boolean;
  close(): Promise<void>;
}

// Scenes Management is mandatory for both device types: kept, with recalls routed through the guard.
const PanelOutlet = OnOffPlugInUnitDevice.with(BridgedDeviceBasicInformationServer, PanelOnOffServer, PanelScenesServer);
const PanelLight = OnOffLightDevice.with(BridgedDeviceBasicInformationServer, PanelOnOffServer, PanelScenesServer);

/** Stable across restarts, so controllers keep their tiles: derived from the panel id only. */
const uniqueIdOf = (panelId: string) => createHash("sha256").update(`biolight:${panelId}`).digest("hex").slice(0, 32);

export async function startMatterNode(opts: MatterNodeOptions): Promise<RunningMatterNode> {
  const { controller, config } = opts;
  // matter.js also reads process.argv, where our own --storage flag lands as a plain "storage"
  // variable; replace it with the map matter.js expects.
  Environment.default.vars.set("storage", { path: join(opts.storageDir, "matter") });
  const node = await ServerNode.create({
    id: "biolight-bridge",
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

  const aggregator = new Endpoint(AggregatorEndpoint, { id: "aggregator" });
  await node.add(aggregator);
  const endpoints = new Map<string, PanelEndpoint>();
  for (const panel of config.panels) {
    const endpoint = panelEndpoint(panel);
    bindPanel(endpoint, { controller, panelId: panel.id });
    await aggregator.add(endpoint);
    endpoints.set(panel.id, endpoint);
  }

  const mirror = (status: PanelStatus) => {
    const endpoint = endpoints.get(status.id);
    endpoint
      ?.set({
        // Matter's OnOff is the session (starting or on); an Off reads off at once, even while the
        // switch-off is still being retried (the API's `state` says "stopping" then).
        onOff: { onOff: controller.isOn(status.id), onTime: tenths(controller.remainingSeconds(status.id)) },
        bridgedDeviceBasicInformation: { reachable: status.reachable },
      })
      .catch((err: Error) => opts.log?.(`[${status.id}] Matter state update failed: ${err.message}`));
  };
  const unsubscribe = controller.onChange(mirror);
  for (const status of controller.status()) mirror(status);
  // OnTime counts down once a second while a panel is on (a read-out; the controller owns the off).
  const ticker = setInterval(() => {
    for (const [panelId, endpoint] of endpoints)
      if (controller.isOn(panelId)) endpoint.set({ onOff: { onTime: tenths(controller.remainingSeconds(panelId)) } }).catch(() => {});
  }, 1000);

  await node.start();
  const codes = node.state.commissioning.pairingCodes;
  return {
    node,
    pairing: { qrPairingCode: codes.qrPairingCode, manualPairingCode: codes.manualPairingCode },
    commissioned: node.state.commissioning.commissioned,
    close: async () => {
      clearInterval(ticker);
      unsubscribe();
      await node.close();
    },
  };
}

/** Outlet and light carry the same clusters this bridge touches (onOff, bridgedDeviceBasicInformation). */
type PanelEndpoint = Endpoint<typeof PanelOutlet>;

function panelEndpoint(panel: PanelConfig): PanelEndpoint {
  const Type = panel.deviceType === "light" ? PanelLight : PanelOutlet;
  const uniqueId = uniqueIdOf(panel.id);
  return new Endpoint(Type as typeof PanelOutlet, {
    id: `panel-${panel.id}`,
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
