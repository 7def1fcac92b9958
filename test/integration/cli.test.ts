/**
 * The bridge CLI as a child process: real matter.js node, real API, simulated panel, second-scale
 * dose limits, a temp storage dir per bridge. Each bridge start costs a couple of seconds, so the
 * scenarios share starts where they can.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { cautionText } from "../../matter-bridge/contract/caution.js";
import { call } from "../helpers/http.js";

const ROOT = resolve(import.meta.dirname, "../..");
const READY = /bridge ready in (\d+) ms .*API (http:\/\/[\d.:]+)\)/;

const dirs: string[] = [];
const children = new Set<ChildProcessWithoutNullStreams>();
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), "biolight-cli-"));
  dirs.push(d);
  return d;
};

async function freeUdpPort(): Promise<number> {
  const socket = createSocket("udp6");
  await new Promise<void>((r) => socket.bind(0, "::", () => r()));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(() => r()));
  return port;
}

/** Second-scale limits so a test can run a whole session. */
async function configFile(dir: string, json: unknown = {
  panels: [{ id: "panel-1", name: "Test panel", driver: { kind: "simulated" } }],
  dose: { minSessionSeconds: 1, maxSessionSeconds: 120, minRestSameRegionSeconds: 0 },
}): Promise<string> {
  const path = join(dir, "bridge.json");
  await writeFile(path, JSON.stringify(json));
  return path;
}

/** The environment minus anything that would configure the bridge behind the test's back. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BRIDGE_|MATTER_|NODE_OPTIONS$)/.test(k)));

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

interface Bridge {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `main.ts`. With `pty`, runs the README's `npm start` under util-linux `script` so stdin and
 * stdout are a terminal, as for a user. `script` runs the command with `$SHELL -c` (dash when SHELL
 * is unset, as under CI); dash does not exec a lone command and dies of the terminal's SIGINT at
 * once, so the command is `exec`ed and SHELL removed to make every runner behave the same.
 */
