/**
 * A Matter Toggle decides from the session controller, not from the endpoint's OnOff, which follows
 * the controller only once the endpoint's state is free. Deterministic: the Toggle runs in a
 * transaction that holds the endpoint's state, so OnOff is certain to be stale when it decides.
 * Real matter.js node and behaviours, simulated panel.
 */
import { describe, expect, it } from "@jest/globals";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import { startMatterNode } from "../../matter-bridge/matter/node.js";
import { PanelOnOffServer } from "../../matter-bridge/matter/panel-onoff.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { freeUdpPort } from "../helpers/ports.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { until } from "../helpers/until.js";

const tempDir = tempDirs("biolight-toggle-");
const config = makeConfig({ dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0, maxSessionSeconds: 600 } });

async function bridge() {
  const storage = await tempDir();
  const ledger = await Ledger.open(storage);
  await ledger.acknowledgeCaution(1, "test");
  const driver = new SimulatedDriver("panel-1", { log: () => {} });
  const controller = new SessionController({ config, ledger, drivers: { "panel-1": driver }, log: () => {} });
  await controller.recover();
  const matter = await startMatterNode({
    controller,
    config,
    storageDir: storage,
    port: await freeUdpPort(),
    passcode: 20202021,
    discriminator: 3844,
  });
  const endpoint = matter.node.parts.require("aggregator").parts.require("panel-panel-1");
  /** Runs `step` as a Matter command would, holding the endpoint's OnOff state until it is done. */
  const holding = (step: (onOff: PanelOnOffServer) => Promise<void>) =>
    endpoint.act(async (agent) => {
      const onOff = agent.get(PanelOnOffServer);
      await agent.context.transaction.addResources(onOff);
      await agent.context.transaction.begin();
      await step(onOff);
    });
  const readsOn = () => endpoint.stateOf(PanelOnOffServer).onOff;
  return {
    driver,
    controller,
    holding,
    readsOn,
    close: async () => {
      await controller.shutdown();
      await matter.close();
    },
  };
}

describe("a Matter Toggle", () => {
  it("right after a start from elsewhere (OnOff still reads off) switches the panel off, not on again", async () => {
    const b = await bridge();
    try {
      let staleOnOff: boolean | undefined;
      await b.holding(async (onOff) => {
        expect(await b.controller.start({ region: "mid-back", seconds: 60 }, "api")).toMatchObject({ ok: true });
        staleOnOff = onOff.state.onOff;
        await onOff.toggle();
      });
      expect(staleOnOff).toBe(false); // the endpoint had not caught up when the Toggle decided
      expect(b.controller.isOn("panel-1")).toBe(false);
      expect(b.driver.isOn).toBe(false);
    } finally {
      await b.close();
    }
  }, 30_000);

  it("right after a stop from elsewhere (OnOff still reads on) switches the panel on, not off again", async () => {
    const b = await bridge();
    try {
      await b.holding(async () => {
        expect(await b.controller.start({ region: "mid-back", seconds: 60 }, "api")).toMatchObject({ ok: true });
      });
      await until(b.readsOn, "the endpoint to read on");
      let staleOnOff: boolean | undefined;
      await b.holding(async (onOff) => {
        await b.controller.stop("panel-1", "api");
        staleOnOff = onOff.state.onOff;
        await onOff.toggle();
      });
      expect(staleOnOff).toBe(true);
      expect(b.controller.isOn("panel-1")).toBe(true);
      expect(b.driver.isOn).toBe(true);
    } finally {
      await b.close();
    }
  }, 30_000);
});
