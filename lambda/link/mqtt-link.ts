/**
 * The skill's transport to the bridges through an MQTT 5 broker (AWS IoT Core, or a self-hosted one):
 * one connection per Lambda container, opened on the first request and reused while warm, serving
 * every household the container is asked about. A request goes to its thing's `req` topic with this
 * container's response topic under that thing's prefix and a correlation id; its answer is accepted
 * only from that same thing's `res/` topic. Each thing's retained `status` says at once when it is
 * offline.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IClientOptions, MqttClient } from "mqtt";
import { type Clock, systemClock } from "../../common/clock.js";
import {
  type LinkRequest as LinkEnvelope,
  LinkResponseSchema,
  LinkStatusSchema,
  linkTopics,
  thingOfTopic,
} from "../../matter-bridge/contract/cloud-link.js";
import { BrokerConnectError, connectToBroker } from "./connect.js";

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

export interface MqttLinksOptions {
  /** ws:// or mqtt(s):// (unsigned), or wss:// (signed with SigV4 for AWS IoT Core from `env`'s credentials). */
  url: string;
  /** This container's client id is the prefix and 12 random hex digits. */
  clientIdPrefix: string;
  connectTimeoutMs?: number;
  answerTimeoutMs?: number;
  keepaliveSeconds?: number;
  /** After a failure, later requests to that thing fail at once for this long (several calls of one request stay within Alexa's 8 s). */
  failFastMs?: number;
  /** The wall clock (keepalive, fail-fast, the request's `exp`) and the connect and answer timeouts (default: the system's). */
  clock?: Clock;
  /** Where the AWS credentials and region come from (Lambda's environment). */
  env?: NodeJS.ProcessEnv;
  /** Extra MQTT.js options (tests: a CA for a TLS broker). */
  mqtt?: IClientOptions;
}

export interface MqttLinkOptions extends Omit<MqttLinksOptions, "clientIdPrefix"> {
  thing: string;
}

interface Pending {
  thing: string;
  resolve(answer: LinkAnswer): void;
  reject(err: LinkAwayError): void;
}

interface ThingState {
  /** The subscriptions to the thing's `res/<client>` and `status`, made on its first request over this connection. */
  subscribed: Promise<void>;
  /** null: online; a string: offline since then ("" when it did not say); undefined: no status seen. */
  offlineSince?: string | null;
}

interface Connection {
  client: MqttClient;
  lastUsed: number;
  things: Map<string, ThingState>;
  pending: Map<string, Pending>;
}

/** Two subscriptions each (answers, status): 24 things stay within IoT Core's 50 per connection. */
export const MAX_FOLLOWED_THINGS = 24;

/** One broker connection for a container, serving any number of things. */
export class MqttLinks {
  readonly clientId: string;
  private readonly clock: Clock;
  private connection?: Promise<Connection>;
  private readonly down = new Map<string, { until: number; reason: LinkAwayError }>();

  constructor(private readonly options: MqttLinksOptions) {
    this.clientId = `${options.clientIdPrefix}${randomBytes(6).toString("hex")}`;
    this.clock = options.clock ?? systemClock;
  }

  /** A transport to one thing (for a BridgeClient). */
  forThing(thing: string): { request(req: LinkRequest): Promise<LinkAnswer> } {
    return { request: (req) => this.request(thing, req) };
  }

