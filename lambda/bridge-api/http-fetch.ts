/**
 * The bridge client's HTTP on node:http(s): the few parts of fetch it uses (method, headers, a string
 * body, an abort signal; status, ok, json()). Node's global fetch loads undici on its first call,
 * which cost a cold Lambda more than the rest of its first request.
 */
import { Agent, type ClientRequest, request as httpRequest, type IncomingMessage, type RequestOptions } from "node:http";

type Request = (url: URL, options: RequestOptions, onResponse: (res: IncomingMessage) => void) => ClientRequest;
const http = { request: httpRequest as Request, agent: new Agent({ keepAlive: true }) };
/** node:https (and TLS under it) loads only for an https:// bridge URL: a plain-http bridge on the LAN does not pay for it. */
let https: Promise<typeof http> | undefined;
const loadHttps = () =>
  (https ??= import("node:https").then((m) => ({ request: m.request as Request, agent: new m.Agent({ keepAlive: true }) })));

export interface HttpFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpFetchResponse {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}

export async function httpFetch(url: string, init: HttpFetchInit = {}): Promise<HttpFetchResponse> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? await loadHttps() : http;
  return new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) return reject(signal.reason);
    const headers = { ...init.headers, ...(init.body !== undefined ? { "Content-Length": String(Buffer.byteLength(init.body)) } : {}) };
    const req = client.request(target, { method: init.method ?? "GET", headers, agent: client.agent }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const text = Buffer.concat(chunks).toString("utf8");
        const status = res.statusCode ?? 0;
        resolve({ status, ok: status >= 200 && status < 300, json: async () => JSON.parse(text) });
      });
    });
    const onAbort = () => {
      req.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (err) => {
      signal?.removeEventListener("abort", onAbort);
      reject(err);
    });
    req.end(init.body);
  });
}
