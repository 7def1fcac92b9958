/** The HTTP control API on node:http: routing, auth, errors. Routes live in routes.ts. */
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { CloudState } from "../contract/api.js";
import type { SessionController } from "../sessions/controller.js";
import { type Clock, systemClock } from "../support/clock.js";
import { type AuthThrottle, bearerCheck } from "./auth.js";
import { readJson } from "./body.js";
import { door, internalError, knownError } from "./door.js";
import { HttpError, notFound, sendError, sendJson } from "./errors.js";
import { ownerRoutes } from "./owner-routes.js";
import { type Route, requestTarget } from "./router.js";
import { controlRoutes } from "./routes.js";

/**
 * Serves a non-API request (e.g. the dashboard's static files); returns false to let it 404. `path`
 * is the request target's path, already checked (still percent-encoded).
 */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse, path: string) => boolean | Promise<boolean>;

export interface ApiOptions {
  controller: SessionController;
  token: string;
  host: string;
  port: number;
  log?: (message: string) => void;
  /** More /v1 routes (same auth rules), e.g. pairing information for a dashboard. */
  extraRoutes?: Route[];
  /** Handler for paths outside /v1 (GET/HEAD), e.g. a dashboard. Unauthenticated: it must hold no secrets. */
  static?: StaticHandler;
  stopTimeoutMs?: number;
  /** Wrong-token throttling per client address (default: 10 failures a minute). */
  authThrottle?: AuthThrottle;
  /** The cloud link's state, for `GET /v1/health` (default: "off"). */
  cloud?: () => CloudState;
  /** The bridge's clock (a stop's wait, the close's grace period). */
  clock?: Clock;
}

export interface Api {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApi(opts: ApiOptions): Promise<Api> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const authorize = bearerCheck(opts.token, opts.authThrottle);
  // The owner's routes are HTTP-only: the cloud link serves controlRoutes alone (cloud/start.ts).
  const enter = door([...controlRoutes(opts), ...ownerRoutes(opts.controller), ...(opts.extraRoutes ?? [])]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    // A malformed target is a 400 here, before any handler builds a URL from it.
    const target = requestTarget(req.url ?? "/", method);
    const path = target.path;
    const query = new URLSearchParams(target.query);

    if (path !== "/v1" && !path.startsWith("/v1/")) {
      if (opts.static && (method === "GET" || method === "HEAD") && (await opts.static(req, res, path))) return;
      throw notFound();
    }
    const reply = await enter({ method, path, query, body: (o) => readJson(req, o) }, (route) => {
      // The socket's address, never X-Forwarded-For: any client can send that header.
      if (route.auth !== false) authorize(req.headers.authorization, req.socket.remoteAddress);
    });
    if (!res.headersSent) sendJson(req, res, reply.status, reply.body, reply.headers, reply.text);
  }

  /** The answer to an error: client mistakes and known conditions are answered quietly; anything else is a fault. */
  function answerFor(req: IncomingMessage, err: unknown): HttpError | undefined {
    const known = knownError(err);
    if (known) return known;
    // The client went away while a handler read from it: nobody to answer, nothing to report.
    const gone = err instanceof Error && err.message === "aborted" && (err as NodeJS.ErrnoException).code === "ECONNRESET";
    if (gone && req.destroyed) return new HttpError(400, "INCOMPLETE_BODY", "The request ended early.");
    return undefined;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const answer = answerFor(req, err);
      // A real internal fault: logged once, with its stack; the client learns nothing of it.
      if (!answer)
        log(`API ${req.method} ${JSON.stringify(req.url)} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent) return void res.destroy();
      sendError(req, res, answer ?? internalError());
    });
  });
  // Requests Node's parser rejects (a target with spaces or control characters, oversized headers,
  // a stalled request): answered as the API answers, in JSON, instead of Node's bare 400.
  server.on("clientError", (err: NodeJS.ErrnoException, duplex) => {
    const socket = duplex as Socket;
    if (err.code !== "ECONNRESET" && socket.writable && socket.bytesWritten === 0) {
      const [status, code, message] =
        err.code === "HPE_HEADER_OVERFLOW"
          ? [431, "HEADERS_TOO_LARGE", "The request headers are too large."]
          : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
            ? [408, "REQUEST_TIMEOUT", "The request took too long to arrive."]
            : err.code === "HPE_CHUNK_EXTENSIONS_OVERFLOW"
              ? [413, "BODY_TOO_LARGE", "The chunk extensions are too large."]
              : [400, "BAD_REQUEST", "The request is not valid HTTP/1.1."];
      const text = JSON.stringify({ error: { code, message } });
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n` +
          `X-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      );
    }
    socket.destroySoon();
  });
  // Slow or stalled clients must not pin connections for Node's 5-minute default.
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      const why = err.code === "EADDRINUSE" ? "is already in use" : err.code === "EACCES" ? "needs more privileges" : err.message;
      reject(new Error(`Control API cannot listen on ${opts.host}:${opts.port}: ${why}`, { cause: err }));
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError).once("listening", onListening);
    server.listen(opts.port, opts.host);
  });
  server.on("error", (err) => log(`API server error: ${err.message}`));

  const port = (server.address() as AddressInfo).port;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // In-flight requests get a moment to finish; then every connection goes.
        (opts.clock ?? systemClock).after(1000, () => server.closeAllConnections(), { background: true });
      }),
  };
}
