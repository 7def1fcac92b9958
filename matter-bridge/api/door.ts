/**
 * The one door every request goes through, whichever edge it came by (node:http in server.ts, the
 * cloud link in cloud/requests.ts): the same routes, validation, dose guard and refusal codes.
 */
import { LedgerUnavailableError } from "../dose/ledger.js";
import { HttpError, notFound } from "./errors.js";
import { type Reply, type Route, type RouteRequest, router } from "./router.js";

/** A request as an edge hands it in. */
export interface Call {
  method: string;
  /** The path, checked by `requestTarget` (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  body: RouteRequest["body"];
}

/** Answers a call, or throws an HttpError (or a fault: see `knownError`). `authorize` throws to refuse the matched route. */
export type Door = (call: Call, authorize: (route: Route) => void) => Promise<Reply>;

export function door(routes: Route[]): Door {
  const match = router(routes);
  return async (call, authorize) => {
    const found = match(call.method, call.path);
    if (found.kind === "none") throw notFound();
    if (found.kind === "method-not-allowed")
      throw new HttpError(
        405,
        "METHOD_NOT_ALLOWED",
        `Use ${found.allow.join(" or ")} for ${call.path}.`,
        {},
        { Allow: found.allow.join(", ") },
      );
    authorize(found.route);
    return found.route.handle({ params: found.params, query: call.query, body: call.body });
  };
}

/** A known condition as its answer; undefined for a real fault (the edge logs it once and answers `internalError`). */
export function knownError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  // The one place a ledger that cannot be read or written becomes an answer.
  if (err instanceof LedgerUnavailableError) return new HttpError(503, "LEDGER_UNAVAILABLE", err.message);
  return undefined;
}

export const internalError = () => new HttpError(500, "INTERNAL", "Something went wrong inside the bridge; see its log.");
