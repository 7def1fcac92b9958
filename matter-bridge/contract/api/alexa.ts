/**
 * The household's linked Alexa accounts (docs/cloud-link.md, "Linking Alexa accounts"): owner routes, HTTP only
 * (the dashboard and `biolight-bridge link <code>`), answered by the cloud's link function.
 */
import * as z from "zod";
import { LinkCodeSchema, LinkedAccountSchema } from "../cloud-link.js";

export const AlexaLinkRequestSchema = z.strictObject({ code: LinkCodeSchema });
export type AlexaLinkRequest = z.infer<typeof AlexaLinkRequestSchema>;

/** The accounts linked to this household now (oldest first); Alexa user ids stay in the cloud. */
export const AlexaAccountsResponseSchema = z.object({
  count: z.number().int().min(0),
  accounts: z.array(LinkedAccountSchema),
});
export type AlexaAccountsResponse = z.infer<typeof AlexaAccountsResponseSchema>;

export const AlexaLinkResponseSchema = AlexaAccountsResponseSchema.extend({ linked: z.literal(true) });
export type AlexaLinkResponse = z.infer<typeof AlexaLinkResponseSchema>;

export const AlexaUnlinkAllResponseSchema = AlexaAccountsResponseSchema.extend({ unlinked: z.number().int().min(0) });
export type AlexaUnlinkAllResponse = z.infer<typeof AlexaUnlinkAllResponseSchema>;

/** Error codes of these routes (with `message` in words for the person). */
export const ALEXA_LINK_ERRORS = {
  wrong: "LINK_CODE_WRONG",
  expired: "LINK_CODE_EXPIRED",
  reused: "LINK_CODE_REUSED",
  "rate-limited": "LINK_CODE_RATE_LIMITED",
  invalid: "LINK_REQUEST_INVALID",
  unavailable: "CLOUD_UNAVAILABLE",
} as const;
