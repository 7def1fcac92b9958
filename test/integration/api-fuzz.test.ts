/**
 * A seeded fuzz run against the real control API (session controller, ledger, simulated panel, the
 * dashboard's static handler): a few thousand draws of requests that are each wrong in some way (no
 * or a wrong token, a mangled body, a bad query, a malformed target or request line), each distinct
 * one sent (about a third: a repeat tells nothing a first try did not). Every answer must be
 * a 4xx (or a 2xx for a harmless read), never a 5xx, and nothing may change: no session, the caution
 * as it was, the ledger's files byte for byte. The seed is printed; FUZZ_SEED=<n> replays a run.
 */
import { readdir, readFile } from "node:fs/promises";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { dashboardHandler } from "../../matter-bridge/dashboard/serve.js";
import { BRIDGE_TOKEN, type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { makeConfig } from "../helpers/dose-fixtures.js";

const SEED = Number(process.env.FUZZ_SEED ?? 0xb10_1167);
const DRAWS = 3000;
const CONCURRENCY = 8;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const config = {
  people: [
    { id: "anna", name: "Anna" },
    { id: "ben", name: "Ben" },
  ],
  dose: { minSessionSeconds: 1, maxSessionSeconds: 30, minRestSameRegionSeconds: 0 },
};

const PATHS = [
  "/v1/health",
  "/v1/panels",
  "/v1/sessions",
  "/v1/panels/panel-1/stop",
  "/v1/panels/nope/stop",
  "/v1/dose",
  "/v1/history",
  "/v1/people",
  "/v1/caution",
  "/v1/caution/acknowledge",
  "/v1/caution/withdraw",
  "/dashboard/",
  "/dashboard/app.js",
  "/",
  "/v2/sessions",
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
const TARGETS = [
  "///",
  "//[",
  "http://[::1/",
  "http://x:abc/",
  "http://bridge:99999/",
  "http://%zz/",
  "//a:b@/",
  "/%",
  "/v1/%zz",
  "/..%2f..%2fetc/passwd",
];
const QUERIES = [
  "days=0x10",
  "days=1e1",
  "days=%20%207",
  "days=Infinity",
  "days=-1",
  "days=366",
  "days=7&days=8",
  "person=carl",
  "person=",
  "person=%00",
  "x=1",
  "days",
  "%zz=1",
];
/** Values that are wrong wherever a number, a region, a person or a panel is expected. */
const BAD_VALUES: unknown[] = [
  "0x10",
  "1e3",
  " 7",
  "Infinity",
  -1,
  0,
  1e9,
  1.5,
  null,
  true,
  [],
  {},
  "",
  "ü".repeat(300),
  "carl",
  "__proto__",
];

/** A body for `path` that the API must refuse: a valid one with one thing broken. */
function badBody(rng: Rng, path: string): string {
  const valid: Record<string, Record<string, unknown>> = {
    "/v1/sessions": { region: "low-back-hips", seconds: 60, person: "anna", panelId: "panel-1", distanceCm: 30 },
    "/v1/caution/acknowledge": { version: 1, person: "anna", source: "fuzz" },
    "/v1/caution/withdraw": { reason: "fuzz", source: "fuzz", person: "anna" },
    "/v1/panels/panel-1/stop": {},
  };
  const body = { ...(valid[path] ?? { region: "neck-shoulders" }) };
  const keys = Object.keys(body);
  switch (rng.int(6)) {
    case 0:
      return JSON.stringify({ ...body, [rng.pick(["extra", "__proto__", "constructor", "Region"])]: 1 });
    case 1: {
      // A field with a value of the wrong JSON type (a string where a number goes, and the other way round).
      if (!keys.length) return JSON.stringify({ unexpected: rng.pick(BAD_VALUES) });
      const key = rng.pick(keys);
      const wrong =
        typeof body[key] === "string"
          ? rng.pick([-1, 0, 1.5, null, true, [], {}])
          : rng.pick(["0x10", "1e3", " 7", "Infinity", "", null, true, [], {}]);
      return JSON.stringify({ ...body, [key]: wrong });
    }
    case 2: {
      // A number written in a way plain-decimal JSON does not allow (in a field of its own where the body has none).
      const odd = rng.pick(["0x10", "1e2", "+5", "05", "NaN", "Infinity", ".5", "5."]);
      const text = JSON.stringify(body);
      return /:\d/.test(text) ? text.replace(/:(\d+)/, `:${odd}`) : `${text.slice(0, -1)}${keys.length ? "," : ""}"n":${odd}}`;
    }
    case 3: {
      const text = JSON.stringify(body);
      return text.slice(0, Math.max(1, rng.int(text.length - 1)));
    }
    case 4:
      return rng.pick(["[]", "null", "1", '"x"', "{", "}", "{{}}", "\u0000", "a".repeat(70_000)]);
    default:
      return JSON.stringify({ ...body, extra: rng.pick(BAD_VALUES) });
  }
}

interface Attempt {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function attempt(rng: Rng): Attempt | { raw: string } {
  const kind = rng.int(10);
  const path = rng.pick(PATHS);
  const auth = { authorization: `Bearer ${BRIDGE_TOKEN}` };
  if (kind === 0) {
    const target = rng.pick(TARGETS);
    const line = rng.pick([
      `GET ${target} HTTP/1.1`,
      `HEAD ${target} HTTP/1.1`,
      `POST ${target} HTTP/1.1`,
      "GARBAGE",
      `GET ${path} HTTP/9.9`,
    ]);
    return { raw: `${line}\r\nHost: x\r\nConnection: close\r\n\r\n` };
  }
  if (kind <= 3) {
    // No token, a wrong one, or a scheme that is not Bearer: any method, any path.
    const wrong = rng.pick<Record<string, string>>([
      {},
      { authorization: "Bearer wrong-token-0123456789abcdefghij" },
      { authorization: `Basic ${BRIDGE_TOKEN}` },
      { authorization: "Bearer" },
    ]);
    const method = rng.pick(METHODS);
    return {
      method,
      path,
      headers: { ...wrong, "content-type": "application/json" },
      body: method === "POST" ? badBody(rng, path) : undefined,
    };
  }
  if (kind <= 5) {
    // Reads with bad queries.
    const read = rng.pick(["/v1/dose", "/v1/history", "/v1/caution", "/v1/panels", "/v1/people"]);
    return { method: "GET", path: `${read}?${rng.pick(QUERIES)}`, headers: auth };
  }
  if (kind === 6) {
    // A method the route does not take.
    return { method: rng.pick(["PUT", "DELETE", "PATCH"]), path, headers: auth, body: "{}" };
  }
  // Writes with a broken body, sometimes with the wrong content type.
  const write = rng.pick(["/v1/sessions", "/v1/caution/acknowledge", "/v1/caution/withdraw", "/v1/panels/panel-1/stop"]);
  const type = rng.next() < 0.85 ? "application/json" : rng.pick(["text/plain", "application/x-www-form-urlencoded", ""]);
  return { method: "POST", path: write, headers: { ...auth, ...(type ? { "content-type": type } : {}) }, body: badBody(rng, write) };
}

let bridge: ControlBridge;
// A fresh connection per request: a reused one the server closed after an error would hide the next request.
const agent = new Agent({ keepAlive: false, maxSockets: CONCURRENCY });

function send(a: Attempt): Promise<number> {
  const { port } = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: a.method, path: a.path, headers: a.headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    // The server may answer and close before a large body is sent: the status still counts.
    req.on("error", (err: NodeJS.ErrnoException) => (err.code === "EPIPE" || err.code === "ECONNRESET" ? resolve(-1) : reject(err)));
    req.end(a.body);
  });
}

function sendRaw(bytes: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(bridge.url).port), "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString("latin1"))?.[1] ?? 0)));
    socket.on("connect", () => socket.end(bytes));
  });
}

