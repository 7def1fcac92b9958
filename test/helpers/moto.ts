/**
 * moto's server, the AWS API emulator, on a free port: real AWS SDK calls (DynamoDB, IoT) with no
 * AWS account. A test file that imports this helper is left out, loudly, where moto is not
 * installed (test/machine-parts.js).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { TABLE_KEYS } from "../../lambda/households/schema.js";
import { freeTcpPort } from "./ports.js";
import { until } from "./until.js";

export interface Moto {
  endpoint: string;
  /** Client options for the AWS SDK v3 pointing at this server. */
  aws: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  close(): Promise<void>;
}

export async function startMoto(): Promise<Moto> {
  const port = await freeTcpPort();
  const child: ChildProcess = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  await until(
    () =>
      fetch(`${endpoint}/moto-api/`).then(
        (r) => r.ok,
        () => false,
      ),
    "moto_server",
    30_000,
    100,
  );
  return {
    endpoint,
    aws: { endpoint, region: "eu-west-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } },
    async close() {
      child.kill();
      await exited;
    },
  };
}

/** The household table as deploy/template.yaml makes it (keys pk/sk, TTL on `ttl`). */
export async function createHouseholdTable(moto: Moto, table: string): Promise<void> {
  const client = new DynamoDBClient(moto.aws);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        AttributeDefinitions: [
          { AttributeName: TABLE_KEYS.partition, AttributeType: "S" },
          { AttributeName: TABLE_KEYS.sort, AttributeType: "S" },
        ],
        KeySchema: [
          { AttributeName: TABLE_KEYS.partition, KeyType: "HASH" },
          { AttributeName: TABLE_KEYS.sort, KeyType: "RANGE" },
        ],
        BillingMode: "PAY_PER_REQUEST",
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttl, Enabled: true } }),
    );
  } finally {
    client.destroy();
  }
}
