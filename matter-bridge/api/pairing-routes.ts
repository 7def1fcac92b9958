/** The pairing routes (docs/http-api.md): who the bridge is paired with, a new pairing window, removing a fabric. */

import type { z } from "zod";
import { OpenPairingWindowRequestSchema, type PairingStatusResponse, type RemoveFabricResponseSchema } from "../contract/api.js";
import { qrSvg } from "../dashboard/qr-svg.js";
import { type PairingControl, type PairingState, UnknownFabricError, WindowBusyError } from "../matter/fabrics.js";
import { HttpError, validationError } from "./errors.js";
import type { Route } from "./router.js";

export function pairingView(state: PairingState): PairingStatusResponse {
  const { window, codes } = state;
  return {
    commissioned: state.commissioned,
    fabrics: state.fabrics,
    window: window.open
      ? { open: true, kind: window.kind, ...(window.expiresAt ? { expiresAt: new Date(window.expiresAt).toISOString() } : {}) }
      : { open: false },
    ...(codes ? { ...codes, qrSvg: qrSvg(codes.qrPairingCode) } : {}),
  };
}

/** matter.js resets the node after its last fabric is removed: for a moment it is offline. */
const unavailable = () => new HttpError(503, "MATTER_RESTARTING", "The Matter node is restarting; try again in a few seconds.");

/** `offline`: why the node is not running at all (e.g. a storage folder it cannot write), if so. */
export function pairingRoutes(pairing: () => PairingControl | undefined, offline: () => string | undefined = () => undefined): Route[] {
  const current = (): PairingControl => {
    const why = offline();
    if (why) throw new HttpError(503, "MATTER_OFFLINE", why);
    const p = pairing();
    if (!p?.node.lifecycle.isOnline) throw unavailable();
    return p;
  };
  return [
    { method: "GET", path: "/v1/pairing", handle: () => ({ status: 200, body: pairingView(current().state()) }) },
    {
      method: "POST",
      path: "/v1/pairing/window",
      handle: async ({ body }) => {
        const request = OpenPairingWindowRequestSchema.safeParse(await body({ optional: true }));
        if (!request.success) throw validationError(request.error, () => []);
        try {
          return { status: 201, body: pairingView(await current().openWindow()) };
        } catch (err) {
          if (err instanceof WindowBusyError) throw new HttpError(409, "PAIRING_WINDOW_OPEN", err.message);
          throw err;
        }
      },
    },
    {
      method: "DELETE",
      path: "/v1/pairing/fabrics/{index}",
      handle: async ({ params }) => {
        const index = /^[1-9]\d{0,2}$/.test(params.index) ? Number(params.index) : Number.NaN;
        if (!(index <= 254))
          throw new HttpError(
            400,
            "VALIDATION_ERROR",
            `Invalid request: the fabric index must be a whole number 1–254, not "${params.index}".`,
          );
        const p = current();
        const removed = p.fabrics().find((f) => f.fabricIndex === index);
        try {
          if (!removed) throw new UnknownFabricError(index);
          await p.removeFabric(index);
        } catch (err) {
          if (err instanceof UnknownFabricError)
            throw new HttpError(
              404,
              "UNKNOWN_FABRIC",
              `The bridge is not paired with a fabric of index ${index}; GET /v1/pairing lists them.`,
            );
          throw err;
        }
        const body: z.infer<typeof RemoveFabricResponseSchema> = { removed, fabrics: p.node.lifecycle.isOnline ? p.fabrics() : [] };
        return { status: 200, body };
      },
    },
  ];
}
