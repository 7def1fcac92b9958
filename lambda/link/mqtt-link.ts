/**
 * The skill's transport to the bridge through an MQTT 5 broker (AWS IoT Core, or a self-hosted one):
 * one connection per Lambda container, opened on the first request and reused while warm; a request
 * goes to the bridge's `req` topic with this container's response topic and a correlation id, and
 * its answer is matched by that id. The bridge's retained `status` says at once when it is offline.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IClientOptions, MqttClient } from "mqtt";
import {
  type LinkRequest as LinkEnvelope,
  LinkResponseSchema,
  LinkStatusSchema,
  linkTopics,
} from "../../matter-bridge/contract/cloud-link.js";
import { presignIotWebSocketUrl } from "./sigv4.js";

/** Why the bridge could not be asked; `since`: the bridge's own word that it is offline since then. */
export class LinkAwayError extends Error {
  constructor(
    readonly reason: "offline" | "timeout" | "network",
    readonly since?: string,
  ) {
    super(`bridge link: ${reason}${since ? ` since ${since}` : ""}`);
  }
}

export interface LinkRequest {
  method: LinkEnvelope["method"];
  path: string;
  body?: unknown;
}

export interface LinkAnswer {
  status: number;
  body: unknown;
}

export interface MqttLinkOptions {
  /** ws:// or mqtt(s):// (unsigned), or wss:// (signed with SigV4 for AWS IoT Core from `env`'s credentials). */
  url: string;
  thing: string;
  connectTimeoutMs?: number;
  answerTimeoutMs?: number;
  keepaliveSeconds?: number;
  /** After a failure, later requests fail at once for this long (several calls of one request stay within Alexa's 8 s). */
  failFastMs?: number;
  now?: () => number;
  /** Where the AWS credentials and region come from (Lambda's environment). */
  env?: NodeJS.ProcessEnv;
  /** Extra MQTT.js options (tests: a CA for a TLS broker). */
  mqtt?: IClientOptions;
}

interface Pending {
  resolve(answer: LinkAnswer): void;
  reject(err: LinkAwayError): void;
}

interface Connection {
  client: MqttClient;
  lastUsed: number;
  offlineSince?: string | null;
  pending: Map<string, Pending>;
}

/** The region of an IoT Core endpoint (`…-ats.iot.<region>.amazonaws.com`), else AWS_REGION. */
function regionOf(host: string, env: NodeJS.ProcessEnv): string {
  const region = /\.iot\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(host)?.[1] ?? env.AWS_REGION;
  if (!region) throw new Error(`MQTT_URL ${host}: no AWS region in the host name and AWS_REGION is not set`);
  return region;
}

export class MqttLink {
  readonly clientId: string;
  private readonly topics: ReturnType<typeof linkTopics>;
  private readonly responseTopic: string;
  private readonly now: () => number;
  private connection?: Promise<Connection>;
  private downUntil = 0;
  private downReason: LinkAwayError | undefined;

  constructor(private readonly options: MqttLinkOptions) {
    this.clientId = `${options.thing}-skill-${randomBytes(6).toString("hex")}`;
    this.topics = linkTopics(options.thing);
    this.responseTopic = this.topics.responses(this.clientId);
    this.now = options.now ?? Date.now;
  }

  async request(req: LinkRequest): Promise<LinkAnswer> {
    if (this.downReason && this.now() < this.downUntil) throw this.downReason;
    try {
      return await this.ask(req);
    } catch (err) {
      const away = err instanceof LinkAwayError ? err : new LinkAwayError("network");
      if (away.reason !== "offline") {
        this.downReason = away;
        this.downUntil = this.now() + (this.options.failFastMs ?? 3000);
      }
      throw away;
    }
  }

  /** Closes the connection (the next request opens another). */
  async close(): Promise<void> {
    const conn = this.connection;
    this.connection = undefined;
    if (conn)
      await conn.then(
        (c) => this.drop(c),
        () => {},
      );
  }

