/**
 * Joining a hosted deployment from the dashboard (README "Hosted mode", docs/hosted.md): an owner
 * route, HTTP only. The bridge makes its key and CSR, calls the provisioning endpoint, writes the
 * certificate and the config's `cloud` section, and starts its link without a restart.
 */
import * as z from "zod";
import { SpokenCodeSchema } from "../provision.js";
import { HealthResponseSchema } from "./health.js";

export const CloudJoinRequestSchema = z.strictObject({
  code: SpokenCodeSchema,
  /** The hosted deployment's ProvisionUrl output (https://…/provision). */
  provisionUrl: z.string().min(1).max(2048),
});
export type CloudJoinRequest = z.input<typeof CloudJoinRequestSchema>;

export const CloudJoinResponseSchema = z.object({
  /** The thing the cloud made for this bridge: its MQTT client id and topic prefix. */
  thing: z.string(),
  /** The config's new cloud.url. */
  url: z.string(),
  cloud: HealthResponseSchema.shape.cloud,
});
export type CloudJoinResponse = z.infer<typeof CloudJoinResponseSchema>;

export const CLOUD_JOIN_ERRORS = {
  /** The bridge has a cloud section (or is joining right now). */
  joined: "CLOUD_ALREADY_JOINED",
  /** Started without a config file: there is nowhere to write the cloud section. */
  noConfig: "CLOUD_JOIN_NO_CONFIG",
  /** The endpoint refused (the code), could not be reached, or answered a certificate not for this key. */
  refused: "CLOUD_JOIN_REFUSED",
} as const;
