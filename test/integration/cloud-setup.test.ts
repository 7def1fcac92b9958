/**
 * `npm run cloud:csr` for real (node:crypto key, openssl CSR), and `npm run cloud:cert` against
 * moto_server standing in for CloudFormation and IoT Core (the AWS CLI with AWS_ENDPOINT_URL). moto
 * issues certificates with keys of its own, so the matching certificate is one the test registers
 * for the household's key; moto's own from the CSR shows a certificate of another key refused. The
 * test sets moto up over its HTTP API (one Python AWS CLI start-up saved per call); the script
 * under test uses the AWS CLI, as a user's machine does.
 */
import { execFile } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Moto, startMoto } from "../helpers/moto.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const tempDir = tempDirs("biolight-cloud-");
const npm = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [join(root, "scripts", script), ...args], { env: { ...process.env, ...env } });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the command to fail");
    },
    (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr.trim() }),
  );

describe("npm run cloud:csr", () => {
  it("is the package's script", async () => {
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
    expect(pkg.scripts["cloud:csr"]).toBe("node scripts/cloud-csr.mjs");
    expect(pkg.scripts["cloud:cert"]).toBe("node scripts/cloud-cert.mjs");
  });

  it("makes a P-256 key (mode 0600) and a CSR for the thing in the storage folder; a second run keeps the key", async () => {
    const storage = await tempDir();
    await npm("cloud-csr.mjs", ["--storage", storage, "--thing", "home-1"]);
    const key = join(storage, "cloud/private.key");
    expect((await stat(key)).mode & 0o777).toBe(0o600);
    const csr = join(storage, "cloud/certificate.csr");
    const { stdout, stderr } = await run("openssl", ["req", "-in", csr, "-noout", "-subject", "-verify", "-text"]);
    expect(stdout).toMatch(/subject=CN\s*=\s*home-1/);
    expect(stdout).toMatch(/prime256v1|P-256/);
    expect(`${stdout}${stderr}`).toMatch(/verify OK/);
    // The CSR's public key is the key's.
    const pub = async (args: string[]) => (await run("openssl", args)).stdout;
    expect(await pub(["req", "-in", csr, "-noout", "-pubkey"])).toBe(await pub(["pkey", "-in", key, "-pubout"]));
    const before = await readFile(key, "utf8");
    await npm("cloud-csr.mjs", ["--storage", storage, "--thing", "home-1"]);
    expect(await readFile(key, "utf8")).toBe(before);
  });

  it("refuses a bad thing name in one line, exit 2, making nothing", async () => {
    const storage = await tempDir();
    const { code, stderr } = await failure(npm("cloud-csr.mjs", ["--storage", storage, "--thing", "home/1"]));
    expect([code, stderr]).toEqual([2, expect.stringMatching(/^Error: --thing "home\/1" must be/)]);
    await expect(stat(join(storage, "cloud"))).rejects.toThrow(/ENOENT/);
  });
});

// moto starts (a few seconds of Python) while the CSR tests run.
let motoStarted: Promise<Moto>;
beforeAll(() => {
  motoStarted = startMoto();
  motoStarted.catch(() => {}); // awaited (and reported) by the tests that use it
});
afterAll(async () => {
  await (await motoStarted.catch(() => undefined))?.close();
});

