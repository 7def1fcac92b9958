/**
 * Skill user data: the DynamoDB adapter against dynalite (a real DynamoDB API server), the file
 * adapter across restarts, and corrupt data that must never count as an acknowledged caution.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import dynalite from "dynalite";
import { DynamoDbPersistenceAdapter } from "../../lambda/user-data/persistence/dynamodb.js";
import { userFileName } from "../../lambda/user-data/persistence/user-key.js";
import { CAUTION_VERSION } from "../../matter-bridge/contract/index.js";
import { type ControlBridge, startControlBridge } from "../helpers/control-bridge.js";
import { intentRequest, invoke, launchRequest } from "../helpers/envelopes.js";
import { tempDirs } from "../helpers/temp-dirs.js";
import { testSkill } from "../helpers/voice.js";

const USER = "amzn1.ask.account.PERSIST";
const region = (id: string) => ({ value: id, id });
const TABLE = "biolight-users";

const tempDir = tempDirs("biolight-persist-");
let bridge: ControlBridge;
let dir: string;
beforeAll(async () => {
  bridge = await startControlBridge({
    acknowledged: true,
    config: { dose: { minSessionSeconds: 1, maxSessionSeconds: 30, minRestSameRegionSeconds: 0 } },
  });
  dir = await tempDir();
});
afterAll(async () => {
  await bridge.close();
});

/** Caution → no through the skill, then the panel switched off again. */
async function acknowledgeThrough(skill: Awaited<ReturnType<typeof testSkill>>["skill"], userId = USER) {
  const ask = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, { userId }));
  expect(ask.text).toContain("Does any of this apply");
  const yes = await invoke(skill, intentRequest("AMAZON.NoIntent", {}, { userId, sessionAttributes: ask.attributes }));
  expect(yes.text).toContain("Starting your mid back session");
  await invoke(skill, intentRequest("StopSessionIntent", {}, { userId }));
}

describe("DynamoDB adapter against dynalite", () => {
  let server: ReturnType<typeof dynalite>;
  let endpoint: string;
  const aws = () => ({ endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });

  beforeAll(async () => {
    server = dynalite({ createTableMs: 0 });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new DynamoDBClient(aws());
    await client.send(
      new CreateTableCommand({
        TableName: TABLE,
        AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
    client.destroy();
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("stores, reads, keeps users apart and deletes", async () => {
    const adapter = new DynamoDbPersistenceAdapter(TABLE, aws());
    const a = launchRequest({ userId: "amzn1.ask.account.A" });
    const b = launchRequest({ userId: "amzn1.ask.account.B" });
    expect(await adapter.getAttributes(a)).toEqual({});
    await adapter.saveAttributes(a, { spasms: [1, 2], caution: { version: 1, acknowledgedAt: 5 } });
    await adapter.saveAttributes(b, { spasms: [3] });
    expect(await adapter.getAttributes(a)).toEqual({ spasms: [1, 2], caution: { version: 1, acknowledgedAt: 5 } });
    expect(await adapter.getAttributes(b)).toEqual({ spasms: [3] });
    await adapter.deleteAttributes(a);
    expect(await adapter.getAttributes(a)).toEqual({});
    adapter.destroy();
  });

  it("the skill keeps the caution acknowledgement and logs in the table across a restart", async () => {
    const first = await testSkill(bridge.url, bridge.token, { persistence: new DynamoDbPersistenceAdapter(TABLE, aws()) });
    await acknowledgeThrough(first.skill);
    await invoke(first.skill, intentRequest("LogSpasmIntent", {}, { userId: USER }));

    const raw = new DynamoDBClient(aws());
    const item = await raw.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: USER } } }));
    raw.destroy();
    // Kept for the person (one at home, without people in the bridge's config: the household).
    expect(item.Item?.attributes?.M?.people?.M?.household?.M?.caution?.M?.version?.N).toBe(String(CAUTION_VERSION));

    const restarted = await testSkill(bridge.url, bridge.token, { persistence: new DynamoDbPersistenceAdapter(TABLE, aws()) });
    const r = await invoke(restarted.skill, intentRequest("StartSessionIntent", { region: region("neck-shoulders") }, { userId: USER }));
    expect(r.text).toContain("Starting your neck and shoulders session");
    await invoke(restarted.skill, intentRequest("StopSessionIntent", {}, { userId: USER }));
    expect((await invoke(restarted.skill, intentRequest("LogSpasmIntent", {}, { userId: USER }))).text).toContain(
      "That's 2 in the last 7 days",
    );
  });

  it("a table that does not exist is an apology, not a crash", async () => {
    const { skill } = await testSkill(bridge.url, bridge.token, { persistence: new DynamoDbPersistenceAdapter("no-such-table", aws()) });
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, { userId: USER }));
    expect(r.text).toContain("Sorry, something went wrong");
    expect((await bridge.panel()).on).toBe(false);
  });
});

