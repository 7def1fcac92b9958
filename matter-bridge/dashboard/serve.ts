/**
 * The dashboard: static files served by the bridge on the API port. The page holds no secrets; it
 * asks for the API token and sends it with every API call, so the API's auth is the dashboard's.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type DoseLimits, DoseLimitsSchema } from "../contract/config.js";
import { REGION_IDS, REGIONS } from "../contract/regions.js";

const STATIC = new URL("./static/", import.meta.url);
const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};
const HEADERS = {
  "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-cache",
};

/**
 * What the page shows that the bridge decides: each region's name, colour and positioning tip from
 * the contract's catalogue (the one source), and the session cap for the minutes field and the
 * chart. The caution is not here: the page reads it, with whether it is acknowledged and why not,
 * from GET /v1/caution.
 */
const bootstrap = (dose: DoseLimits) => {
  const regions = Object.fromEntries(
    REGION_IDS.map((id) => {
      const { displayName, colour, positioningTip } = REGIONS[id];
      return [id, { id, displayName, colour, positioningTip }];
    }),
  );
  return `window.BIOLIGHT = ${JSON.stringify({ regions, maxSessionSeconds: dose.maxSessionSeconds })};\n`;
};

/** The dashboard's files; `dose`: the bridge's dose limits (the contract's defaults when not given). */
export function dashboardHandler(
  options: { dose?: DoseLimits } = {},
): (req: IncomingMessage, res: ServerResponse, target: string) => boolean {
  const files = new Map<string, { type: string; body: string }>();
  for (const name of ["index.html", "app.js", "retry-time.js", "style.css"])
    files.set(`/dashboard/${name}`, { type: TYPES[name.split(".").pop()!], body: readFileSync(new URL(name, STATIC), "utf8") });
  files.set("/dashboard/", files.get("/dashboard/index.html")!);
  files.set("/dashboard/bootstrap.js", { type: TYPES.js, body: bootstrap(options.dose ?? DoseLimitsSchema.parse({})) });

  return (req, res, target) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    // The target as the API checked it, with dot segments resolved: a base with a host keeps a path
    // such as "//x" from being read as one.
    const path = new URL(`http://bridge${target}`).pathname;
    if (path === "/" || path === "/dashboard") {
      res.writeHead(302, { Location: "/dashboard/" }).end();
      return true;
    }
    const file = files.get(path);
    if (!file) return false;
    res.writeHead(200, { ...HEADERS, "Content-Type": file.type, "Content-Length": Buffer.byteLength(file.body) });
    res.end(req.method === "HEAD" ? undefined : file.body);
    return true;
  };
}
