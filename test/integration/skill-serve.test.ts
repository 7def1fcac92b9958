/**
 * `npm run skill:serve`: the skill over HTTP with Alexa's request verification on. Without a valid
 * signature (and a fresh timestamp) a request is refused and nothing reaches the bridge.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { intentRequest } from "../helpers/envelopes.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
let bridge: ControlBridge;
let child: ChildProcess;
let dataDir: string;
let base: string;

beforeAll(async () => {
  bridge = await startControlBridge({ acknowledged: true });
  dataDir = await tempDir();
  child = spawn(join(root, "node_modules/.bin/tsx"), [join(root, "lambda/entry/serve.ts")], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: "", BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: dataDir, SKILL_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(d.toString());
      if (m) {
        base = m[1];
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`skill:serve exited with ${code}`)));
  });
}, 30_000);

afterAll(async () => {
  child?.kill("SIGTERM");
  await bridge.close();
});
/** Below the afterAll above (hooks run in order): the folder goes once what runs in it is closed. */
const tempDir = tempDirs("biolight-serve-");

it("answers its health check and says verification is on", async () => {
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
});

it.each([
  ["no signature headers", {}],
  [
    "a forged signature",
    { Signature: "bm90LWEtc2lnbmF0dXJl", SignatureCertChainUrl: "https://s3.amazonaws.com/echo.api/echo-api-cert.pem" },
  ],
  ["a certificate from elsewhere", { Signature: "bm90LWEtc2lnbmF0dXJl", SignatureCertChainUrl: "https://evil.example/echo.api/cert.pem" }],
])("refuses a request with %s and starts nothing", async (_name, headers) => {
  const envelope = intentRequest(
    "StartSessionIntent",
    { region: { value: "neck", id: "neck-shoulders" } },
    { userId: "amzn1.ask.account.SERVE" },
  );
  const res = await fetch(`${base}/alexa`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(envelope),
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect((await bridge.panel()).on).toBe(false);
  expect(bridge.ledger.history(0)).toHaveLength(0);
});
