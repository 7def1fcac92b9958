/**
 * `npm test` is quiet: the AWS SDK v2 that virtual-alexa pulls in prints no end-of-support notice,
 * and the AWS SDK v3 no Node-version warning, in the processes the test run starts (jest.config.js
 * sets their documented switches).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "@jest/globals";

const loadSdk = "require('aws-sdk'); setTimeout(() => {}, 50);";
const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ["-e", loadSdk], { env, encoding: "utf8" }).stderr;

describe("a quiet test run", () => {
  it("AWS SDK v2 prints its notice without the switch, and nothing with the environment jest.config.js gives", async () => {
    const { AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: _, ...bare } = process.env;
    expect(run(bare)).toMatch(/end-of-support/);
    const before = { ...process.env };
    delete process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE;
    try {
      await import(`../../jest.config.js?fresh=${Date.now()}`);
      expect(process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE).toBeDefined();
      expect(run(process.env)).toBe("");
    } finally {
      process.env = before;
    }
  });

  it("AWS SDK v3 warns about Node 20 without the switch, and says nothing with the environment jest.config.js gives", () => {
    const loadV3 = "const { DynamoDBClient } = require('@aws-sdk/client-dynamodb'); new DynamoDBClient({ region: 'eu-west-1' });";
    const runV3 = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ["-e", loadV3], { env, encoding: "utf8" }).stderr;
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...bare } = process.env;
    if (Number(process.versions.node.split(".")[0]) < 22) expect(runV3(bare)).toMatch(/NodeVersionSupportWarning/);
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe("true");
    expect(runV3(process.env)).toBe("");
  });
});
