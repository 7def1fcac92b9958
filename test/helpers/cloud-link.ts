/**
 * The cloud link against the test broker (test/helpers/mosquitto.ts): a control bridge with its link
 * connected as a thing, and a client playing the skill (MQTT 5 requests with a response topic and
 * correlation data, answers matched by it).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import mqtt, { type IClientPublishOptions, type MqttClient } from "mqtt";
import { alexaRoutes } from "../../matter-bridge/api/alexa-routes.js";
import type { CloudLink } from "../../matter-bridge/cloud/link.js";
import type { CloudConnection } from "../../matter-bridge/cloud/options.js";
import { type StartCloudLink, startCloudLink } from "../../matter-bridge/cloud/start.js";
import { type LinkResponse, linkTopics } from "../../matter-bridge/contract/cloud-link.js";
import { type ControlBridge, type ControlBridgeOptions, startControlBridge } from "./control-bridge.js";
import type { Broker, ThingCredentials } from "./mosquitto.js";

/** Reconnects in tens of milliseconds, not seconds. */
export const FAST_BACKOFF = { firstMs: 50, maxMs: 400 };

/** What the bridge connects with, for `creds` on `broker` (the thing name may differ from the certificate's, to test the ACL). */
export const connectionFor = (broker: Broker, creds: ThingCredentials, thing = creds.thing): CloudConnection => ({
  thing,
  host: "127.0.0.1",
  port: broker.ports.tls,
  cert: creds.cert,
  key: creds.key,
  ca: readFileSync(broker.caPath, "utf8"),
});

/** The `cloud` section of a bridge's config for `creds` on `broker`, its files copied into `storage`/cloud/ as docs/cloud-link.md has them. */
export async function cloudSection(broker: Broker, creds: ThingCredentials, storage: string) {
  await mkdir(join(storage, "cloud"), { recursive: true });
  await Promise.all([
    copyFile(creds.certPath, join(storage, "cloud", "certificate.pem")),
    copyFile(creds.keyPath, join(storage, "cloud", "private.key")),
    copyFile(broker.caPath, join(storage, "cloud", "ca.pem")),
  ]);
  return { url: broker.tlsUrl, thing: creds.thing, cert: "cloud/certificate.pem", key: "cloud/private.key", ca: "cloud/ca.pem" };
}

export interface LinkedBridge extends ControlBridge {
  link: CloudLink;
  thing: string;
}

/** A control bridge (HTTP API, simulated panel) with its cloud link up. */
export async function startLinkedBridge(
  broker: Broker,
  creds: ThingCredentials,
  opts: ControlBridgeOptions & { thing?: string; link?: Partial<StartCloudLink> } = {},
): Promise<LinkedBridge> {
  let link: CloudLink | undefined;
  // The owner's Alexa-account routes, as bridge.ts adds them: asked through this bridge's own link.
  const bridge = await startControlBridge({
    ...opts,
    api: { ...opts.api, cloud: () => link?.state ?? "off", extraRoutes: [...(opts.api?.extraRoutes ?? []), ...alexaRoutes(() => link)] },
  });
  const connection = connectionFor(broker, creds, opts.thing);
  link = startCloudLink({
    version: "0.0.0-test",
    backoff: FAST_BACKOFF,
    // The link's own stop timeout, as for the API (control-bridge.ts).
    ...opts.link,
    connection,
    controller: bridge.controller,
    log: (m) => void bridge.logs.push(m),
  });
  const started = link;
  const close = bridge.close.bind(bridge);
  return Object.assign(bridge, {
    link: started,
    thing: connection.thing,
    close: async () => {
      await started.close();
      await close();
    },
  });
}

/** A client of the broker's plain listener playing the skill: requests to a thing, answers by correlation data. */
export class SkillClient {
  readonly id = `skill-${randomUUID().slice(0, 8)}`;
  private readonly waiting = new Map<string, (r: LinkResponse) => void>();
  /** Every answer that arrived, in order. */
  readonly answers: Array<{ topic: string; response: LinkResponse; correlation?: string }> = [];

  private constructor(
    readonly client: MqttClient,
    readonly thing: string,
  ) {
    client.on("message", (topic, payload, packet) => {
      const correlation = packet.properties?.correlationData?.toString();
      const response = JSON.parse(payload.toString()) as LinkResponse;
      this.answers.push({ topic, response, correlation });
      if (correlation) this.waiting.get(correlation)?.(response);
    });
  }

  static async connect(url: string, thing: string): Promise<SkillClient> {
    const client = await mqtt.connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0, clean: true });
    const skill = new SkillClient(client, thing);
    await client.subscribeAsync(`biolight/v1/${thing}/res/#`, { qos: 1 });
    return skill;
  }

  get responseTopic(): string {
    return linkTopics(this.thing).responses(this.id);
  }

  /** Publishes `payload` (an object is sent as JSON) as a request; resolves with its answer, or rejects after `timeoutMs`. */
  async request(
    payload: unknown,
    {
      responseTopic = this.responseTopic,
      timeoutMs = 5000,
      publish = {},
    }: { responseTopic?: string; timeoutMs?: number; publish?: IClientPublishOptions } = {},
  ): Promise<LinkResponse> {
    const correlation = randomUUID();
    const answered = new Promise<LinkResponse>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref();
      this.waiting.set(correlation, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    answered.catch(() => {}).finally(() => this.waiting.delete(correlation));
    const body = Buffer.isBuffer(payload) || typeof payload === "string" ? payload : JSON.stringify(payload);
    await this.client.publishAsync(linkTopics(this.thing).requests, body, {
      qos: 1,
      ...publish,
      properties: { responseTopic, correlationData: Buffer.from(correlation), ...publish.properties },
    });
    return answered;
  }

  /** A request envelope for `method path` (a fresh id, valid for a minute). */
  static envelope(method: "GET" | "POST", path: string, body?: unknown, exp = Date.now() + 60_000) {
    return { id: randomUUID(), method, path, ...(body !== undefined ? { body } : {}), exp };
  }

  close(): Promise<void> {
    return this.client.endAsync(true);
  }
}

/** The retained status of `thing`, read by a fresh client (undefined when none is retained). */
export async function retainedStatus(url: string, thing: string): Promise<unknown> {
  const client = await mqtt.connectAsync(url, { protocolVersion: 5, reconnectPeriod: 0 });
  try {
    const status = linkTopics(thing).status;
    const got = new Promise<unknown>((resolve) =>
      client.on("message", (t, payload) => t === status && resolve(JSON.parse(payload.toString()))),
    );
    await client.subscribeAsync(status, { qos: 1 });
    // A retained message arrives right after the SUBACK; a round trip on another topic proves none came.
    const probe = `probe/${randomUUID()}`;
    await client.subscribeAsync(probe, { qos: 1 });
    const none = new Promise<undefined>((resolve) => client.on("message", (t) => t === probe && resolve(undefined)));
    await client.publishAsync(probe, "x", { qos: 1 });
    return await Promise.race([got, none]);
  } finally {
    await client.endAsync(true);
  }
}