function launch(args: string[], { pty = false }: { pty?: boolean } = {}): Bridge {
  const { SHELL: _, ...env } = cleanEnv();
  const child = pty
    ? spawn("/usr/bin/script", ["-qfec", `exec npm start -- ${args.map(shellQuote).join(" ")}`, "/dev/null"], { cwd: ROOT, env: { ...env, NPM_CONFIG_UPDATE_NOTIFIER: "false" } })
    : spawn(process.execPath, ["--import", "tsx", "matter-bridge/main.ts", ...args], { cwd: ROOT, env });
  children.add(child);
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    out += d.toString();
  });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on("exit", (code, signal) => {
      done = true;
      children.delete(child);
      r({ code, signal });
    }),
  );
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const m = out.match(pattern);
      if (m) return m;
      if (done || Date.now() > until) throw new Error(`${done ? "exited" : "timed out"} before ${pattern}:\n${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, output: () => out, waitFor, exited };
}

async function startBridge(storage: string, config: string, extra: string[] = [], opts: { pty?: boolean } = {}) {
  const matterPort = await freeUdpPort();
  const bridge = launch(["--storage", storage, "--config", config, "--matter-port", String(matterPort), "--api-port", "0", ...extra], opts);
  const [, ms, url] = await bridge.waitFor(READY);
  startupMs.push(Number(ms));
  const token = (await readFile(join(storage, "api-token"), "utf8")).trim();
  return { ...bridge, url, token };
}
const startupMs: number[] = [];
afterAll(() => {
  if (startupMs.length) process.stdout.write(`bridge start-up to ready: ${startupMs.join(", ")} ms\n`);
});

const panelState = async (storage: string) => JSON.parse(await readFile(join(storage, "panels", "panel-1.json"), "utf8"));
const ledgerFile = async (storage: string) => JSON.parse(await readFile(join(storage, "ledger.json"), "utf8"));

describe("bridge CLI", () => {
  it("exits 2 on a bad flag and 0 with the usage for --help", async () => {
    const bad = launch(["--frobnicate"]);
    expect((await bad.exited).code).toBe(2);
    expect(bad.output()).toMatch(/Unknown flag --frobnicate/);
    expect(bad.output()).toMatch(/Usage:/);
    const port = launch(["--api-port", "http"]);
    expect((await port.exited).code).toBe(2);
    expect(port.output()).toMatch(/--api-port/);
    const help = launch(["--help"]);
    expect((await help.exited).code).toBe(0);
    expect(help.output()).toMatch(/--acknowledge-caution/);
  });

  it("exits non-zero naming the field for a bad config, and leaves no bridge running", async () => {
    const dir = await tempDir();
    const config = await configFile(dir, { panels: [{ id: "panel-1", name: "P", driver: { kind: "shelly" } }], dose: { minSessionSeconds: -1 } });
    const bad = launch(["--storage", join(dir, "data"), "--config", config, "--api-port", "0"]);
    const { code } = await bad.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(bad.output()).toMatch(/panels\[0\]\.driver\.url/);
    expect(bad.output()).toMatch(/dose\.minSessionSeconds/);
    expect(bad.output()).not.toMatch(/bridge ready/);
  });

  it("without a terminal and no acknowledgement: says how to acknowledge and refuses sessions", async () => {
    const storage = await tempDir();
    const b = await startBridge(storage, await configFile(storage));
    const out = b.output();
    expect(out).toMatch(/NOT acknowledged/);
    expect(out).toMatch(/--acknowledge-caution/);
    expect(out).toMatch(/POST .*\/v1\/caution\/acknowledge/);
    expect(out).toMatch(/Alexa/);
    expect(out).toContain(`in ${join(storage, "api-token")}`);
    expect(out).not.toContain(b.token);
    expect(out).toMatch(/Manual pairing code: [\d-]{11,13}/);
    const refused = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "mid-back", seconds: 5 } });
    expect([refused.status, refused.body.error.code]).toEqual([409, "CAUTION_REQUIRED"]);
    b.child.kill("SIGTERM");
    expect((await b.exited).code).toBe(0);
  });

  it("--acknowledge-caution, a session over the API, then SIGTERM: exit 0, panel off, session closed", async () => {
    const storage = await tempDir();
    const b = await startBridge(storage, await configFile(storage), ["--acknowledge-caution"]);
    expect((await call(b.url, "GET", "/v1/health")).body).toEqual({ status: "ok" });
    expect(b.output()).toMatch(/Caution: +acknowledged \(version 1/);
    const started = await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "neck-shoulders", seconds: 60 } });
    expect(started.status).toBe(201);
    expect((await panelState(storage)).on).toBe(true);

    b.child.kill("SIGTERM");
    expect(await b.exited).toEqual({ code: 0, signal: null });
    expect((await panelState(storage)).on).toBe(false);
    const ledger = await ledgerFile(storage);
    expect(ledger.caution).toMatchObject({ version: 1, source: "cli-flag" });
    expect(ledger.sessions).toHaveLength(1);
    expect(ledger.sessions[0]).toMatchObject({ id: started.body.session.id, endReason: "shutdown", plannedSeconds: 60 });
    expect(ledger.sessions[0].deliveredSeconds).toBeLessThan(10);
  });

  it("after SIGKILL mid-session the restarted bridge has the panel off when ready and counts the session in full", async () => {
    const storage = await tempDir();
    const config = await configFile(storage);
    const first = await startBridge(storage, config, ["--acknowledge-caution"]);
    const started = await call(first.url, "POST", "/v1/sessions", { token: first.token, body: { region: "mid-back", seconds: 60 } });
    expect(started.status).toBe(201);
    first.child.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    expect((await panelState(storage)).on).toBe(true);

    const second = await startBridge(storage, config);
    expect((await panelState(storage)).on).toBe(false);
    expect(second.output()).toMatch(/had no recorded end: counted as fully delivered/);
    const [session] = (await call(second.url, "GET", "/v1/history?days=1", { token: second.token })).body.sessions;
    expect(session).toMatchObject({ id: started.body.session.id, seconds: 60, deliveredSeconds: 60, endReason: "recovered-after-restart" });
    const dose = (await call(second.url, "GET", "/v1/dose", { token: second.token })).body;
    expect(dose.onSeconds24h).toBe(60);
    expect(dose.regions["mid-back"]).toMatchObject({ sessions24h: 1, usedFluenceJPerCm2: 1.44 });
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  });

  it("on a terminal, asks the first-run caution and records 'no' as the household acknowledgement", async () => {
    const storage = await tempDir();
    const b = await startBridge(storage, await configFile(storage), [], { pty: true });
    await b.waitFor(/Does any of this apply to anyone who will use the panel\?/);
    expect(b.output().replace(/\s+/g, " ")).toContain(cautionText());
    b.child.stdin.write("n\r");
    await b.waitFor(/acknowledgement is recorded/);
    expect((await ledgerFile(storage)).caution).toMatchObject({ version: 1, source: "cli-prompt" });
    expect((await call(b.url, "GET", "/v1/dose", { token: b.token })).body.cautionAcknowledged).toBe(true);
    expect((await call(b.url, "POST", "/v1/sessions", { token: b.token, body: { region: "mid-back", seconds: 30 } })).status).toBe(201);
    // Ctrl-C on the terminal: the same clean shutdown as SIGINT.
    b.child.stdin.write("\x03");
    // (toEqual, so a failure prints the bridge's last output too.)
    expect({ ...(await b.exited), output: b.output().slice(-800) }).toEqual({ code: 0, signal: null, output: expect.stringMatching(/Bridge stopped: every panel is off/) });
    expect((await panelState(storage)).on).toBe(false);
  });
});
