import type { IncomingMessage, ServerResponse } from "node:http";

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** e.g. "/v1/panels/{id}/stop"; a `{name}` segment matches one path segment. */
  path: string;
  /** Defaults to true: the route needs the bearer token. */
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
