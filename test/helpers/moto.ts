/**
 * moto_server, the AWS API emulator, on a free loopback port: real AWS SDK v3 calls (IoT,
 * DynamoDB) against it, no AWS account. Where it is missing, test/machine-parts.js leaves out the
 * test files that import this helper, with one loud line (a failure under CI=true).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { freeTcpPort } from "./ports.js";
import { until } from "./until.js";

export interface Moto {
  endpoint: string;
  /** What an AWS SDK v3 client needs to talk to it. */
  client: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  close(): Promise<void>;
}

export async function startMoto(region = "eu-west-1"): Promise<Moto> {
  const port = await freeTcpPort();
  const child: ChildProcess = spawn("moto_server", ["-p", String(port)], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
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
    client: { endpoint, region, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } },
    async close() {
      child.kill();
      await exited;
    },
  };
}
