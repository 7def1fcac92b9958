/**
 * A real matter.js controller for tests: commissions the bridge over UDP on 127.0.0.1 with a known
 * address (matter.js runs no mDNS on loopback) and hands out the panel's OnOff cluster client.
 */
import { Environment, Logger, LogLevel } from "@matter/main";
import { BridgedDeviceBasicInformation } from "@matter/main/clusters/bridged-device-basic-information";
import { Descriptor } from "@matter/main/clusters/descriptor";
import { OnOff } from "@matter/main/clusters/on-off";
import { ScenesManagement } from "@matter/main/clusters/scenes-management";
import { AttributeId, ClusterId, EndpointNumber, type NodeId } from "@matter/main/types";
import { CommissioningController } from "@project-chip/matter.js";
import type { PairedNode } from "@project-chip/matter.js/device";

Logger.level = LogLevel.ERROR;

/**
 * `localPort`: a controller restarted on the port it had is where a restarting bridge finds it again
 * (it restores its subscriptions there first, waiting ~2 s for a controller that is gone).
 */
export async function startController(storageRoot: string, id = "test-controller", localPort?: number) {
  const environment = Environment.default;
  environment.vars.set("storage", { path: storageRoot });
  const controller = new CommissioningController({
    environment: { environment, id },
    autoConnect: false,
    adminFabricLabel: "biolight test",
    localPort,
  });
  await controller.start();
  return controller;
}

export async function commission(controller: CommissioningController, port: number, passcode: number, discriminator: number) {
  const t0 = performance.now();
  const nodeId = await controller.commissionNode({
    commissioning: { regulatoryLocation: 2, regulatoryCountryCode: "XX" },
    discovery: {
      identifierData: { longDiscriminator: discriminator },
      discoveryCapabilities: { onIpNetwork: true },
      knownAddress: { ip: "127.0.0.1", port, type: "udp" },
    },
    passcode,
  });
  return { nodeId, commissioningMs: performance.now() - t0 };
}

/** Connects and waits until the bridged panel endpoint is known (from stored data or the bridge's). */
export async function connect(
  controller: CommissioningController,
  nodeId: NodeId,
  panelEndpoint = 2,
  timeoutMs = 10_000,
): Promise<PairedNode> {
  const node = await controller.getNode(nodeId);
  const known = () => node.getDeviceById(panelEndpoint) !== undefined;
  const { initialized, initializedFromRemote, structureChanged } = node.events;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!known()) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error("bridged panel endpoint did not appear"));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      initialized.off(check);
      initializedFromRemote.off(check);
      structureChanged.off(check);
    };
    initialized.on(check);
    initializedFromRemote.on(check);
    structureChanged.on(check);
    if (!node.isConnected) node.connect();
    check();
  });
  return node;
}

export function onOffClient(node: PairedNode, panelEndpoint = 2) {
  const client = node.getClusterClientForDevice(EndpointNumber(panelEndpoint), OnOff.Cluster.with(OnOff.Feature.Lighting));
  if (!client) throw new Error("no OnOff cluster on the panel endpoint");
  return client;
}

/** The panel's Bridged Device Basic Information cluster client (Reachable, NodeLabel, ...). */
export function bridgedInfoClient(node: PairedNode, panelEndpoint = 2) {
  const client = node.getClusterClientForDevice(EndpointNumber(panelEndpoint), BridgedDeviceBasicInformation.Cluster);
  if (!client) throw new Error("no Bridged Device Basic Information cluster on the panel endpoint");
  return client;
}

/** The panel's Scenes Management cluster client (AddScene, StoreScene, RecallScene, ...). */
export function scenesClient(node: PairedNode, panelEndpoint = 2) {
  const client = node.getClusterClientForDevice(EndpointNumber(panelEndpoint), ScenesManagement.Cluster);
  if (!client) throw new Error("no Scenes Management cluster on the panel endpoint");
  return client;
}

/** The server cluster ids the panel endpoint's Descriptor lists. */
export async function serverClusterIds(node: PairedNode, panelEndpoint = 2): Promise<number[]> {
  const client = node.getClusterClientForDevice(EndpointNumber(panelEndpoint), Descriptor.Cluster);
  if (!client) throw new Error("no Descriptor cluster on the panel endpoint");
  return (await client.getServerListAttribute(true)).map(Number);
}

/** A scene's extension field set that stores OnOff = `on` (for AddScene). */
export function onOffSceneFields(on: boolean): ScenesManagement.ExtensionFieldSet[] {
  return [{ clusterId: ClusterId(OnOff.Cluster.id), attributeValueList: [{ attributeId: AttributeId(0), valueUnsigned8: on ? 1 : 0 }] }];
}
