/**
 * The provisioning function's AWS IoT step and its CSR check, with real AWS SDK v3 calls against
 * moto_server. moto signs a CSR with a key of its own (AWS signs the CSR's key), so what is checked
 * here is what moto keeps faithfully: the thing, the certificate's subject, the policy and the
 * attachment, and that a failed step leaves nothing behind.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  CreatePolicyCommand,
  DescribeCertificateCommand,
  DescribeThingCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListCertificatesCommand,
  ListThingPrincipalsCommand,
  ListThingsCommand,
} from "@aws-sdk/client-iot";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CsrError, checkCsr } from "../../lambda/provision/csr.js";
import { createHouseholdThing } from "../../lambda/provision/thing.js";
import { type Moto, startMoto } from "../helpers/moto.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const run = promisify(execFile);
const tempDir = tempDirs("biolight-provision-");

/** A key and CSR made as `cloud join` makes them (openssl), plus variants. */
async function csrOf(keyArgs: string[], subject = "/CN=biolight-home"): Promise<string> {
  const dir = await tempDir();
  await run("openssl", ["genpkey", ...keyArgs, "-out", join(dir, "k.pem")]);
  await run("openssl", ["req", "-new", "-key", join(dir, "k.pem"), "-subj", subject, "-out", join(dir, "r.csr")]);
  return readFile(join(dir, "r.csr"), "utf8");
}
const P256 = ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"];

describe("checkCsr", () => {
  it("takes EC P-256 and RSA 2048 requests, and names what is wrong with others", async () => {
    expect(checkCsr(await csrOf(P256)).asymmetricKeyType).toBe("ec");
    expect(checkCsr(await csrOf(["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])).asymmetricKeyType).toBe("rsa");
    await expect(csrOf(["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"]).then(checkCsr)).rejects.toThrow(
      /not one AWS IoT Core takes/,
    );
    await expect(csrOf(["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"]).then(checkCsr)).rejects.toThrow(CsrError);
    expect(() => checkCsr("hello")).toThrow(/not a PEM certificate signing request/);
    const good = await csrOf(P256);
    // One bit of the signed part changed: the signature no longer matches.
    const der = Buffer.from(good.replace(/-----[^-]+-----|\s/g, ""), "base64");
    der[40] ^= 0x01;
    const damaged = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(() => checkCsr(damaged)).toThrow(CsrError);
  });
});

describe("createHouseholdThing (moto_server as AWS IoT)", () => {
  let moto: Moto;
  let iot: IoTClient;
  beforeAll(async () => {
    moto = await startMoto();
    iot = new IoTClient(moto.aws);
    await iot.send(
      new CreatePolicyCommand({
        policyName: "biolight-household",
        policyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
      }),
    );
  }, 40_000);
  afterAll(async () => {
    iot?.destroy();
    await moto?.close();
  });

  it("makes a thing with a generated name, an active certificate from the CSR, the policy on it and it on the thing", async () => {
    const csr = await csrOf(P256, "/CN=whatever-the-bridge-said");
    const made = await createHouseholdThing(iot, csr, "biolight-household");
    expect(made.thing).toMatch(/^bl-[0-9a-f]{16}$/);
    expect((await iot.send(new DescribeThingCommand({ thingName: made.thing }))).thingName).toBe(made.thing);
    const cert = (await iot.send(new DescribeCertificateCommand({ certificateId: made.certificateId }))).certificateDescription!;
    expect(cert.status).toBe("ACTIVE");
    expect(cert.certificatePem?.trim()).toBe(made.certificatePem.trim());
    expect((await iot.send(new ListThingPrincipalsCommand({ thingName: made.thing }))).principals).toEqual([made.certificateArn]);
    expect((await iot.send(new ListAttachedPoliciesCommand({ target: made.certificateArn }))).policies?.map((p) => p.policyName)).toEqual([
      "biolight-household",
    ]);
    // Two households: two names, never the same.
    const other = await createHouseholdThing(iot, csr, "biolight-household");
    expect(other.thing).not.toBe(made.thing);
  });

  it("leaves no thing and no certificate behind when a step fails (a policy that does not exist)", async () => {
    const before = {
      things: (await iot.send(new ListThingsCommand({}))).things?.length,
      certs: (await iot.send(new ListCertificatesCommand({}))).certificates?.filter((c) => c.status === "ACTIVE").length,
    };
    await expect(createHouseholdThing(iot, await csrOf(P256), "no-such-policy")).rejects.toThrow();
    expect((await iot.send(new ListThingsCommand({}))).things?.length).toBe(before.things);
    expect((await iot.send(new ListCertificatesCommand({}))).certificates?.filter((c) => c.status === "ACTIVE").length).toBe(before.certs);
  });
});
