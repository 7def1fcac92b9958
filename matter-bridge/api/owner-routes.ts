/**
 * The owner's routes that only this home's own network may use (HTTP, the dashboard): never served
 * over the cloud link, whose caller is the voice skill, not someone who can see the machine's clock.
 */
import { ClockConfirmRequestSchema, type ClockConfirmResponse } from "../contract/api.js";
import { iso } from "../contract/units.js";
import { ClockClaimError } from "../sessions/clock-trust.js";
import type { SessionController } from "../sessions/controller.js";
import { HttpError } from "./errors.js";
import { historyExportRoute } from "./history-export.js";
import type { Route } from "./router.js";
import { parse } from "./routes.js";

export function ownerRoutes(controller: SessionController): Route[] {
  return [
    historyExportRoute(controller),
    {
      method: "POST",
      path: "/v1/clock/confirm",
      async handle({ body }) {
        const { behindSeconds } = parse(ClockConfirmRequestSchema, await body());
        controller.requireLedger();
        try {
          const correction = await controller.clockTrust.trust("owner: dashboard", behindSeconds * 1000);
          const body: ClockConfirmResponse = correction
            ? {
                clock: "ok",
                redated: correction.redated,
                machineTime: iso(correction.at),
                ledgerNewestAt: iso(correction.newestBefore),
              }
            : { clock: "ok", redated: 0, machineTime: iso(controller.time.wallNow()) };
          return { status: 200, body };
        } catch (err) {
          if (err instanceof ClockClaimError) throw new HttpError(409, "CLOCK_CONFIRMATION_STALE", err.message);
          throw err;
        }
      },
    },
  ];
}
