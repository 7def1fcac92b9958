// The anchor `npm run bench` measures the bridge against: a stock matter.js bridge in plain JavaScript,
// as matter.js's examples/device-bridge-onoff builds one: an aggregator with N bridged on/off plugs.
//   node bench/stock-bridge.mjs <plugs> <storage dir> <UDP port>
// Prints "stock bridge online in N ms" once the node is online, as the bridge prints "bridge ready in N ms".
import { Endpoint, Environment, Logger, ServerNode, VendorId } from "@matter/main";
import { BridgedDeviceBasicInformationServer } from "@matter/main/behaviors/bridged-device-basic-information";
import { OnOffPlugInUnitDevice } from "@matter/main/devices/on-off-plug-in-unit";
import { AggregatorEndpoint } from "@matter/main/endpoints/aggregator";

const [plugs = "1", storage = "./.data/stock-bridge", port = "5540"] = process.argv.slice(2);
// The same matter.js log level as the bridge, so neither pays for more logging than the other.
Logger.level = "warn";
Environment.default.vars.set("storage.path", storage);

const node = await ServerNode.create({
  id: "stock-bridge",
  network: { port: Number(port) },
  commissioning: { passcode: 20202021, discriminator: 3840 },
  productDescription: { name: "Stock bridge", deviceType: AggregatorEndpoint.deviceType },
  basicInformation: {
    vendorName: "matter.js",
    vendorId: VendorId(0xfff1),
    nodeLabel: "Stock bridge",
    productName: "Stock bridge",
    productLabel: "Stock bridge",
    productId: 0x8000,
    serialNumber: "stock-bridge-1",
    uniqueId: "stock-bridge-1",
  },
});
const aggregator = new Endpoint(AggregatorEndpoint, { id: "aggregator" });
await node.add(aggregator);
for (let i = 1; i <= Number(plugs); i++) {
  const plug = new Endpoint(OnOffPlugInUnitDevice.with(BridgedDeviceBasicInformationServer), {
    id: `plug-${i}`,
    bridgedDeviceBasicInformation: {
      nodeLabel: `Plug ${i}`,
      productName: "Plug",
      productLabel: "Plug",
      serialNumber: `plug-${i}`,
      reachable: true,
    },
  });
  await aggregator.add(plug);
  plug.events.onOff.onOff$Changed.on((on) => console.log(`[plug-${i}] ${on ? "ON" : "OFF"}`));
}
await node.start();
const { manualPairingCode } = node.state.commissioning.pairingCodes;
console.log(`Manual pairing code: ${manualPairingCode}`);
console.log(`stock bridge online in ${Math.round(performance.now())} ms (Matter UDP ${port})`);

const stop = () => node.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