  async request(thing: string, req: LinkRequest): Promise<LinkAnswer> {
    const down = this.down.get(thing);
    if (down && this.clock.now() < down.until) throw down.reason;
    try {
      return await this.ask(thing, req);
    } catch (err) {
      const away = err instanceof LinkAwayError ? err : new LinkAwayError("network");
      if (away.reason !== "offline") this.down.set(thing, { reason: away, until: this.clock.now() + (this.options.failFastMs ?? 3000) });
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

  private async ask(thing: string, req: LinkRequest): Promise<LinkAnswer> {
    const conn = await this.connect();
    const topics = linkTopics(thing);
    const state = this.follow(conn, thing);
    // The answer's time limit covers the subscription too: a stalled broker may never send the SUBACK.
    const answerMs = this.options.answerTimeoutMs ?? 3000;
    const exp = this.clock.now() + answerMs;
    const id = randomUUID();
    return new Promise<LinkAnswer>((resolve, reject) => {
      let done = false;
      const cancel = this.clock.after(answerMs, () => {
        done = true;
        conn.pending.delete(id);
        // A connection that let an answer time out may be half-dead (a paused broker): the next request opens a new one.
        if (this.connection) void this.close();
        reject(new LinkAwayError("timeout"));
      });
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          if (done) return;
          done = true;
          cancel();
          conn.pending.delete(id);
          conn.lastUsed = this.clock.now();
          fn(v);
        };
      state.subscribed.then(() => {
        if (done) return;
        if (typeof state.offlineSince === "string") return settle(reject)(new LinkAwayError("offline", state.offlineSince));
        const envelope: LinkEnvelope = {
          id,
          method: req.method,
          path: req.path,
          ...(req.body !== undefined ? { body: req.body } : {}),
          exp,
        };
        conn.pending.set(id, { thing, resolve: settle(resolve), reject: settle(reject) });
        conn.client.publish(
          topics.requests,
          JSON.stringify(envelope),
          {
            qos: 1,
            properties: {
              responseTopic: topics.responses(this.clientId),
              correlationData: Buffer.from(id),
              // The broker drops it once the skill has stopped waiting, whatever the two clocks say.
              messageExpiryInterval: Math.max(1, Math.ceil(answerMs / 1000)),
            },
          },
          (err) => {
            if (err) conn.pending.get(id)?.reject(new LinkAwayError("network"));
          },
        );
      }, settle(reject));
    });
  }

  /**
   * The thing's state on this connection, subscribing to its answers and status the first time.
   * AWS IoT Core allows 50 subscriptions per connection: the things followed longest ago (and not
   * being asked now) are let go, so a warm container can serve any number of households in turn.
   */
  private follow(conn: Connection, thing: string): ThingState {
    const known = conn.things.get(thing);
    if (known) {
      // Most recently used last, so the first in the map is the first to be let go.
      conn.things.delete(thing);
      conn.things.set(thing, known);
      return known;
    }
    for (const [old] of conn.things) {
      if (conn.things.size < MAX_FOLLOWED_THINGS) break;
      if ([...conn.pending.values()].some((p) => p.thing === old)) continue;
      conn.things.delete(old);
      const t = linkTopics(old);
      conn.client.unsubscribeAsync([t.responses(this.clientId), t.status]).catch(() => {});
    }
    const topics = linkTopics(thing);
    const state: ThingState = {
      subscribed: conn.client.subscribeAsync([topics.responses(this.clientId), topics.status], { qos: 1 }).then(
        () => {},
        () => {
          conn.things.delete(thing);
          throw new LinkAwayError("network");
        },
      ),
    };
    conn.things.set(thing, state);
    return state;
  }

  private connect(): Promise<Connection> {
    const keepalive = this.options.keepaliveSeconds ?? 60;
    const current = this.connection;
    if (current) {
      return current.then(
        (c) => {
          // A container that slept past the keepalive: the broker has dropped it (or will), without a word.
          if (this.connection !== current) return this.connect();
          if (this.clock.now() - c.lastUsed <= keepalive * 1000 && c.client.connected) return c;
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
    let client: MqttClient;
    try {
      client = await connectToBroker({
        url: this.options.url,
        clientId: this.clientId,
        env: this.options.env ?? process.env,
        clock: this.clock,
        connectTimeoutMs: this.options.connectTimeoutMs ?? 1500,
        keepalive,
        mqtt: this.options.mqtt,
      });
    } catch (err) {
      throw new LinkAwayError(err instanceof BrokerConnectError ? err.reason : "network");
    }
    const conn: Connection = { client, lastUsed: this.clock.now(), things: new Map(), pending: new Map() };
    client.on("message", (topic, payload, packet) => this.onMessage(conn, topic, payload, packet.properties?.correlationData));
    client.on("close", () => {
      for (const p of [...conn.pending.values()]) p.reject(new LinkAwayError("network"));
      this.forget(conn);
    });
    return conn;
  }

  private onMessage(conn: Connection, topic: string, payload: Buffer, correlation?: Buffer): void {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString("utf8"));
    } catch {
      return;
    }
    const thing = thingOfTopic(topic);
    if (thing === undefined) return;
    const topics = linkTopics(thing);
    if (topic === topics.status) {
      const state = conn.things.get(thing);
      const status = LinkStatusSchema.safeParse(json);
      if (!state || !status.success) return;
      state.offlineSince = status.data.online ? null : (status.data.since ?? "");
      if (!status.data.online)
        for (const p of [...conn.pending.values()]) if (p.thing === thing) p.reject(new LinkAwayError("offline", status.data.since ?? ""));
      return;
    }
    if (topic !== topics.responses(this.clientId)) return;
    const answer = LinkResponseSchema.safeParse(json);
    if (!answer.success) return;
    const id = correlation ? correlation.toString("utf8") : answer.data.id;
    if (id === null) return;
    const pending = conn.pending.get(id);
    // Only the thing that was asked answers: an answer on another thing's topic is not this request's.
    if (pending?.thing === thing) pending.resolve({ status: answer.data.status, body: answer.data.body });
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

/** One household's link (BRIDGE_THING): its own connection, with a client id under the thing's name. */
export class MqttLink {
  readonly clientId: string;
  private readonly links: MqttLinks;

  constructor(private readonly options: MqttLinkOptions) {
    this.links = new MqttLinks({ ...options, clientIdPrefix: `${options.thing}-skill-` });
    this.clientId = this.links.clientId;
  }

  request(req: LinkRequest): Promise<LinkAnswer> {
    return this.links.request(this.options.thing, req);
  }

  close(): Promise<void> {
    return this.links.close();
  }
}
