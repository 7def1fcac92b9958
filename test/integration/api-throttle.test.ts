/**
 * Wrong API tokens over real HTTP: the control API on a real session controller, ledger and
 * simulated panel, throttled per client address; and the bridge CLI refusing a short
 * BRIDGE_API_TOKEN at start-up.
 *
 * Two client addresses on one machine: the API listens on 127.0.0.1 and the second client connects
 * from 127.0.0.2 (Linux routes all of 127.0.0.0/8 to loopback; the suite already needs Linux).
 */
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { request } from "node:http";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "@jest/globals";
import { BRIDGE_TOKEN, startControlBridge } from "../helpers/control-bridge.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TOKEN = BRIDGE_TOKEN;
const WRONG = "wrong-token-0123456789abcdefghijklmn";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const tempDir = tempDirs("biolight-throttle-");

/** The API as the bridge runs it (default throttle), on 127.0.0.1 and a free port. */
async function startBridgeApi(): Promise<string> {
  const bridge = await startControlBridge({ acknowledged: true });
  cleanups.push(() => bridge.close());
  return bridge.url;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads arbitrary JSON answers
  body: any;
}

/** One request from a chosen local address; `token: null` sends no Authorization header. */
function send(
  base: string,
  path: string,
  {
    token,
    from = "127.0.0.1",
    method = "GET",
    headers = {},
    body,
  }: { token: string | null; from?: string; method?: string; headers?: Record<string, string>; body?: unknown },
): Promise<Answer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const allHeaders: Record<string, string> = {
    ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    ...(payload ? { "Content-Type": "application/json", "Content-Length": String(payload.length) } : {}),
    ...headers,
  };
  return new Promise((resolvePromise, reject) => {
    const req = request(new URL(path, base), { method, headers: allHeaders, localAddress: from, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}

describe("control API: wrong tokens are throttled per client address", () => {
  it("answers 10 wrong tokens with 401 and the 11th with 429 and Retry-After; the right token still works", async () => {
    const url = await startBridgeApi();
    // X-Forwarded-For is not trusted: a different one on each attempt changes nothing.
    for (let i = 0; i < 10; i++) {
      const res = await send(url, "/v1/panels", { token: WRONG, headers: { "X-Forwarded-For": `203.0.113.${i}` } });
      expect([res.status, res.body.error.code]).toEqual([401, "UNAUTHORIZED"]);
    }
    const refused = await send(url, "/v1/panels", { token: WRONG, headers: { "X-Forwarded-For": "203.0.113.99" } });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: "TOO_MANY_ATTEMPTS", message: expect.any(String), retryAfterSeconds: expect.any(Number) },
    });
    const wait = refused.body.error.retryAfterSeconds;
    expect(wait).toBeGreaterThanOrEqual(50);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers["retry-after"]).toBe(String(wait));

    // A missing token, and a wrong one on a POST with a body, are refused the same way.
    expect((await send(url, "/v1/dose", { token: null })).status).toBe(429);
    expect((await send(url, "/v1/sessions", { token: WRONG, method: "POST", body: { region: "mid-back" } })).status).toBe(429);

    // The right token is never locked out, whatever the case of "Bearer".
    const panels = await send(url, "/v1/panels", { token: TOKEN });
    expect(panels.status).toBe(200);
    expect(panels.body.panels).toHaveLength(1);
    expect((await send(url, "/v1/dose", { token: null, headers: { Authorization: `bearer ${TOKEN}` } })).status).toBe(200);
    const started = await send(url, "/v1/sessions", { token: TOKEN, method: "POST", body: { region: "mid-back", seconds: 60 } });
    expect(started.status).toBe(201);

    // /v1/health needs no token and is never throttled.
    expect((await send(url, "/v1/health", { token: null })).status).toBe(200);
    expect((await send(url, "/v1/health", { token: WRONG })).status).toBe(200);

    // Still throttled after the successes.
    expect((await send(url, "/v1/panels", { token: WRONG })).status).toBe(429);
  });

  it("keeps another client address unaffected", async () => {
    const url = await startBridgeApi();
    for (let i = 0; i < 10; i++) expect((await send(url, "/v1/panels", { token: WRONG, from: "127.0.0.1" })).status).toBe(401);
    expect((await send(url, "/v1/panels", { token: WRONG, from: "127.0.0.1" })).status).toBe(429);

    const other = await send(url, "/v1/panels", { token: WRONG, from: "127.0.0.2" });
    expect([other.status, other.body.error.code]).toEqual([401, "UNAUTHORIZED"]);
    expect(other.headers["retry-after"]).toBeUndefined();
    expect((await send(url, "/v1/panels", { token: TOKEN, from: "127.0.0.2" })).status).toBe(200);
    expect((await send(url, "/v1/panels", { token: WRONG, from: "127.0.0.1" })).status).toBe(429);
  });
});

describe("bridge start-up", () => {
  it("refuses a BRIDGE_API_TOKEN shorter than 24 characters, saying how long it is and how to make one", async () => {
    const storage = await tempDir();
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BRIDGE_|MATTER_|NODE_OPTIONS$)/.test(k)));
    const run = promisify(execFile)(process.execPath, ["bin/biolight-bridge.mjs", "--storage", storage], {
      cwd: ROOT,
      env: { ...env, BRIDGE_API_TOKEN: "short-secret" },
      timeout: 25_000,
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("BRIDGE_API_TOKEN is 12 characters; use at least 24 (e.g. `openssl rand -base64 32`)"),
    });
    expect(await readdir(storage)).not.toContain("api-token");
  });
});
