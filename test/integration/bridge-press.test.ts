/**
 * The press watch starts with the bridge: one made by `startBridge` alone (no CLI around it) notices a
 * relay switched on at the device, switches it off and books its light.
 */
import { describe, expect, it } from "@jest/globals";
import { startBridge } from "../../matter-bridge/bridge.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { startFakeShelly } from "../helpers/fake-shelly.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

const tempDir = tempDirs("biolight-bridge-press-");

describe("a bridge made by startBridge", () => {
  it("switches off a relay pressed at the device and books its light as a manual session", async () => {
    const shelly = await startFakeShelly();
    const storage = await tempDir();
    const cli = { storage, matterPort: await freeUdpPort(), apiPort: 0, apiHost: "127.0.0.1", passcode: 20202021, discriminator: 3840 };
    const config = makeConfig({ panels: [{ id: "panel-1", name: "Panel", driver: { kind: "shelly", url: shelly.url, switchId: 0 } }] });
    const bridge = await startBridge(
      { ...cli, acknowledgeCaution: false, help: false } as Parameters<typeof startBridge>[0],
      config,
      { BRIDGE_API_TOKEN: "bridge-press-test-token-0123456789ab" },
      () => {},
    );
    try {
      shelly.press();
      await until(
        () => !shelly.state().output && bridge.controller.history(1).length > 0,
        "the press to be switched off and booked",
        10_000,
      );
      expect(bridge.controller.history(1)).toEqual([
        expect.objectContaining({ source: "manual", endReason: "manual-switched-off", panelId: "panel-1" }),
      ]);
      expect(shelly.state().onPeriods).toHaveLength(1);
    } finally {
      await bridge.close();
      await shelly.close();
    }
  }, 60_000);
});
