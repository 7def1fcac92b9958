/**
 * The Alexa service API a skill calls back (progressive responses, timers), as a local HTTP
 * server recording every call: the skill's real ask-sdk API client talks to it over HTTP.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "@jest/globals";

export interface AlexaApiCall {
  method: string;
  path: string;
  auth?: string;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies
  body: any;
}

export interface FakeAlexaApi {
  url: string;
  calls: AlexaApiCall[];
  close(): Promise<void>;
}

export async function startFakeAlexaApi(): Promise<FakeAlexaApi> {
  const calls: AlexaApiCall[] = [];
  let timers = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const path = req.url ?? "/";
      calls.push({ method: req.method ?? "", path, auth: req.headers.authorization, body: text ? JSON.parse(text) : undefined });
      if (req.method === "POST" && path === "/v1/directives") return void res.writeHead(204).end();
      if (req.method === "POST" && path === "/v1/alerts/timers") {
        const id = `timer-${++timers}`;
        res.writeHead(200, { "Content-Type": "application/json" });
        return void res.end(
          JSON.stringify({ id, status: "ON", duration: JSON.parse(text).duration, createdTime: new Date().toISOString() }),
        );
      }
      if (req.method === "DELETE" && path.startsWith("/v1/alerts/timers/")) return void res.writeHead(200).end();
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * One fake Alexa API for a test file, its call log cleared after each test, and a list of clean-ups
 * (bridges, skills) run after each test, newest first.
 */
export function useFakeAlexaApi(): { api: () => FakeAlexaApi; cleanups: Array<() => Promise<unknown>> } {
  let api: FakeAlexaApi | undefined;
  const cleanups: Array<() => Promise<unknown>> = [];
  beforeAll(async () => {
    api = await startFakeAlexaApi();
  });
  afterAll(() => api?.close());
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    if (api) api.calls.length = 0;
  });
  return { api: () => api!, cleanups };
}