/** The storage folder's files and their bytes (the ledger's snapshot and journal, the panel's state). */
async function files(): Promise<Record<string, string>> {
  const names = (await readdir(bridge.storage, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(n, "base64")] as const)));
}

beforeAll(async () => {
  bridge = await startControlBridge({
    acknowledged: true,
    config,
    api: { static: dashboardHandler({ dose: makeConfig(config).dose }) },
  });
});

afterAll(async () => {
  agent.destroy();
  await bridge?.close();
});

describe("a seeded fuzz of the control API", () => {
  it(`the distinct wrong requests of ${DRAWS} draws: no 5xx, no session, the caution as it was, the ledger's files unchanged`, async () => {
    const before = { files: await files(), caution: bridge.controller.caution.record(), panels: bridge.controller.status() };
    const rng = prng(SEED);
    const drawn = Array.from({ length: DRAWS }, () => attempt(rng));
    const attempts = [...new Map(drawn.map((a) => [JSON.stringify(a), a])).values()];
    const statuses = new Map<number, number>();
    const fivexx: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < attempts.length) {
          const a = attempts[next++];
          const status = "raw" in a ? await sendRaw(a.raw) : await send(a);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500)
            fivexx.push("raw" in a ? JSON.stringify(a.raw) : `${a.method} ${a.path} ${a.body?.slice(0, 80) ?? ""} → ${status}`);
        }
      }),
    );
    console.log(
      `fuzz seed ${SEED}: ${attempts.length} distinct requests of ${DRAWS} drawn; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(fivexx).toEqual([]);
    // Every one got a status line (no reset connection, no silence).
    expect((statuses.get(0) ?? 0) + (statuses.get(-1) ?? 0)).toBe(0);
    // Nothing changed.
    expect(bridge.controller.status()).toEqual(before.panels);
    expect(bridge.controller.caution.record()).toEqual(before.caution);
    expect(await bridge.panel()).toEqual(expect.objectContaining({ on: false }));
    expect(await files()).toEqual(before.files);
    // And the bridge still works for a good request.
    const ok = await fetch(`${bridge.url}/v1/sessions`, {
      method: "POST",
      headers: { authorization: `Bearer ${BRIDGE_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ region: "low-back-hips", seconds: 5, person: "ben" }),
    });
    expect(ok.status).toBe(201);
  }, 120_000);

  it("a JSON null is a body, not an absent one: stop and withdraw answer 400 and nothing is withdrawn", async () => {
    for (const path of ["/v1/caution/withdraw", "/v1/panels/panel-1/stop"]) {
      const res = await fetch(`${bridge.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${BRIDGE_TOKEN}`, "content-type": "application/json" },
        body: "null",
      });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
    expect(bridge.controller.caution.acknowledged()).toBe(true);
  });
});