describe("file adapter", () => {
  it("keeps a user's acknowledgement and logs across restarts, one hashed file per user", async () => {
    const dataDir = join(dir, "restart");
    const first = await testSkill(bridge.url, bridge.token, { dataDir });
    await acknowledgeThrough(first.skill);
    expect(await readdir(dataDir)).toEqual([userFileName(USER)]);
    expect(userFileName(USER)).toMatch(/^[0-9a-f]{64}\.json$/);

    const restarted = await testSkill(bridge.url, bridge.token, { dataDir });
    const r = await invoke(restarted.skill, intentRequest("StartSessionIntent", { region: region("low-back-hips") }, { userId: USER }));
    expect(r.text).toContain("Starting your low back and hips session");
    await invoke(restarted.skill, intentRequest("StopSessionIntent", {}, { userId: USER }));
  });

  it.each([
    ["not JSON at all", "{{{ not json"],
    ["a JSON array", "[1,2,3]"],
    ["a truncated write", '{"caution":{"version":1,"acknowledg'],
  ])("%s: recovers, keeps the bad file aside, and asks the caution again", async (_name, content) => {
    const dataDir = await tempDir("corrupt-");
    await writeFile(join(dataDir, userFileName(USER)), content);
    const { skill } = await testSkill(bridge.url, bridge.token, { dataDir });
    const r = await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, { userId: USER }));
    expect(r.text).toContain("Does any of this apply");
    expect((await bridge.panel()).on).toBe(false);
    const files = await readdir(dataDir);
    const aside = files.find((f) => f.includes(".corrupt-"));
    expect(aside).toBeDefined();
    expect(await readFile(join(dataDir, aside!), "utf8")).toBe(content);
  });

  it("fields that do not parse are dropped one by one: a bad caution is not an acknowledgement, good logs stay", async () => {
    const dataDir = await tempDir("fields-");
    const now = Date.now();
    await writeFile(
      join(dataDir, userFileName(USER)),
      JSON.stringify({ caution: { version: "yes" }, spasms: [now - 1000], tenderness: "lots" }),
    );
    const { skill } = await testSkill(bridge.url, bridge.token, { dataDir });
    expect((await invoke(skill, intentRequest("StartSessionIntent", { region: region("mid-back") }, { userId: USER }))).text).toContain(
      "Does any of this apply",
    );
    expect((await invoke(skill, intentRequest("LogSpasmIntent", {}, { userId: USER }))).text).toContain("That's 2 in the last 7 days");
    const saved = JSON.parse(await readFile(join(dataDir, userFileName(USER)), "utf8"));
    expect(saved.caution).toBeUndefined();
    expect(saved.tenderness).toEqual([]);
    // The good logs moved to the person (the household) with the new one.
    expect(saved.people.household).toMatchObject({ spasms: [now - 1000, expect.any(Number)], tenderness: [] });
    expect(saved.people.household.caution).toBeUndefined();
  });
});
