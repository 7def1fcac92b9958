/**
 * POST /provision, the provisioning function served over HTTP as API Gateway would, against
 * "moto_server" for AWS IoT and DynamoDB (real AWS SDK v3 calls): a spoken code makes a thing with a
 * certificate from the CSR and binds the Alexa user who asked for the code; every refusal is
 * clear and makes nothing. The link codes are the households module's (the skill's and the link function's).
 */
import { execFile } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { CreatePolicyCommand, DescribeThingCommand, IoTClient, ListThingPrincipalsCommand, ListThingsCommand } from "@aws-sdk/client-iot";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { HouseholdStore } from "../../lambda/households/store.js";
import { handleProvision } from "../../lambda/provision/handler.js";
import { joinCloud } from "../../matter-bridge/cloud/join.js";
import { ProvisionResponseSchema } from "../../matter-bridge/contract/provision.js";
import { serveHttpApi } from "../helpers/api-gateway.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { createHouseholdTable, type Moto, startMoto } from "../helpers/moto.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const run = promisify(execFile);
const tempDir = tempDirs("biolight-provision-endpoint-");
const ENDPOINT = "a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com";

let moto: Moto;
let iot: IoTClient;
let store: HouseholdStore;
let url: string;
let close: () => Promise<void>;
let sourceIp = "198.51.100.7";
const clock = new FakeClock(Date.parse("2026-03-01T10:00:00Z"));

beforeAll(async () => {
  moto = await startMoto();
  iot = new IoTClient(moto.aws);
  await iot.send(
    new CreatePolicyCommand({ policyName: "biolight-household", policyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [] }) }),
  );
  await createHouseholdTable(moto, "households");
  store = new HouseholdStore({ table: "households", now: () => clock.now(), dynamo: moto.aws });
  ({ url, close } = await serveHttpApi(
    (event) =>
      handleProvision(event, { iot, households: store, policyName: "biolight-household", endpoint: async () => ENDPOINT, log: () => {} }),
    () => sourceIp,
  ));
}, 40_000);
afterAll(async () => {
  await close?.();
  store?.destroy();
  iot?.destroy();
  await moto?.close();
});

async function csr(): Promise<string> {
  const dir = await tempDir();
  await run("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", join(dir, "k.pem")]);
  await run("openssl", ["req", "-new", "-key", join(dir, "k.pem"), "-subj", "/CN=anything", "-out", join(dir, "r.csr")]);
  return readFile(join(dir, "r.csr"), "utf8");
}
const post = async (body: unknown) => {
  const res = await fetch(`${url}/provision`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } & Record<string, unknown> };
};
const thingCount = async () => (await iot.send(new ListThingsCommand({}))).things?.length ?? 0;

describe("POST /provision (moto_server as AWS)", () => {
  it("makes the thing (a generated name, not the CSR's), its certificate and the user's binding, and answers them", async () => {
    const { code } = await store.issueCode("amzn1.ask.account.ANNA");
    const { status, body } = await post({ code: `${code.slice(0, 3)} ${code.slice(3)}`, csr: await csr() });
    expect(status).toBe(201);
    const answer = ProvisionResponseSchema.parse(body);
    expect(answer.thing).toMatch(/^bl-[0-9a-f]{16}$/);
    expect(answer.endpoint).toBe(ENDPOINT);
    expect((await iot.send(new DescribeThingCommand({ thingName: answer.thing }))).thingName).toBe(answer.thing);
    expect((await iot.send(new ListThingPrincipalsCommand({ thingName: answer.thing }))).principals?.[0]).toContain(answer.certificateId);
    expect(await store.thingOf("amzn1.ask.account.ANNA")).toBe(answer.thing);
    // The code works once.
    const again = await post({ code, csr: await csr() });
    expect([again.status, again.body.error?.code]).toEqual([409, "CODE_USED"]);
  });

  it("refuses a bad CSR before the code is used (the same code then works), and a request of the wrong shape", async () => {
    const { code } = await store.issueCode("amzn1.ask.account.BEN");
    const before = await thingCount();
    const bad = await post({ code, csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n" });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "BAD_CSR"]);
    expect(bad.body.error?.message).toMatch(/The code was not used/);
    const shape = await post({ code: "12345", csr: await csr(), thing: "someone-elses-home" });
    expect([shape.status, shape.body.error?.code]).toEqual([400, "BAD_REQUEST"]);
    expect(shape.body.error?.message).toMatch(/code.*6 digits/);
    expect(await thingCount()).toBe(before);
    expect((await post({ code, csr: await csr() })).status).toBe(201);
  });

  it("refuses an expired code, and wrong codes past 5 an hour from one address, making nothing", async () => {
    const { code } = await store.issueCode("amzn1.ask.account.CARA");
    clock.advance(11 * 60_000);
    const before = await thingCount();
    const expired = await post({ code, csr: await csr() });
    expect([expired.status, expired.body.error?.code]).toEqual([410, "CODE_EXPIRED"]);
    sourceIp = "203.0.113.9";
    const fresh = await store.issueCode("amzn1.ask.account.CARA");
    const wrong = String((Number(fresh.code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) expect((await post({ code: wrong, csr: await csr() })).body.error?.code).toBe("CODE_UNKNOWN");
    const limited = await post({ code: fresh.code, csr: await csr() });
    expect([limited.status, limited.body.error?.code]).toEqual([429, "TOO_MANY_TRIES"]);
    expect(await thingCount()).toBe(before);
    expect(await store.thingOf("amzn1.ask.account.CARA")).toBeUndefined();
    // Another address is not held back by this one's mistakes.
    sourceIp = "192.0.2.44";
    expect((await post({ code: fresh.code, csr: await csr() })).status).toBe(201);
  });
});

describe("cloud join against the endpoint (moto_server as AWS)", () => {
  it("refuses moto's certificate, which is not for the bridge's key (moto signs with its own), writing no cloud section", async () => {
    const storage = await tempDir();
    const configPath = join(storage, "bridge.json");
    const config = `${JSON.stringify({ panels: [{ id: "panel-1", name: "Panel" }] }, null, 2)}\n`;
    await writeFile(configPath, config);
    const { code } = await store.issueCode("amzn1.ask.account.DAN");
    await expect(joinCloud({ code, provisionUrl: `${url}/provision`, storage, configPath })).rejects.toThrow(
      /not for this bridge's key .*nothing was written/,
    );
    expect(await readFile(configPath, "utf8")).toBe(config);
    await expect(readFile(join(storage, "cloud/certificate.pem"))).rejects.toThrow(/ENOENT/);
    // The key stayed here and only here: mode 0600, and never in what was sent (a CSR has no private part).
    expect((await stat(join(storage, "cloud/private.key"))).mode & 0o777).toBe(0o600);
  });

  it("names the refusal the endpoint gave (a used code), and a code of the wrong shape before calling it", async () => {
    const storage = await tempDir();
    const configPath = join(storage, "bridge.json");
    await writeFile(configPath, "{}\n");
    const { code } = await store.issueCode("amzn1.ask.account.EVA");
    await post({ code, csr: await csr() });
    await expect(joinCloud({ code, provisionUrl: `${url}/provision`, storage, configPath })).rejects.toThrow(/already used/);
    await expect(joinCloud({ code: "12 34", provisionUrl: `${url}/provision`, storage, configPath })).rejects.toThrow(/6 digits/);
    await expect(joinCloud({ code, provisionUrl: "http://example.com/provision", storage, configPath })).rejects.toThrow(/https/);
    expect(await readFile(configPath, "utf8")).toBe("{}\n");
  });
});
