/**
 * `npm run say` as a user runs it: a child process with the real interaction model and skill,
 * talking to a running bridge over HTTP, keeping its user data in SKILL_DATA_DIR.
 */
import { execFile, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");
const script = join(root, "scripts/say.ts");

const tempDir = tempDirs("biolight-say-");
let bridge: ControlBridge;
let dataDir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  bridge = await startControlBridge(); // a new household: nothing acknowledged yet
  dataDir = await tempDir();
  env = { ...process.env, NODE_OPTIONS: "", BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: dataDir };
});
afterAll(async () => {
  await bridge.close();
});

const say = async (...args: string[]) => (await promisify(execFile)(tsx, [script, ...args], { cwd: root, env })).stdout;

function interactive(lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script], { cwd: root, env, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${out}`))));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

it("a new user hears the caution; 'no' in the next call starts the session on the bridge", async () => {
  const first = await say("start a low back session");
  expect(first).toContain("alexa> Before your first session, a safety check.");
  expect(first).toContain("Does any of this apply to you?");
  expect(first).toContain("Alexa is waiting for an answer");
  expect((await bridge.panel()).on).toBe(false);

  const second = await say("no");
  expect(second).toContain("alexa> Thanks. I've noted that none of those apply. Starting your low back and hips session");
  expect(await bridge.panel()).toMatchObject({ on: true });
  expect(bridge.controller.status()[0].region).toBe("low-back-hips");
  expect(bridge.ledger.caution()?.source).toBe("alexa");
}, 30_000);

it("the interactive mode keeps the conversation: time left, stop, and words it does not know", async () => {
  const out = await interactive(["how long is left", "stop the panel", "flibber the gibbet", "exit"]);
  expect(out).toMatch(/alexa> Your low back and hips session has .* left/);
  expect(out).toMatch(/alexa> Stopped\. Your low back and hips had/);
  expect(out).toContain("alexa> Sorry, I didn't get that.");
  expect((await bridge.panel()).on).toBe(false);
}, 30_000);

it("--new-user hears the caution again; a missing bridge token is a clear error", async () => {
  // Two runs of their own, side by side (each is a Node start-up with the skill loaded).
  const failing = promisify(execFile)(tsx, [script, "help"], { cwd: root, env: { ...env, BRIDGE_TOKEN: "", BRIDGE_STORAGE: dataDir } });
  const caught = failing.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(await say("--new-user", "start a neck session")).toContain("Does any of this apply to you?");
  expect(await caught).toMatchObject({ stderr: expect.stringContaining("No bridge token: set BRIDGE_TOKEN") });
}, 30_000);
