/**
 * `npm run build`: one CommonJS bundle exporting an async `handler`, without matter.js, loaded the
 * way Lambda loads it (a separate Node process, `require`), answering real requests against a bridge.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import dynalite from "dynalite";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { intentRequest, launchRequest } from "../helpers/envelopes.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const bundle = join(root, "dist/lambda/index.js");

const tempDir = tempDirs("biolight-bundle-");
let bridge: ControlBridge;
let dataDir: string;
let buildOutput: string;
beforeAll(async () => {
  buildOutput = (await run(process.execPath, [join(root, "scripts/build-lambda.mjs")], { cwd: root })).stdout;
  bridge = await startControlBridge({ acknowledged: true });
  dataDir = await tempDir();
}, 60_000);
afterAll(async () => {
  await bridge.close();
});

/** Runs the bundle in a fresh Node process as Lambda would, one event after another. */
async function lambda(events: unknown[], env: Record<string, string>) {
  const script = `
    const { handler } = require(${JSON.stringify(bundle)});
    (async () => {
      const out = [];
      for (const e of JSON.parse(process.argv[1])) out.push(await handler(e, {}));
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ["-e", script, JSON.stringify(events)], {
    cwd: dataDir, // not the package root: nothing from node_modules can be picked up by accident
    env: { PATH: process.env.PATH ?? "", NODE_PATH: "", ...env },
  });
  return JSON.parse(stdout) as Array<{
    response: { outputSpeech?: { ssml: string }; directives?: Array<{ type: string; name?: string }> };
    sessionAttributes?: Record<string, unknown>;
  }>;
}

it("builds a CommonJS bundle and zip without matter.js and says how big they are", async () => {
  expect(buildOutput).toMatch(/dist\/lambda\/index\.js [\d.]+ KiB, dist\/lambda\.zip [\d.]+ KiB/);
  // The link function (an IoT topic rule invokes it) is its own handler in the same zip.
  expect(buildOutput).toMatch(/the link function: dist\/lambda\/link-function\.js [\d.]+ KiB/);
  const linkFunction = await readFile(join(root, "dist/lambda/link-function.js"), "utf8");
  expect(linkFunction).not.toMatch(/@matter\/|@project-chip|ServerNode/);
  const code = await readFile(bundle, "utf8");
  expect(code).not.toMatch(/@matter\/|@project-chip|ServerNode|AggregatorEndpoint/);
  expect(code).toContain("module.exports");
  expect(JSON.parse(await readFile(join(root, "dist/lambda/package.json"), "utf8"))).toEqual({ type: "commonjs" });
  const zip = await readFile(join(root, "dist/lambda.zip"));
  expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
  expect(zip.includes(Buffer.from("index.js")) && zip.includes(Buffer.from("package.json"))).toBe(true);
  expect(zip.includes(Buffer.from("link-function.js"))).toBe(true);
});

it("the bundle's handler answers a launch and a start against the bridge, with file persistence", async () => {
  const userId = "amzn1.ask.account.BUNDLE";
  const env = { BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: join(dataDir, "skill") };
  const [launch, start] = await lambda(
    [launchRequest({ userId }), intentRequest("StartSessionIntent", { region: { value: "neck", id: "neck-shoulders" } }, { userId })],
    env,
  );
  expect(launch.response.outputSpeech?.ssml).toContain("Welcome to Bio Light");
  expect(start.response.outputSpeech?.ssml).toContain("Does any of this apply");
  const [yes] = await lambda([intentRequest("AMAZON.NoIntent", {}, { userId, sessionAttributes: start.sessionAttributes })], env);
  expect(yes.response.outputSpeech?.ssml).toContain("Starting your neck and shoulders session");
  expect((await bridge.panel()).on).toBe(true);
});

it("the bundle reads the caution at first launch, names what stops a session, asks for Timers and shows a screen", async () => {
  const userId = "amzn1.ask.account.BUNDLE-ECHO-SHOW";
  const env = { BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, SKILL_DATA_DIR: join(dataDir, "skill") };
  await bridge.controller.stop(bridge.controller.config.panels[0].id, "test");
  const [launch] = await lambda([launchRequest({ userId })], env);
  expect(launch.response.outputSpeech?.ssml).toContain("Does any of this apply");
  const [no] = await lambda([intentRequest("AMAZON.NoIntent", {}, { userId, sessionAttributes: launch.sessionAttributes })], env);
  expect(no.response.outputSpeech?.ssml).not.toContain("Does any of this apply");
  const [start] = await lambda(
    [intentRequest("StartSessionIntent", { region: { value: "mid back", id: "mid-back" } }, { userId, apl: true })],
    env,
  );
  const said = start.response.outputSpeech?.ssml ?? "";
  expect(said).toContain("Alexa, tell bio light to stop");
  expect(said).toContain(`Alexa, turn off ${bridge.controller.config.panels[0].name}`);
  const directives = start.response.directives ?? [];
  expect(directives.map((d) => d.type)).toEqual(
    expect.arrayContaining(["Alexa.Presentation.APL.RenderDocument", "Connections.SendRequest"]),
  );
  expect(directives.find((d) => d.type === "Connections.SendRequest")?.name).toBe("AskFor");
});

it("with PERSISTENCE=dynamodb the bundle keeps user data in the table (dynalite via AWS_ENDPOINT_URL_DYNAMODB)", async () => {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const aws = { AWS_ENDPOINT_URL_DYNAMODB: endpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };
    const client = new DynamoDBClient({ endpoint, region: aws.AWS_REGION, credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    await client.send(
      new CreateTableCommand({
        TableName: "users",
        AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
    client.destroy();
    const userId = "amzn1.ask.account.BUNDLE-DDB";
    const env = { ...aws, BRIDGE_URL: bridge.url, BRIDGE_TOKEN: bridge.token, PERSISTENCE: "dynamodb", DYNAMODB_TABLE: "users" };
    const [spasm] = await lambda([intentRequest("LogSpasmIntent", {}, { userId })], env);
    expect(spasm.response.outputSpeech?.ssml).toContain("That's 1 in the last 7 days");
    const [again] = await lambda([intentRequest("LogSpasmIntent", {}, { userId })], env); // a new process: a cold start
    expect(again.response.outputSpeech?.ssml).toContain("That's 2 in the last 7 days");
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

it("a bad environment fails the invocation with a message naming the variable", async () => {
  await expect(lambda([launchRequest()], { BRIDGE_URL: "ftp://nowhere", BRIDGE_TOKEN: "x" })).rejects.toThrow(/BRIDGE_URL/);
  await expect(lambda([launchRequest()], { BRIDGE_TOKEN: "x", PERSISTENCE: "dynamodb" })).rejects.toThrow(/DYNAMODB_TABLE: is required/);
});