  private async ask(req: LinkRequest): Promise<LinkAnswer> {
    const conn = await this.connect();
    if (conn.offlineSince !== undefined && conn.offlineSince !== null) throw new LinkAwayError("offline", conn.offlineSince);
    const answerMs = this.options.answerTimeoutMs ?? 3000;
    const id = randomUUID();
    const envelope: LinkEnvelope = {
      id,
      method: req.method,
      path: req.path,
      ...(req.body !== undefined ? { body: req.body } : {}),
      exp: this.now() + answerMs,
    };
    const payload = JSON.stringify(envelope);
    return new Promise<LinkAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        conn.pending.delete(id);
        // A connection that let an answer time out may be half-dead (a paused broker): the next request opens a new one.
        if (this.connection) void this.close();
        reject(new LinkAwayError("timeout"));
      }, answerMs);
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          conn.pending.delete(id);
          conn.lastUsed = this.now();
          fn(v);
        };
      conn.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      conn.client.publish(
        this.topics.requests,
        payload,
        { qos: 1, properties: { responseTopic: this.responseTopic, correlationData: Buffer.from(id) } },
        (err) => {
          if (err) conn.pending.get(id)?.reject(new LinkAwayError("network"));
        },
      );
    });
  }

  private connect(): Promise<Connection> {
    const keepalive = this.options.keepaliveSeconds ?? 60;
    const current = this.connection;
    if (current) {
      return current.then(
        (c) => {
          // A container that slept past the keepalive: the broker has dropped it (or will), without a word.
          if (this.connection !== current) return this.connect();
          if (this.now() - c.lastUsed <= keepalive * 1000 && c.client.connected) return c;
          this.drop(c);
          this.connection = undefined;
          return this.connect();
        },
        () => this.connect(),
      );
    }
    const opening = this.open(keepalive);
    this.connection = opening;
    opening.catch(() => {
      if (this.connection === opening) this.connection = undefined;
    });
    return opening;
  }

  private async open(keepalive: number): Promise<Connection> {
    const { connect } = await import("mqtt");
    const url = new URL(this.options.url);
    const env = this.options.env ?? process.env;
    const connectMs = this.options.connectTimeoutMs ?? 1500;
    const signed =
      url.protocol === "wss:"
        ? () => {
            if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY)
              throw new Error("MQTT_URL is wss:// but AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are not set");
            return presignIotWebSocketUrl({
              host: url.host,
              region: regionOf(url.hostname, env),
              path: url.pathname || "/mqtt",
              credentials: {
                accessKeyId: env.AWS_ACCESS_KEY_ID,
                secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                sessionToken: env.AWS_SESSION_TOKEN,
              },
              now: new Date(this.now()),
            });
          }
        : undefined;
    const wsUrl = signed?.();
    const client = connect(this.options.url, {
      protocolVersion: 5,
      clientId: this.clientId,
      clean: true,
      keepalive,
      reconnectPeriod: 0,
      connectTimeout: connectMs,
      properties: { sessionExpiryInterval: 0 },
      ...(wsUrl ? { transformWsUrl: () => wsUrl } : {}),
      ...this.options.mqtt,
    });
    const conn: Connection = { client, lastUsed: this.now(), pending: new Map() };
    const fail = (err: LinkAwayError) => {
      for (const p of [...conn.pending.values()]) p.reject(err);
    };
    client.on("message", (topic, payload, packet) => this.onMessage(conn, topic, payload, packet.properties?.correlationData));
    client.on("close", () => {
      fail(new LinkAwayError("network"));
      this.forget(conn);
    });
    client.on("error", () => {}); // "close" follows; the reason is the request's answer
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new LinkAwayError("timeout")), connectMs);
        client.once("connect", () => {
          clearTimeout(timer);
          resolve();
        });
        client.once("close", () => {
          clearTimeout(timer);
          reject(new LinkAwayError("network"));
        });
      });
      await client.subscribeAsync([this.responseTopic, this.topics.status], { qos: 1 });
    } catch (err) {
      client.end(true);
      throw err instanceof LinkAwayError ? err : new LinkAwayError("network");
    }
    return conn;
  }

  private onMessage(conn: Connection, topic: string, payload: Buffer, correlation?: Buffer): void {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString("utf8"));
    } catch {
      return;
    }
    if (topic === this.topics.status) {
      const status = LinkStatusSchema.safeParse(json);
      if (!status.success) return;
      conn.offlineSince = status.data.online ? null : (status.data.since ?? "");
      if (!status.data.online) for (const p of [...conn.pending.values()]) p.reject(new LinkAwayError("offline", status.data.since ?? ""));
      return;
    }
    const answer = LinkResponseSchema.safeParse(json);
    if (!answer.success) return;
    const id = correlation ? correlation.toString("utf8") : answer.data.id;
    if (id === null) return;
    conn.pending.get(id)?.resolve({ status: answer.data.status, body: answer.data.body });
  }

  /** A closed connection is not reused: the next request opens another. */
  private forget(conn: Connection): void {
    const current = this.connection;
    current?.then(
      (c) => {
        if (c === conn && this.connection === current) this.connection = undefined;
      },
      () => {},
    );
  }

  private drop(conn: Connection): void {
    conn.client.end(true);
  }
}
