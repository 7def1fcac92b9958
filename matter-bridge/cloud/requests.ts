/**
 * One request that came down the cloud link → its answer, through the same door as HTTP (api/door.ts).
 * The link's certificate stands in for the bearer token; only the public control API is served
 * (pairing and the dashboard stay on the local network).
 */
import { parseJson, plainNumbersError } from "../api/body.js";
import { type Door, internalError, knownError } from "../api/door.js";
import { errorBody, HttpError, validationError } from "../api/errors.js";
import { requestTarget } from "../api/router.js";
import {
  LINK_CLOCK_SKEW_MS,
  type LinkRequest,
  LinkRequestSchema,
  type LinkResponse,
  linkPrefix,
  MAX_LINK_PAYLOAD_BYTES,
  MAX_LINK_REQUEST_LIFETIME_MS,
} from "../contract/cloud-link.js";
import { AnswerCache } from "./answer-cache.js";

/** A message on the `req` topic, as MQTT 5 delivers it. */
export interface IncomingRequest {
  payload: Buffer;
  responseTopic?: string;
  correlationData?: Buffer;
}

/** The answer to publish (QoS 1) to `topic` with the request's correlation data. */
export interface OutgoingAnswer {
  topic: string;
  response: LinkResponse;
  correlationData?: Buffer;
}

export interface LinkRequestsOptions {
  thing: string;
  /** The door of the public control API (routes.ts's routes only). */
  enter: Door;
  now: () => number;
  log: (m: string) => void;
}

/** The furthest ahead of the bridge's clock a request's `exp` may lie: its longest life, and the clocks' allowed disagreement. */
const FURTHEST_AHEAD_MS = MAX_LINK_REQUEST_LIFETIME_MS + LINK_CLOCK_SKEW_MS;

const answer = (id: string | null, err: HttpError): LinkResponse => ({ id, status: err.status, body: errorBody(err) });

/** Returns the handler of the link's requests: undefined means "not answered" (a response topic outside the prefix). */
export function linkRequests({
  thing,
  enter,
  now,
  log,
}: LinkRequestsOptions): (msg: IncomingRequest) => Promise<OutgoingAnswer | undefined> {
  const responsePrefix = `${linkPrefix(thing)}res/`;
  const answered = new AnswerCache<LinkResponse>();

  /** The response, from the door; a fault is logged once and answered 500 (as over HTTP). */
  async function serve(request: LinkRequest): Promise<LinkResponse> {
    try {
      const target = requestTarget(request.path, request.method);
      const reply = await enter(
        {
          method: request.method,
          path: target.path,
          query: new URLSearchParams(target.query),
          body: async ({ optional = false } = {}) => {
            if (request.body !== undefined) return request.body;
            if (optional) return {};
            throw new HttpError(400, "INVALID_JSON", "The body is empty; send a JSON object.");
          },
        },
        () => {}, // the certificate is the credential: the broker let only this household's thing and skill in
      );
      return { id: request.id, status: reply.status, body: reply.body };
    } catch (err) {
      const known = knownError(err);
      if (known?.code === "NOT_FOUND")
        return answer(
          request.id,
          new HttpError(
            404,
            "NOT_FOUND",
            `No such route on the cloud link: ${request.method} ${request.path.split("?")[0]}. It serves the control API only (pairing, the dashboard and the owner's clock confirmation stay on the local network).`,
          ),
        );
      if (known) return answer(request.id, known);
      log(
        `Cloud link ${request.method} ${JSON.stringify(request.path)} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      return answer(request.id, internalError());
    }
  }

  /** The response to a payload, or the refusal that names what is wrong with it. */
  async function respond(payload: Buffer): Promise<LinkResponse> {
    if (payload.length > MAX_LINK_PAYLOAD_BYTES)
      return answer(null, new HttpError(413, "BODY_TOO_LARGE", `Requests are limited to ${MAX_LINK_PAYLOAD_BYTES / 1024} KiB.`));
    let text: string;
    let json: unknown;
    try {
      ({ value: json, text } = parseJson(payload, "request"));
    } catch (err) {
      return answer(null, err as HttpError);
    }
    const id = typeof (json as { id?: unknown })?.id === "string" ? (json as { id: string }).id : null;
    const exponent = plainNumbersError(text, (field) => field?.replace(/^body\./, "") ?? "(request)");
    if (exponent) return answer(id, exponent);
    const parsed = LinkRequestSchema.safeParse(json);
    if (!parsed.success)
      return answer(
        id,
        validationError(parsed.error, (path) => (path.length === 0 ? Object.keys(LinkRequestSchema.shape) : undefined)),
      );
    const request = parsed.data;
    const at = now();
    const earlier = answered.get(request.id, at);
    if (earlier) return earlier;
    if (request.exp + LINK_CLOCK_SKEW_MS <= at)
      return answer(
        request.id,
        new HttpError(
          408,
          "REQUEST_EXPIRED",
          `The request expired at ${new Date(request.exp).toISOString()} before the bridge got it (the bridge's clock says ${new Date(at).toISOString()}); nothing was done.`,
        ),
      );
    if (request.exp > at + FURTHEST_AHEAD_MS)
      return answer(
        request.id,
        new HttpError(
          400,
          "VALIDATION_ERROR",
          `Invalid request: exp: must be within ${FURTHEST_AHEAD_MS / 1000} s of the bridge's clock (${new Date(at).toISOString()})`,
          {
            issues: [{ field: "exp", message: `must be within ${FURTHEST_AHEAD_MS / 1000} s` }],
          },
        ),
      );
    const response = serve(request);
    answered.remember(request.id, request.exp + LINK_CLOCK_SKEW_MS, response);
    return response;
  }

  return async ({ payload, responseTopic, correlationData }) => {
    const client = responseTopic?.startsWith(responsePrefix) ? responseTopic.slice(responsePrefix.length) : undefined;
    // Answers go only under this thing's own res/ prefix, to one concrete topic: anything else is not acted on.
    if (!client || /[/+#\0]/.test(client)) {
      log(
        `Cloud link: ignored a request whose response topic ${JSON.stringify(responseTopic ?? null)} is not under ${responsePrefix}; nothing was done.`,
      );
      return undefined;
    }
    return { topic: responseTopic!, response: await respond(payload), ...(correlationData ? { correlationData } : {}) };
  };
}
