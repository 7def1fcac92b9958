/**
 * The cloud link's messages (docs/cloud-link.md), shared by the bridge and the skill. Every topic
 * is under `biolight/v1/<thing>/`; a request is MQTT 5 with a response topic and correlation data.
 */
import * as z from "zod";

/** The topic prefix of one household's thing. */
export const linkPrefix = (thing: string) => `biolight/v1/${thing}/`;

/** The thing a topic under `biolight/v1/` belongs to, or undefined for any other topic. */
export const thingOfTopic = (topic: string): string | undefined => /^biolight\/v1\/([^/]+)\//.exec(topic)?.[1];

export const linkTopics = (thing: string) => ({
  /** The bridge subscribes; the skill publishes requests here. */
  requests: `${linkPrefix(thing)}req`,
  /** Where answers for `client` go: the only response topics the bridge publishes to. */
  responses: (client: string) => `${linkPrefix(thing)}res/${client}`,
  /** Retained `LinkStatus`; the bridge's last will sets it offline. */
  status: `${linkPrefix(thing)}status`,
});

/** A request's payload larger than this is refused (as an HTTP body is). */
export const MAX_LINK_PAYLOAD_BYTES = 16 * 1024;

/**
 * How far ahead a request's `exp` may lie. The bridge remembers answered ids until their `exp`,
 * so a bounded lifetime bounds that memory and means a replay it has forgotten is expired anyway.
 */
export const MAX_LINK_REQUEST_LIFETIME_MS = 5 * 60_000;

/**
 * How far the bridge's clock may disagree with the skill's before `exp` refuses a request: a
 * request counts as expired only once its `exp` lies this far behind the bridge's clock (and may
 * lie this much further ahead). A home clock a few seconds fast must not refuse a spoken stop. What
 * keeps a request fresh whatever the clocks say is the broker's message expiry, which the skill
 * sets to its answer time.
 */
export const LINK_CLOCK_SKEW_MS = 60_000;

/** A thing's name: AWS IoT's rule (1–128 of letters, digits, `:`, `_`, `-`), no MQTT wildcards or slashes. */
export const ThingNameSchema = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, "must be 1–128 letters, digits, ':', '_' or '-'");

export const LinkRequestSchema = z.strictObject({
  /** Unique per request: a second delivery of the same id (QoS 1 may deliver twice) is answered again, never acted on twice. */
  id: z.string().min(1).max(128),
  method: z.enum(["GET", "POST"]),
  /** A public API path, with its query: "/v1/dose?person=anna". */
  path: z.string().startsWith("/v1/", "must be a path of the control API, starting with /v1/").max(2048),
  /** The JSON body a POST would carry; absent is an empty body. */
  body: z.unknown().optional(),
  /** Epoch ms after which the bridge must not act on it. */
  exp: z.number().int().positive(),
});
export type LinkRequest = z.infer<typeof LinkRequestSchema>;

/** The answer, with the request's correlation data: the HTTP status and body the same request over HTTP gets. */
export const LinkResponseSchema = z.object({
  /** The request's id; null when the payload was too large or not a request at all. */
  id: z.string().nullable(),
  status: z.number().int(),
  body: z.unknown(),
});
export type LinkResponse = z.infer<typeof LinkResponseSchema>;

/**
 * The retained status. Online: `since` is when the link came up. Offline: set by the bridge's
 * last will (no `since`: the broker publishes it and cannot say when), or by a bridge that shut
 * down cleanly (`since` is when it did).
 */
export const LinkStatusSchema = z.object({
  online: z.boolean(),
  since: z.string().optional(),
  version: z.string(),
});
export type LinkStatus = z.infer<typeof LinkStatusSchema>;

/**
 * Linking Alexa accounts to this household (docs/cloud-link.md, "Linking Alexa accounts"): the bridge asks the
 * cloud's link function on `link` (MQTT 5, with a response topic under its own `link/res/` prefix
 * and correlation data). The thing is the topic's, which its certificate alone may publish to:
 * never a field of the payload.
 */
export const householdTopics = (thing: string) => ({
  /** The bridge publishes; an IoT topic rule hands each message to the link function. */
  requests: `${linkPrefix(thing)}link`,
  /** Where the link function answers `client`: nowhere else. */
  responses: (client: string) => `${linkPrefix(thing)}link/res/${client}`,
  responsePrefix: `${linkPrefix(thing)}link/res/`,
});

/** A spoken link code: six digits. */
export const LinkCodeSchema = z.string().regex(/^\d{6}$/, "must be the 6 digits Alexa said");

export const HouseholdRequestSchema = z.discriminatedUnion("op", [
  /** Links the Alexa account that was given `code` to this household. */
  z.strictObject({ id: z.string().min(1).max(128), op: z.literal("link"), code: z.string().max(32) }),
  /** The accounts linked to this household. */
  z.strictObject({ id: z.string().min(1).max(128), op: z.literal("accounts") }),
  /** Unlinks every account from this household. */
  z.strictObject({ id: z.string().min(1).max(128), op: z.literal("unlink-all") }),
]);
export type HouseholdRequest = z.infer<typeof HouseholdRequestSchema>;
/** A question to the link function before the link gives it its id. */
export type HouseholdQuestion = HouseholdRequest extends infer R ? (R extends { id: string } ? Omit<R, "id"> : never) : never;

/** The cloud cannot be asked now (no link, no answer in time): the owner's routes answer 503. */
export class CloudUnavailableError extends Error {}

export const LinkedAccountSchema = z.object({ linkedAt: z.string() });

export const HouseholdAnswerSchema = z.discriminatedUnion("ok", [
  z.object({
    id: z.string().nullable(),
    ok: z.literal(true),
    /** The accounts linked now, oldest first (after a link or an unlink-all). */
    accounts: z.array(LinkedAccountSchema),
    /** unlink-all: how many were unlinked. */
    unlinked: z.number().int().min(0).optional(),
  }),
  z.object({
    id: z.string().nullable(),
    ok: z.literal(false),
    reason: z.enum(["wrong", "expired", "reused", "rate-limited", "invalid", "unavailable"]),
    message: z.string(),
    retryAfterSeconds: z.number().int().positive().optional(),
  }),
]);
export type HouseholdAnswer = z.infer<typeof HouseholdAnswerSchema>;
