import { HttpError } from "./errors.js";

/**
 * What a route sees of a request, whichever edge it came through (HTTP, the cloud link): routes
 * know nothing of the transport.
 */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /**
   * The JSON body, read and checked by the edge (size, UTF-8, JSON, plain numbers). `optional`: an
   * absent body reads as `{}` (one that is there, `null` included, is what it says).
   */
  body(opts?: { optional?: boolean }): Promise<unknown>;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent as it is instead of `body` as JSON (a CSV download); `headers` give its Content-Type. HTTP only. */
  text?: string;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** e.g. "/v1/panels/{id}/stop"; a `{name}` segment matches one path segment. */
  path: string;
  /** Defaults to true: the route needs the bearer token (over HTTP; the link's certificate stands in for it). */
  auth?: boolean;
  handle(request: RouteRequest): Reply | Promise<Reply>;
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const compile = (route: Route): Compiled => {
  const names: string[] = [];
  const source = route.path
    .split("/")
    .map((seg) => {
      const name = /^\{(\w+)\}$/.exec(seg)?.[1];
      if (!name) return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("/");
  return { route, pattern: new RegExp(`^${source}$`), names };
};

export type Match =
  | { kind: "route"; route: Route; params: Record<string, string> }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "none" };

export function router(routes: Route[]): (method: string, path: string) => Match {
  const table = routes.map(compile);
  return (method, path) => {
    const asGet = method === "HEAD" ? "GET" : method;
    const allow: string[] = [];
    for (const { route, pattern, names } of table) {
      const m = pattern.exec(path);
      if (!m) continue;
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      } catch {
        continue;
      }
      if (route.method === asGet) return { kind: "route", route, params };
      allow.push(route.method);
    }
    return allow.length ? { kind: "method-not-allowed", allow } : { kind: "none" };
  };
}

const badTarget = (why: string) => new HttpError(400, "BAD_REQUEST", `The request target is malformed: ${why}.`);

/** An RFC 3986 path: unreserved, sub-delims, ":", "@", "/" and "%" followed by two hex digits. */
const PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/s;

/**
 * The path and query of a request target (RFC 9112 §3.2): origin-form ("/path?query"), or
 * absolute-form ("http://host:port/path?query", whose authority is checked and then ignored), or
 * "*" for OPTIONS. Anything else, a path with characters a URI cannot hold or whose
 * percent-encoding is not UTF-8, is a 400 BAD_REQUEST. The path is returned still encoded.
 */
export function requestTarget(raw: string, method: string): { path: string; query: string } {
  if (raw === "*" && method === "OPTIONS") return { path: "*", query: "" };
  let target = raw;
  const absolute = ABSOLUTE.exec(raw);
  if (absolute) {
    const [, scheme, authority, rest] = absolute;
    if (!/^https?$/i.test(scheme)) throw badTarget(`the scheme "${scheme.slice(0, 20)}" is not http`);
    if (authority.includes("@")) throw badTarget("it holds user information");
    try {
      new URL(`${scheme}://${authority}/`);
    } catch {
      throw badTarget("its host or port is not valid");
    }
    target = rest.startsWith("/") ? rest : `/${rest}`;
  } else if (!raw.startsWith("/")) throw badTarget("it is neither a path nor an http URL");
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  if (!PATH.test(path)) throw badTarget("the path holds characters a URL cannot hold");
  try {
    decodeURIComponent(path);
  } catch {
    throw badTarget("the path's percent-encoding is not UTF-8");
  }
  return { path, query: q < 0 ? "" : target.slice(q + 1) };
}
