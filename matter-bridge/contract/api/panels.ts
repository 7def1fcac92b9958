/** `GET /v1/panels`: each panel's state and running session. */
import * as z from "zod";
import { RegionIdSchema } from "../region-id.js";
import { SessionSchema } from "./sessions.js";

/**
 * off: no session. starting: granted, the relay is being switched on. on: running. stopping: the
 * switch-off has not been confirmed yet (it is retried until it is). Only "off" is dark for sure.
 */
export const PANEL_STATES = ["off", "starting", "on", "stopping"] as const;
export const PanelStateSchema = z.enum(PANEL_STATES);
export type PanelState = z.infer<typeof PanelStateSchema>;

export const PanelStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** True in every state but "off": the panel may be giving light. */
  on: z.boolean(),
  state: PanelStateSchema.optional(),
  /** A problem the bridge sees with the panel (e.g. drawing power while switched off), else null. */
  fault: z.string().nullable().optional(),
  region: RegionIdSchema,
  remainingSeconds: z.number(),
  reachable: z.boolean(),
  session: SessionSchema.nullable().optional(),
});
export type PanelStatus = z.infer<typeof PanelStatusSchema>;
export const PanelsResponseSchema = z.object({ panels: z.array(PanelStatusSchema) });
