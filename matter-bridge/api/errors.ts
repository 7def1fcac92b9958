import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import type { RefusalCode } from "../contract/api.js";
import { describeIssues, fieldPath } from "../contract/issues.js";
import type { Refusal } from "../dose/policy.js";

/** An error the client should see as `{"error":{code,message,...details}}` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

/** A request whose body is still arriving: answer and close, rather than read what is left. */
const bodyUnread = (req: IncomingMessage) =>
  !req.readableEnded && (Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined);

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  text = JSON.stringify(body),
): void {
  res.writeHead(status, {
    ...JSON_HEADERS,
    ...(bodyUnread(req) ? { Connection: "close" } : {}),
    ...headers,
    "Content-Length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** An error's body, as every edge sends it: `{"error":{code,message,...details}}`. */
export const errorBody = (err: HttpError) => ({ error: { code: err.code, message: err.message, ...err.details } });

export function sendError(req: IncomingMessage, res: ServerResponse, err: HttpError): void {
  sendJson(req, res, err.status, errorBody(err), err.headers);
}

/** Dose refusals wait-able by the client are 409; a panel or ledger problem is the bridge's (503); a bad request 4xx. */
const REFUSAL_STATUS: Partial<Record<RefusalCode, number>> = {
  PANEL_UNREACHABLE: 503,
  LEDGER_UNAVAILABLE: 503,
  UNKNOWN_PANEL: 404,
  /** A request naming a person the config does not know: the client's mistake, not a wait. */
  UNKNOWN_PERSON: 400,
};

export function refusalError(refusal: Refusal, now = Date.now()): HttpError {
  const wait = refusal.retryAfterSeconds;
  return new HttpError(
    REFUSAL_STATUS[refusal.code] ?? 409,
    refusal.code,
    refusal.message,
    wait === undefined ? {} : { retryAfterSeconds: wait, nextAllowedAt: new Date(now + wait * 1000).toISOString() },
    wait === undefined ? {} : { "Retry-After": String(Math.ceil(wait)) },
  );
}

/** 400 naming every offending field, with the issues as data for programs. */
export function validationError(
  error: z.ZodError,
  allowedKeys?: (path: readonly PropertyKey[]) => readonly string[] | undefined,
): HttpError {
  const lines = describeIssues(error, allowedKeys).flatMap((l) => l.split("\n"));
  const issues = error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((k) => ({ field: fieldPath([...issue.path, k]), message: "unknown key" }))
      : [{ field: fieldPath(issue.path) || "(body)", message: issue.message }],
  );
  return new HttpError(400, "VALIDATION_ERROR", `Invalid request: ${lines.join("; ")}`, { issues });
}

export const notFound = (what = "No such route.") => new HttpError(404, "NOT_FOUND", what);
