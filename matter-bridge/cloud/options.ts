/**
 * The `cloud` config section → what the link connects with: its files read and checked at start-up,
 * before anything else starts, so a mistake is one line naming the field (exit 2).
 */
import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import { ConfigError } from "../config/load.js";
import type { CloudConfig } from "../contract/config.js";

/** What a TLS connection to the broker needs, all checked. */
export interface CloudConnection {
  thing: string;
  host: string;
  port: number;
  cert: string;
  key: string;
  /** Absent: Node's own roots (which hold Amazon's). */
  ca?: string;
  /** On port 443 IoT Core tells MQTT from HTTPS by ALPN. */
  alpn?: string[];
}

export const IOT_CORE_MQTT_PORT = 8883;
export const IOT_CORE_ALPN = "x-amzn-mqtt-ca";

const fail = (field: string, why: string) => new ConfigError(`Invalid cloud.${field}: ${why}`, 2);

async function readField(field: string, path: string, storage: string): Promise<string> {
  const full = isAbsolute(path) ? path : resolve(storage, path);
  try {
    return await readFile(full, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (err as Error).message;
    throw fail(field, `cannot read ${full} (${why})`);
  }
}

function certificate(pem: string, field: string, path: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw fail(field, `${path} is not a PEM certificate`);
  }
}

/** Reads and checks the cloud section's files (relative to `storage`); throws a one-line ConfigError (exit 2). */
export async function cloudConnection(cloud: CloudConfig, storage: string): Promise<CloudConnection> {
  const url = new URL(cloud.url);
  const port = url.port === "" ? IOT_CORE_MQTT_PORT : Number(url.port);
  const [cert, key, ca] = await Promise.all([
    readField("cert", cloud.cert, storage),
    readField("key", cloud.key, storage),
    cloud.ca === undefined ? undefined : readField("ca", cloud.ca, storage),
  ]);
  const x509 = certificate(cert, "cert", cloud.cert);
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw fail("key", `${cloud.key} is not a PEM private key (or it is encrypted)`);
  }
  if (!x509.checkPrivateKey(privateKey)) throw fail("key", `${cloud.key} is not the key of the certificate ${cloud.cert}`);
  if (ca !== undefined) certificate(ca, "ca", cloud.ca!);
  return {
    thing: cloud.thing,
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    cert,
    key,
    ...(ca !== undefined ? { ca } : {}),
    ...(port === 443 ? { alpn: [IOT_CORE_ALPN] } : {}),
  };
}
