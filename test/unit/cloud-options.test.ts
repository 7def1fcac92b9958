/** The cloud section's files → connection options: checked at start, one line naming the field (exit 2). */
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { cloudConnection, IOT_CORE_ALPN } from "../../matter-bridge/cloud/options.js";
import { ConfigError, parseConfig } from "../../matter-bridge/config/load.js";
import { tempDirs } from "../helpers/temp-dirs.js";

const newDir = tempDirs("biolight-cloud-options-");
let storage: string;

/** A self-signed certificate and its key, by openssl (as `npm run cloud:csr` + IoT Core would give). */
function selfSigned(dir: string, name: string) {
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-subj",
      `/CN=${name}`,
      "-days",
      "1",
      "-keyout",
      join(dir, `${name}.key`),
      "-out",
      join(dir, `${name}.pem`),
    ],
    { stdio: "ignore" },
  );
}

const section = (over: Record<string, unknown> = {}) => ({
  url: "mqtts://abc-ats.iot.eu-west-1.amazonaws.com:8883",
  thing: "home-1",
  cert: "cloud/a.pem",
  key: "cloud/a.key",
  ...over,
});

beforeAll(async () => {
  storage = await newDir();
  await mkdir(join(storage, "cloud"));
  selfSigned(join(storage, "cloud"), "a");
  selfSigned(join(storage, "cloud"), "b");
});

describe("cloud connection options", () => {
  it("reads the files relative to the storage folder; Node's roots without ca; port 8883 by default, ALPN only on 443", async () => {
    const c = await cloudConnection(section({ url: "mqtts://abc-ats.iot.eu-west-1.amazonaws.com" }), storage);
    expect(c).toMatchObject({ thing: "home-1", host: "abc-ats.iot.eu-west-1.amazonaws.com", port: 8883 });
    expect(c.cert).toContain("BEGIN CERTIFICATE");
    expect(c.ca).toBeUndefined();
    expect(c.alpn).toBeUndefined();
    const on443 = await cloudConnection(
      section({ url: "mqtts://abc-ats.iot.eu-west-1.amazonaws.com:443", ca: join(storage, "cloud/b.pem") }),
      storage,
    );
    expect(on443).toMatchObject({ port: 443, alpn: [IOT_CORE_ALPN] });
    expect(on443.ca).toContain("BEGIN CERTIFICATE");
  });

  it.each([
    ["a missing certificate", { cert: "cloud/missing.pem" }, /^Invalid cloud\.cert: cannot read .*missing\.pem \(no such file\)$/],
    [
      "a key of another certificate",
      { key: "cloud/b.key" },
      /^Invalid cloud\.key: cloud\/b\.key is not the key of the certificate cloud\/a\.pem$/,
    ],
    ["a key that is no key", { key: "cloud/a.pem" }, /^Invalid cloud\.key: cloud\/a\.pem is not a PEM private key/],
    ["a certificate that is no certificate", { cert: "cloud/a.key" }, /^Invalid cloud\.cert: cloud\/a\.key is not a PEM certificate$/],
    ["a ca that is no certificate", { ca: "cloud/a.key" }, /^Invalid cloud\.ca: cloud\/a\.key is not a PEM certificate$/],
  ])("refuses %s in one line naming the field, exit 2", async (_what, over, message) => {
    const err = await cloudConnection(section(over), storage).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).exitCode).toBe(2);
    expect((err as ConfigError).message).toMatch(message);
  });

  it.each([
    ["http://abc:8883", /cloud\.url: must be mqtts:\/\//],
    ["mqtts://user:pw@abc:8883", /cloud\.url: must be mqtts:\/\//],
    ["mqtts://abc:8883/mqtt", /cloud\.url: must be mqtts:\/\//],
    ["mqtts://", /cloud\.url: must be mqtts:\/\//],
  ])("refuses the url %s in one line, exit 2", (url, message) => {
    const panels = [{ id: "panel-1", name: "P" }];
    const err = (() => {
      try {
        parseConfig({ panels, cloud: section({ url }) });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toMatch(message);
    expect(err?.message.split("\n")).toHaveLength(1);
  });

  it("names the allowed keys for an unknown one, and leaves a config without cloud as it was", () => {
    const panels = [{ id: "panel-1", name: "P" }];
    expect(() => parseConfig({ panels, cloud: section({ region: "eu" }) })).toThrow(
      /cloud\.region: unknown key \(allowed: url, thing, cert, key, ca\)/,
    );
    expect(parseConfig({ panels }).cloud).toBeUndefined();
    // A mistake elsewhere keeps the config file's usual exit status.
    expect(() => parseConfig({ panels: [], cloud: section() })).toThrow(expect.objectContaining({ exitCode: 1 }));
  });
});
