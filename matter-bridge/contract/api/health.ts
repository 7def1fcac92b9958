/** The health route. */
import * as z from "zod";
import { ClockCheckSchema } from "./clock.js";

/** `GET /v1/health` (no token). `clock: "behind"` while starts are refused with CLOCK_UNTRUSTED. */
export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  clock: z.enum(["ok", "behind"]).optional(),
  /** Only while `clock` is "behind": the ledger's newest time beside the machine's, and what starts wait for. */
  clockCheck: ClockCheckSchema.optional(),
  /**
   * Present only when the bridge does not write its storage folder: "read-only" (it cannot), or
   * "locked" (writable, but another bridge holds it). Every start is refused (LEDGER_UNAVAILABLE) meanwhile.
   */
  storage: z.enum(["ok", "read-only", "locked"]).optional(),
  /** The outbound link to AWS IoT Core: "off" without a `cloud` config section. */
  cloud: z.enum(["connected", "connecting", "off"]),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
export type CloudState = z.infer<typeof HealthResponseSchema>["cloud"];
