/**
 * Property-based: random households whose wall clock is stepped at random (both directions, up to
 * ±400 days, while the bridge runs) and whose bridge restarts at random, on the real controller and
 * the real on-disk ledger. At every request the bridge grants no more than the same policy would
 * on a fixed, trusted clock that saw the same sessions at their true times; and no session is lost.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { REGION_IDS } from "../../matter-bridge/contract/regions.js";
import { Ledger } from "../../matter-bridge/dose/ledger.js";
import type { LedgerSession } from "../../matter-bridge/dose/ledger-schema.js";
import { decide } from "../../matter-bridge/dose/policy.js";
import { SessionController } from "../../matter-bridge/sessions/controller.js";
import { makeConfig, T0 } from "../helpers/dose-fixtures.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { FlakyDriver } from "../helpers/flaky-driver.js";
import { memoryTmpdir, tempDirs } from "../helpers/temp-dirs.js";

const PROPERTY_RUNS = 120;
const DAY = 24 * 3600 * 1000;

const op = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("request" as const),
      region: fc.constantFrom(...REGION_IDS),
      seconds: fc.option(fc.integer({ min: 30, max: 1500 }), { nil: undefined }),
      stopAfter: fc.double({ min: 0.1, max: 1, noNaN: true }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 1000, max: 30 * 3600 * 1000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("step" as const), ms: fc.integer({ min: -400 * DAY, max: 400 * DAY }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restart" as const) }) },
);

const tempDir = tempDirs("biolight-clockprop-", memoryTmpdir());

describe("trusted time properties", () => {
  it(`never grants more than a fixed, trusted clock would, whatever the wall clock does (${PROPERTY_RUNS} households)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 50 }), async (ops) => {
        const config = makeConfig({ dose: { minRestSameRegionSeconds: 6 * 3600, maxSessionsPerRegionPer7d: 3, maxOnSecondsPer24h: 2000 } });
        const dir = await tempDir();
        const clock = new FakeClock(T0);
        let trueNow = T0;
        const trueSessions: LedgerSession[] = [];
        const open = async () => {
          const ledger = await Ledger.open(dir, { clock });
          const controller = new SessionController({ config, ledger, drivers: { "panel-1": new FlakyDriver() }, clock, log: () => {} });
          await controller.recover();
          return controller;
        };
        let controller = await open();
        await controller.caution.acknowledge(1, "test");
        const pass = (ms: number) => {
          clock.advance(ms);
          trueNow += ms;
        };

        for (const o of ops) {
          if (o.kind === "wait") pass(o.ms);
          else if (o.kind === "step") {
            clock.step(o.ms);
            await controller.pollPanel("panel-1"); // the bridge's 2 s poll notices the step
          } else if (o.kind === "restart") {
            await controller.shutdown();
            controller = await open();
          } else {
            const request = { region: o.region, ...(o.seconds !== undefined ? { seconds: o.seconds } : {}) };
            const reference = decide({ now: trueNow, sessions: trueSessions, config, cautionAcknowledged: true }, request);
            const out = await controller.start(request, "prop");
            const granted = out.ok ? out.session.seconds : 0;
            expect(granted).toBeLessThanOrEqual(reference.ok ? reference.grant.seconds : 0);
            if (!out.ok) continue;
            const ranMs = Math.max(1000, Math.floor(granted * o.stopAfter) * 1000);
            const startedAt = trueNow;
            pass(ranMs);
            const finished = await controller.stop("panel-1", "stopped");
            trueSessions.push({
              ...out.session,
              source: "prop",
              distanceCm: 30,
              irradianceMwPerCm2: out.session.irradianceMwPerCm2!,
              plannedSeconds: out.session.seconds,
              startedAt,
              endedAt: trueNow,
              deliveredSeconds: finished!.deliveredSeconds,
            });
          }
        }
        await controller.shutdown();
        // Nothing granted is ever dropped (all of it is far younger than the 100-day retention).
        const kept = (await Ledger.open(dir, { clock })).sessions().map((s) => s.id);
        expect(kept.sort()).toEqual(trueSessions.map((s) => s.id).sort());
      }),
      { numRuns: PROPERTY_RUNS },
    );
  }, 180_000);
});
