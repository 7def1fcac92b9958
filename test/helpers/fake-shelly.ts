/**
 * A local HTTP server speaking the Shelly Gen2 RPC for switches: Switch.Set (with a real
 * toggle_after timer) and Switch.GetStatus. It can go down or answer slowly on demand.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

interface SwitchState {
  output: boolean;
  timer?: NodeJS.Timeout;
  timerStartedAt?: number;
  timerDuration?: number;
}

export interface FakeShelly {
  url: string;
  port: number;
  requests: string[];
  state(id?: number): SwitchState;
  setDown(down: boolean): void;
  setDelayMs(ms: number): void;
  close(): Promise<void>;
}

export async function startFakeShelly(opts: { switches?: number; port?: number } = {}): Promise<FakeShelly> {
  const switches = new Map<number, SwitchState>();
  for (let i = 0; i < (opts.switches ?? 1); i++) switches.set(i, { output: false });
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let down = false;
  let delayMs = 0;

  const server: Server = createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://shelly");
    requests.push(`${url.pathname}${url.search}`);
    const reply = (status: number, body: unknown) =>
      setTimeout(() => {
        if (!res.writableEnded) res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
      }, delayMs);
    const id = Number(url.searchParams.get("id") ?? 0);
    const sw = switches.get(id);
    if (!sw) return reply(500, { code: -105, message: `Argument 'id', value ${id} not found!` });
    if (url.pathname === "/rpc/Switch.GetStatus")
      return reply(200, { id, source: "http", output: sw.output, apower: 0, voltage: 230.1, temperature: { tC: 40.2, tF: 104.4 } });
    if (url.pathname === "/rpc/Switch.Set") {
      const on = url.searchParams.get("on");
      if (on !== "true" && on !== "false") return reply(500, { code: -103, message: "Invalid argument 'on'!" });
      const wasOn = sw.output;
      clearTimeout(sw.timer);
      sw.timer = undefined;
      sw.output = on === "true";
      const after = url.searchParams.get("toggle_after");
      if (after !== null) {
        const seconds = Number(after);
        sw.timerStartedAt = Date.now();
        sw.timerDuration = seconds;
        sw.timer = setTimeout(() => {
          sw.output = !sw.output;
          sw.timer = undefined;
        }, seconds * 1000);
      }
      return reply(200, { was_on: wasOn });
    }
    return reply(404, { code: 404, message: `No handler for ${url.pathname}` });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    state: (id = 0) => switches.get(id)!,
    setDown: (d) => {
      down = d;
    },
    setDelayMs: (ms) => {
      delayMs = ms;
    },
    close: async () => {
      for (const sw of switches.values()) clearTimeout(sw.timer);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
