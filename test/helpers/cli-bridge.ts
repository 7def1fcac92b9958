/**
 * The bridge CLI as a child process (`main.ts`, or the README's `npm start` on a terminal): real
 * matter.js node, real API, simulated panel, a temp storage dir per bridge.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "@jest/globals";
import { readLedger } from "../../matter-bridge/dose/ledger.js";
import { bridgeIsStale, buildBridge } from "../../scripts/build-bridge.mjs";
import { tempDirs } from "./temp-dirs.js";

const ROOT = resolve(import.meta.dirname, "../..");
export const READY = /bridge ready in (\d+) ms .*API (http:\/\/[\d.:]+)\)/;

/**
 * The compiled bridge, as production runs it. test/global-setup.js builds it once per run when a
 * source is newer; built here too should one change during the run.
 */
const ENTRY = "dist/bridge/main.js";
beforeAll(async () => {
  if (bridgeIsStale()) await buildBridge();
}, 120_000);

const children = new Set<ChildProcessWithoutNullStreams>();
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

/** A new temp folder, removed after the test file's tests. */
export const tempDir = tempDirs("biolight-cli-");

export async function freeUdpPort(): Promise<number> {
  const socket = createSocket("udp6");
  await new Promise<void>((r) => socket.bind(0, "::", () => r()));
  const { port } = socket.address();
  await new Promise<void>((r) => socket.close(() => r()));
  return port;
}

/** Second-scale limits so a test can run a whole session. */
export async function configFile(
  dir: string,
  json: unknown = {
    panels: [{ id: "panel-1", name: "Test panel", driver: { kind: "simulated" } }],
    dose: { minSessionSeconds: 1, maxSessionSeconds: 120, minRestSameRegionSeconds: 0 },
  },
): Promise<string> {
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
 * Starts the compiled bridge (`main.ts` bundled). With `pty`, runs the README's `npm start` under
 * util-linux `script` so stdin and stdout are a terminal, as for a user. `script` runs the command with `$SHELL -c` (dash when SHELL
 * is unset, as under CI); dash does not exec a lone command and dies of the terminal's SIGINT at
 * once, so the command is `exec`ed and SHELL removed to make every runner behave the same.
 */
export function launch(
  args: string[],
  { pty = false, env: extraEnv = {}, user }: { pty?: boolean; env?: NodeJS.ProcessEnv; user?: { uid: number; gid: number } } = {},
): Bridge {
  const { SHELL: _, ...env } = { ...cleanEnv(), ...extraEnv };
  const child = pty
    ? spawn("/usr/bin/script", ["-qfec", `exec npm start -- ${args.map(shellQuote).join(" ")}`, "/dev/null"], {
        cwd: ROOT,
        env: { ...env, NPM_CONFIG_UPDATE_NOTIFIER: "false" },
      })
    : // `user`: as another user (the test runs as root); libuv drops the supplementary groups too.
      spawn(process.execPath, [ENTRY, ...args], { cwd: ROOT, env, ...user });
  children.add(child);
  let out = "";
  /** Called on every chunk of output and at exit: a waitFor looks again. */
  const wakers = new Set<() => void>();
  const append = (d: Buffer) => {
    out += d.toString();
    for (const wake of wakers) wake();
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on("exit", (code, signal) => {
      done = true;
      children.delete(child);
      for (const wake of wakers) wake();
      r({ code, signal });
    }),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 45_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const look = () => {
        const m = out.match(pattern);
        if (!m && !done) return;
        stop();
        if (m) resolve(m);
        else reject(new Error(`exited before ${pattern}:\n${out}`));
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`timed out before ${pattern}:\n${out}`));
      }, timeoutMs);
      const stop = () => {
        clearTimeout(timer);
        wakers.delete(look);
      };
      wakers.add(look);
      look();
    });
  return { child, output: () => out, waitFor, exited };
}

export async function startBridge(
  storage: string,
  config: string,
  extra: string[] = [],
  opts: { pty?: boolean; env?: NodeJS.ProcessEnv; user?: { uid: number; gid: number } } = {},
) {
  const matterPort = await freeUdpPort();
  const bridge = launch(["--storage", storage, "--config", config, "--matter-port", String(matterPort), "--api-port", "0", ...extra], opts);
  const [, ms, url] = await bridge.waitFor(READY);
  startupMs.push(Number(ms));
  const token = (await readFile(join(storage, "api-token"), "utf8")).trim();
  return { ...bridge, url, token, matterPort };
}
const startupMs: number[] = [];
afterAll(() => {
  if (startupMs.length) process.stdout.write(`bridge start-up to ready: ${startupMs.join(", ")} ms\n`);
});

export const panelState = async (storage: string) => JSON.parse(await readFile(join(storage, "panels", "panel-1.json"), "utf8"));
/** The ledger as its files hold it (snapshot + journal). */
export const ledgerFile = (storage: string) => readLedger(storage);
