/** The skill's small fetch on node:http: what the bridge client relies on, against a real local server. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { BridgeClient } from "../../lambda/bridge-api/client.js";
import { httpFetch } from "../../lambda/bridge-api/http-fetch.js";
import { FakeClock } from "../helpers/fake-clock.js";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      // Long past any timeout below, however late a busy machine runs the timers.
      if (req.url?.startsWith("/slow")) return void setTimeout(() => res.end("{}"), 10_000).unref();
      if (req.url?.startsWith("/not-json")) return void res.end("<html>");
      res.writeHead(req.url === "/missing" ? 404 : 200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, type: req.headers["content-type"], body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("httpFetch", () => {
  it("sends the method, headers and body, and gives the status and the JSON", async () => {
    const res = await httpFetch(`${base}/echo`, {
      method: "POST",
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(await res.json()).toEqual({ method: "POST", auth: "Bearer t", type: "application/json", body: '{"a":1}' });
    const missing = await httpFetch(`${base}/missing`);
    expect([missing.status, missing.ok]).toEqual([404, false]);
  });

  it("rejects with the signal's reason when it times out, and with the socket's error when nothing listens", async () => {
    await expect(httpFetch(`${base}/slow`, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: "TimeoutError" });
    await expect(httpFetch("http://127.0.0.1:1/")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await expect((await httpFetch(`${base}/not-json`)).json()).rejects.toThrow();
  });

  it("is what the bridge client needs: a timeout, an invalid answer and one of the wrong shape come out as the client's reasons", async () => {
    // The client's 3 s run on its clock: moved here, so an answer that comes is never cut off on a busy machine.
    const clock = new FakeClock(Date.now());
    const client = (path: string) =>
      new BridgeClient({ url: `${base}${path}`, token: "t", clock, fetch: httpFetch as unknown as typeof fetch });
    const slow = client("/slow").panels();
    clock.advance(2999);
    expect(clock.pending).toBe(1);
    clock.advance(1);
    expect(await slow).toEqual({ kind: "unreachable", reason: "timeout" });
    expect(await client("/not-json").panels()).toMatchObject({ kind: "unreachable", reason: expect.stringMatching(/^invalid response/) });
    // JSON, but not the contract's answer (each route's schema is loaded on its first call).
    expect(await client("/echo").panels()).toEqual({ kind: "unreachable", reason: "unexpected response" });
    expect(await client("/echo").people()).toEqual({ kind: "unreachable", reason: "unexpected response" });
  });
});