describe("npm run cloud:cert (moto_server as AWS)", () => {
  let endpoint: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    ({ endpoint } = await motoStarted);
    env = {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_DEFAULT_REGION: "eu-west-1",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    };
  }, 40_000);

  /** One call to moto's API: the service is named by the credential scope (moto checks no signature). */
  async function moto(service: "cloudformation" | "iot", path: string, body: string, contentType: string) {
    const res = await fetch(`${endpoint}${path}`, {
      method: "POST",
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/eu-west-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
        "content-type": contentType,
      },
      body,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`moto ${service} ${path}: ${res.status} ${text}`);
    return text;
  }
  const createStack = (name: string, template: unknown) =>
    moto(
      "cloudformation",
      "/",
      new URLSearchParams({
        Action: "CreateStack",
        Version: "2010-05-15",
        StackName: name,
        TemplateBody: JSON.stringify(template),
      }).toString(),
      "application/x-www-form-urlencoded",
    );
  const iot = async (path: string, body: unknown): Promise<{ certificateId: string }> =>
    JSON.parse(await moto("iot", path, JSON.stringify(body), "application/json"));

  /** A stack in moto with the outputs the real template gives. */
  async function stackWith(name: string, certificateId: string) {
    const template = {
      Resources: { Placeholder: { Type: "AWS::SQS::Queue" } },
      Outputs: {
        IotEndpoint: { Value: "a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com" },
        ThingName: { Value: "home-1" },
        CertificateId: { Value: certificateId },
      },
    };
    await createStack(name, template);
  }

  async function household() {
    const storage = await tempDir();
    await npm("cloud-csr.mjs", ["--storage", storage, "--thing", "home-1"]);
    const config = join(storage, "bridge.json");
    await writeFile(config, `${JSON.stringify({ panels: [{ id: "panel-1", name: "Panel" }] }, null, 2)}\n`);
    return { storage, config };
  }

  it("fetches the certificate of the household's key and writes the cloud section the bridge reads", async () => {
    const { storage, config } = await household();
    const mine = join(storage, "mine.pem");
    await run("openssl", ["req", "-x509", "-key", join(storage, "cloud/private.key"), "-subj", "/CN=home-1", "-days", "2", "-out", mine]);
    const registered = await iot("/certificate/register-no-ca", { certificatePem: await readFile(mine, "utf8"), status: "ACTIVE" });
    await stackWith("biolight", registered.certificateId);

    const { stdout } = await npm("cloud-cert.mjs", ["--stack", "biolight", "--storage", storage, "--config", config], env);
    expect(stdout).toContain(registered.certificateId);
    expect(JSON.parse(await readFile(config, "utf8"))).toEqual({
      panels: [{ id: "panel-1", name: "Panel" }],
      cloud: {
        url: "mqtts://a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com:8883",
        thing: "home-1",
        cert: "cloud/certificate.pem",
        key: "cloud/private.key",
      },
    });
    expect((await readFile(join(storage, "cloud/certificate.pem"), "utf8")).trim()).toBe((await readFile(mine, "utf8")).trim());
  });

  it("refuses a certificate of another key, writing nothing", async () => {
    const { storage, config } = await household();
    const before = await readFile(config, "utf8");
    const issued = await iot("/certificates?setAsActive=true", {
      certificateSigningRequest: await readFile(join(storage, "cloud/certificate.csr"), "utf8"),
    });
    await stackWith("other-key", issued.certificateId);
    const { code, stderr } = await failure(npm("cloud-cert.mjs", ["--stack", "other-key", "--storage", storage, "--config", config], env));
    expect([code, stderr]).toEqual([2, expect.stringMatching(/^Error: certificate \w+ does not belong to the private key/)]);
    expect(await readFile(config, "utf8")).toBe(before);
    await expect(stat(join(storage, "cloud/certificate.pem"))).rejects.toThrow(/ENOENT/);
  });

  it("names what is missing: a stack without the link's outputs, no key, no config file", async () => {
    const { storage, config } = await household();
    await createStack("http-only", { Resources: { Q: { Type: "AWS::SQS::Queue" } } });
    expect((await failure(npm("cloud-cert.mjs", ["--stack", "http-only", "--storage", storage, "--config", config], env))).stderr).toMatch(
      /stack http-only has no IotEndpoint output/,
    );
    const empty = await tempDir();
    expect((await failure(npm("cloud-cert.mjs", ["--stack", "x", "--storage", empty, "--config", config], env))).stderr).toMatch(
      /run npm run cloud:csr first/,
    );
    expect(
      (await failure(npm("cloud-cert.mjs", ["--stack", "x", "--storage", storage, "--config", join(empty, "nope.json")], env))).stderr,
    ).toMatch(/does not exist/);
  });
});
