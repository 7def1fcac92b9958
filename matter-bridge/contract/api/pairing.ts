/** The pairing routes: fabrics, the pairing window. */
import * as z from "zod";

/** One fabric the bridge is paired into: one ecosystem (Apple Home, Google Home, Alexa, …). */
export const FabricSchema = z.object({
  fabricIndex: z.number().int(),
  vendorId: z.number().int(),
  /** The ecosystem's name where the vendor id is a known one, else "vendor 0x…". */
  vendorName: z.string(),
  /** The label the ecosystem gave its fabric (often empty). */
  label: z.string(),
});
export type Fabric = z.infer<typeof FabricSchema>;

/**
 * `GET /v1/pairing`: paired or not, with whom, and whether a pairing window is open. The codes are
 * there only while they pair: the bridge's own while it is not paired, a fresh one while a window
 * opened with `POST /v1/pairing/window` is open.
 */
export const PairingStatusResponseSchema = z.object({
  commissioned: z.boolean(),
  fabrics: z.array(FabricSchema),
  window: z.object({
    open: z.boolean(),
    /** basic: the bridge's own code (not paired); enhanced: opened here; controller: opened by a paired app. */
    kind: z.enum(["basic", "enhanced", "controller"]).optional(),
    expiresAt: z.string().optional(),
  }),
  qrPairingCode: z.string().optional(),
  manualPairingCode: z.string().optional(),
  /** The QR code as an SVG image, for the dashboard. */
  qrSvg: z.string().optional(),
});
export type PairingStatusResponse = z.infer<typeof PairingStatusResponseSchema>;

/** `POST /v1/pairing/window`: an empty body or `{}`. */
export const OpenPairingWindowRequestSchema = z.strictObject({});
/** `DELETE /v1/pairing/fabrics/{index}`: the fabric removed, and the fabrics left. */
export const RemoveFabricResponseSchema = z.object({ removed: FabricSchema, fabrics: z.array(FabricSchema) });
