/** The HTTP control API on node:http: routing, auth, errors. Routes live in routes.ts. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { LedgerUnavailableError } from "../dose/ledger.js";
import type { SessionController } from "../sessions/controller.js";
import { type AuthThrottle, bearerCheck } from "./auth.js";
import { HttpError, notFound, sendError, sendJson } from "./errors.js";
import { type Route, router } from "./router.js";
import { controlRoutes } from "./routes.js";

/** Serves a non-API request (e.g. the dashboard's static files); returns false to let it 404. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

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
}

export interface Api {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApi(opts: ApiOptions): Promise<Api> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const authorize = bearerCheck(opts.token, opts.authThrottle);
  const match = router([...controlRoutes(opts), ...(opts.extraRoutes ?? [])]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const path = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
    const method = req.method ?? "GET";

    if (path !== "/v1" && !path.startsWith("/v1/")) {
      if (opts.static && (method === "GET" || method === "HEAD") && (await opts.static(req, res))) return;
      throw notFound();
    }
    const found = match(method, path);
    if (found.kind === "none") throw notFound();
    if (found.kind === "method-not-allowed")
      throw new HttpError(405, "METHOD_NOT_ALLOWED", `Use ${found.allow.join(" or ")} for ${path}.`, {}, { Allow: found.allow.join(", ") });
    // The socket's address, never X-Forwarded-For: any client can send that header.
    if (found.route.auth !== false) authorize(req.headers.authorization, req.socket.remoteAddress);
    const reply = await found.route.handle({ req, res, params: found.params, query });
    if (!res.headersSent) sendJson(req, res, reply.status, reply.body, reply.headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof HttpError) return sendError(req, res, err);
      // The one place a ledger that cannot be read or written becomes an answer.
      if (err instanceof LedgerUnavailableError) return sendError(req, res, new HttpError(503, "LEDGER_UNAVAILABLE", err.message));
      log(`API ${req.method} ${req.url} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      sendError(req, res, new HttpError(500, "INTERNAL", "Something went wrong inside the bridge; see its log."));
    });
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
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}
