/**
 * `cloud join`: the bridge joins a hosted deployment with the code Alexa spoke. The key and CSR are
 * made here (files.mjs, as `npm run cloud:csr` makes them), the CSR goes to the provisioning
 * endpoint, and the certificate it answers, once checked against the key, is written with the
 * config's `cloud` section. Nothing is written unless all of that succeeded; the key never leaves.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CloudConfig } from "../contract/config.js";
import { ProvisionErrorSchema, ProvisionResponseSchema, SpokenCodeSchema } from "../contract/provision.js";
import { CloudFilesError, certificateMatchesKey, makeKeyAndCsr, writeCloudSection } from "./files.mjs";
import { IOT_CORE_MQTT_PORT } from "./options.js";

export class JoinError extends Error {}

export interface JoinOptions {
  code: string;
  /** The hosted deployment's provisioning endpoint (https://…/provision; http:// only on this machine). */
  provisionUrl: string;
  storage: string;
  /** The bridge's config file: it gets the `cloud` section. */
  configPath: string;
  /** A CA file for a broker whose certificate is not in Node's roots (a self-hosted one); AWS needs none. */
  caPath?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

function provisionUrlOf(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new JoinError(`--provision-url ${JSON.stringify(raw)} is not a URL`);
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    throw new JoinError(`--provision-url must be https:// (http:// only to this machine): ${raw}`);
  return url;
}

export async function joinCloud(o: JoinOptions): Promise<CloudConfig> {
  const code = SpokenCodeSchema.safeParse(o.code);
  if (!code.success) throw new JoinError(`The code ${JSON.stringify(o.code)} must be the 6 digits Alexa spoke.`);
  const url = provisionUrlOf(o.provisionUrl);
  const configPath = resolve(o.configPath);
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(await readFile(configPath, "utf8"));
  } catch (err) {
    throw new JoinError(`The config file ${configPath} cannot be read as JSON (${(err as Error).message}): it gets the cloud section.`);
  }
  const joined = config.cloud as { thing?: string } | undefined;
  if (joined)
    throw new JoinError(`This bridge already has a cloud section (thing ${joined.thing}): remove it from ${configPath} to join again.`);
  const caPem = o.caPath === undefined ? undefined : await readFile(resolve(o.caPath), "utf8").catch(() => undefined);
  if (o.caPath !== undefined && !caPem) throw new JoinError(`--ca ${o.caPath} cannot be read`);

  let csr: string;
  try {
    csr = makeKeyAndCsr(o.storage, "biolight-bridge").csr;
  } catch (err) {
    throw new JoinError(err instanceof CloudFilesError ? err.message : String(err));
  }
  let res: Response;
  try {
    res = await (o.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: code.data, csr }),
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
  } catch (err) {
    throw new JoinError(`The provisioning endpoint ${url.origin} cannot be reached: ${(err as Error).cause ?? (err as Error).message}`);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const refused = ProvisionErrorSchema.safeParse(body);
    throw new JoinError(refused.success ? refused.data.error.message : `The provisioning endpoint answered HTTP ${res.status}.`);
  }
  const answer = ProvisionResponseSchema.safeParse(body);
  if (!answer.success) throw new JoinError("The provisioning endpoint's answer is not a certificate and thing: nothing was written.");
  const { thing, certificatePem, endpoint } = answer.data;
  let matches: boolean;
  try {
    matches = certificateMatchesKey(o.storage, certificatePem);
  } catch (err) {
    throw new JoinError(`The issued certificate: ${(err as Error).message}; nothing was written.`);
  }
  if (!matches) throw new JoinError(`The issued certificate is not for this bridge's key (thing ${thing}): nothing was written.`);
  return writeCloudSection({
    storage: o.storage,
    configPath,
    config,
    url: `mqtts://${endpoint.includes(":") ? endpoint : `${endpoint}:${IOT_CORE_MQTT_PORT}`}`,
    thing,
    certificatePem,
    caPem,
  });
}
