/**
 * A red flag on a real full disk (a small tmpfs filled to the last block), reported after the
 * ledger's reserve is spent: kept in the red-flag slot, it still holds whom it names after a
 * restart, and reaches the ledger once the disk has room.
 */
import { describe, expect, it } from "@jest/globals";
import type { BridgeConfigInput } from "../../matter-bridge/contract/config.js";
import { Ledger, readLedger } from "../../matter-bridge/dose/ledger.js";
import { SimulatedDriver } from "../../matter-bridge/panels/simulated.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig } from "../helpers/dose-fixtures.js";
import { smallDisk } from "../helpers/small-disk.js";
import { until } from "../helpers/until.js";

const HOME: Partial<BridgeConfigInput> = {
  people: [
    { id: "anna", name: "Anna" },
    { id: "ben", name: "Ben" },
  ],
  panels: [{ id: "panel-1", name: "Panel", defaultPerson: "anna" }],
  dose: { minSessionSeconds: 1, minRestSameRegionSeconds: 0 },
};
const RESERVE = 16 * 1024;

async function bridgeIn(dir: string, logs: string[]) {
  const ledger = await Ledger.open(dir, { reserveBytes: RESERVE, log: (m) => logs.push(m) });
  const controller = new SessionController({
    config: makeConfig(HOME),
    ledger,
    drivers: { "panel-1": new SimulatedDriver("panel-1", { log: () => {} }) },
    log: (m) => logs.push(m),
    offRetryMs: 20,
    ledgerRetryMs: 20,
  });
  await controller.recover();
  return { ledger, controller };
}

describe("a red flag on a real full disk", () => {
  it("reported once the reserve is spent, it survives a restart, holds Ben's starts, and reaches the ledger once there is room", async () => {
    const disk = await smallDisk(512);
    if (!disk) {
      console.log("skipped: cannot mount a small tmpfs here (needs root)");
      return;
    }
    const logs: string[] = [];
    const first = await bridgeIn(disk.dir, logs);
    await first.controller.caution.acknowledge(1, "test", "anna");
    await first.controller.caution.acknowledge(1, "test", "ben");

    // Full to the last byte: the journal's last page, already allocated, may still have room for a
    // line, so Anna answers again until even her (short) acknowledgement meets the full disk.
    const fillUp = async () => {
      expect(await disk.fill()).toBe(true);
      let refused = false;
      for (let i = 0; i < 40 && !refused; i++)
        refused = await first.controller.caution.acknowledge(1, "test", "anna").then(
          () => false,
          () => true,
        );
      expect(refused).toBe(true);
    };
    await fillUp();
    // The first red flag spends the reserve and lands; then the disk is full again.
    await first.controller.withdrawCaution("felt a bit warm", "alexa", "anna");
    expect(first.ledger.caution()?.withdrawnReason).toBe("felt a bit warm");
    expect(logs.some((l) => /reserve .* was given up/.test(l))).toBe(true);
    await fillUp();
    const reason = "sudden weakness in the legs";
    const { kept } = await first.controller.withdrawCaution(reason, "alexa", "ben");
    expect(kept).toBe("slot");
    expect((await readLedger(disk.dir)).people?.ben.caution?.withdrawnAt).toBeUndefined();
    await first.controller.shutdown();

    // A restart with the disk still full.
    const second = await bridgeIn(disk.dir, logs);
    expect(second.controller.caution.personWithdrawn("ben")).toBe(true);
    expect(second.controller.caution.acknowledged()).toBe(false);
    expect(await second.controller.start({ region: "mid-back", person: "ben", seconds: 5 }, "api")).toMatchObject({ ok: false });
    expect(second.controller.caution.openRedFlags()).toMatchObject([{ person: "ben", reason, source: "alexa" }]);

    await disk.free();
    await until(
      async () => (await readLedger(disk.dir)).redFlags?.some((f) => f.reason === reason) === true,
      "the red flag to reach the ledger",
    );
    expect((await readLedger(disk.dir)).redFlags?.at(-1)).toMatchObject({ person: "ben", reason, source: "alexa", holds: ["ben"] });
    // Anna answering again (her red flag was cleared by her answers) lets her go, not Ben.
    await second.controller.caution.acknowledge(1, "test", "anna");
    expect(await second.controller.start({ region: "mid-back", person: "ben", seconds: 5 }, "api")).toMatchObject({
      ok: false,
      refusal: { code: "CAUTION_REQUIRED" },
    });
    expect(await second.controller.start({ region: "mid-back", person: "anna", seconds: 5 }, "api")).toMatchObject({ ok: true });
    await second.controller.shutdown();
  });
});
