/**
 * The outbound MQTT 5 link to the broker (AWS IoT Core): mutual TLS, clean start with no session
 * (a command must never arrive late), keepalive 30 s, TCP no-delay, a retained status with a last
 * will, and its own reconnects with jittered exponential backoff. Whatever happens to the link, the
 * bridge goes on: every failure is a log line and another try.
 */
import { isIP } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { MqttClient } from "mqtt";
import type { CloudState } from "../contract/api.js";
import { type HouseholdQuestion, type LinkStatus, linkTopics } from "../contract/cloud-link.js";
import { type Clock, systemClock, within } from "../support/clock.js";
import { type Backoff, backoffDelay, LINK_BACKOFF } from "./backoff.js";
import { HouseholdAsker } from "./household.js";
import type { CloudConnection } from "./options.js";
import type { IncomingRequest, OutgoingAnswer } from "./requests.js";

export const LINK_KEEPALIVE_S = 30;

export interface CloudLinkOptions {
  connection: CloudConnection;
  /** A request → its answer (cloud/requests.ts); undefined: not answered. */
  handle(request: IncomingRequest): Promise<OutgoingAnswer | undefined>;
  version: string;
  log: (m: string) => void;
  now?: () => number;
  /** The bridge's clock: the reconnect waits and the answer and close time limits run on it. */
  clock?: Clock;
  random?: () => number;
  backoff?: Backoff;
  /** How long a TCP + TLS + CONNECT may take before it counts as failed (default 10 s). */
  connectTimeoutMs?: number;
}

/** What the broker said or what broke, in words for the log. */
const reasonOf = (err: unknown) => {
  const e = err as NodeJS.ErrnoException & { code?: string | number };
  if (typeof e?.code === "number") return `${e.message} (reason code ${e.code})`;
  return e?.code && !String(e.message).includes(String(e.code)) ? `${e.message} (${e.code})` : String(e?.message ?? err);
};

export class CloudLink {
  private client?: MqttClient;
  private connected = false;
  private attempt = 0;
  private cancelRetry?: () => void;
  private closed = false;
  private reason?: string;
  /** The failure last logged while not connected: repeats of it are not logged again. */
  private saidFailure?: string;
  private readonly topics;
  private readonly household;
  private readonly now;
  private readonly clock: Clock;

  constructor(private readonly opts: CloudLinkOptions) {
    this.topics = linkTopics(opts.connection.thing);
    this.clock = opts.clock ?? systemClock;
    this.household = new HouseholdAsker(opts.connection.thing, this.clock);
    this.now = opts.now ?? Date.now;
  }

  get state(): CloudState {
    return this.connected ? "connected" : "connecting";
  }

  private get where() {
    const { host, port, thing } = this.opts.connection;
    return `${host}:${port} as ${thing}`;
  }

  private status(online: boolean, since?: number): Buffer {
    const status: LinkStatus = {
      online,
      ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
      version: this.opts.version,
    };
    return Buffer.from(JSON.stringify(status));
  }

  /** Starts connecting; returns at once (the state says how it goes). */
  start(): void {
    this.open();
  }

  private open(): void {
    if (this.closed) return;
    const c = this.opts.connection;
    const client = new MqttClient(
      () => {
        const socket = tlsConnect({
          host: c.host,
          port: c.port,
          // IoT Core routes by SNI; an IP address is not a server name (RFC 6066).
          ...(isIP(c.host) ? {} : { servername: c.host }),
          cert: c.cert,
          key: c.key,
          ...(c.ca ? { ca: c.ca } : {}),
          ...(c.alpn ? { ALPNProtocols: c.alpn } : {}),
        });
        // MQTT.js leaves Nagle on: a small answer would wait for the previous packet's ACK.
        socket.setNoDelay(true);
        return socket;
      },
      {
        protocolVersion: 5,
        clientId: c.thing,
        clean: true,
        properties: { sessionExpiryInterval: 0 },
        keepalive: LINK_KEEPALIVE_S,
        reconnectPeriod: 0, // the link's own backoff, below
        connectTimeout: this.opts.connectTimeoutMs ?? 10_000,
        resubscribe: false,
        will: { topic: this.topics.status, payload: this.status(false), qos: 1, retain: true },
      },
    );
    this.client = client;
    this.reason = undefined;
    client.on("connect", () => void this.onConnect(client));
    client.on("message", (topic, payload, packet) => {
      if (topic === this.household.responseTopic) return this.household.onAnswer(payload, packet.properties?.correlationData);
      if (topic !== this.topics.requests) return;
      void this.onRequest(client, {
        payload,
        responseTopic: packet.properties?.responseTopic,
        correlationData: packet.properties?.correlationData,
      });
    });
    client.on("error", (err) => {
      this.reason = reasonOf(err);
    });
    client.on("disconnect", (packet) => {
      this.reason = `the broker disconnected it (reason code ${packet.reasonCode ?? 0})`;
    });
    client.on("close", () => this.onClose(client));
  }

  private async onConnect(client: MqttClient): Promise<void> {
    if (client !== this.client) return;
    this.connected = true;
    this.attempt = 0;
    this.saidFailure = undefined;
    this.opts.log(`Cloud link connected to ${this.where}.`);
    try {
      await client.publishAsync(this.topics.status, this.status(true, this.now()), { qos: 1, retain: true });
      const [granted] = await client.subscribeAsync([this.topics.requests, this.household.responseTopic], { qos: 1 });
      if (granted && granted.qos > 1)
        this.opts.log(
          `Cloud link: the broker refused the subscription to ${this.topics.requests} (reason code ${granted.qos}); no request can arrive. Check the thing's policy.`,
        );
    } catch (err) {
      // The connection went meanwhile: its close says so and reconnects.
      if (client === this.client && this.connected) this.opts.log(`Cloud link: setting up after connecting failed: ${reasonOf(err)}`);
    }
  }

  private async onRequest(client: MqttClient, request: IncomingRequest): Promise<void> {
    // A request read once close() has begun is not served: its answer could not be sent.
    if (this.closed || client !== this.client) return;
    try {
      const out = await this.opts.handle(request);
      if (!out || client !== this.client || !this.connected) return;
      await client.publishAsync(out.topic, JSON.stringify(out.response), {
        qos: 1,
        properties: {
          contentType: "application/json",
          ...(out.correlationData ? { correlationData: out.correlationData } : {}),
          // An answer nobody picks up within a minute is of no use to anyone.
          messageExpiryInterval: 60,
        },
      });
    } catch (err) {
      this.opts.log(`Cloud link: a request could not be answered: ${reasonOf(err)}`);
    }
  }

  private onClose(client: MqttClient): void {
    if (client !== this.client) return;
    client.removeAllListeners("close");
    client.on("error", () => {}); // late errors of a client given up on
    client.end(true);
    const was = this.connected;
    this.connected = false;
    this.client = undefined;
    if (this.closed) return;
    const delay = backoffDelay(this.attempt++, this.opts.random ?? Math.random, this.opts.backoff ?? LINK_BACKOFF);
    const reason = this.reason ?? "the connection closed";
    const again = `reconnecting in ${(delay / 1000).toFixed(1)} s`;
    if (was) this.opts.log(`Cloud link disconnected from ${this.where}: ${reason}; ${again}.`);
    else if (reason !== this.saidFailure)
      this.opts.log(
        `Cloud link cannot connect to ${this.where}: ${reason}; ${again} (and backing off up to ${((this.opts.backoff ?? LINK_BACKOFF).maxMs / 1000).toFixed(0)} s).`,
      );
    if (!was) this.saidFailure = reason;
    this.cancelRetry = this.clock.after(
      delay,
      () => {
        this.cancelRetry = undefined;
        this.open();
      },
      { background: true },
    );
  }

  /** Asks the cloud's link function about this household's Alexa accounts (throws CloudUnavailableError when it cannot). */
  askHousehold(question: HouseholdQuestion) {
    const client = this.client;
    const publish =
      client && this.connected
        ? async (topic: string, payload: string, correlationData: Buffer, responseTopic: string) => {
            await client.publishAsync(topic, payload, {
              qos: 1,
              properties: { responseTopic, correlationData, messageExpiryInterval: 60 },
            });
          }
        : undefined;
    return this.household.ask(publish, question);
  }

  /** Waits for `work`, but no more than `ms` (false: the time ran out); the time limit's timer goes either way. */
  private atMost(work: Promise<unknown>, ms: number): Promise<boolean> {
    return within(
      this.clock,
      work.then(
        () => true,
        () => true,
      ),
      ms,
      false,
      { background: true },
    );
  }

  /** Says offline (retained, `since` now) when connected, then disconnects cleanly; no reconnect after. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelRetry?.();
    this.household.closeAll();
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    // Its close no longer reconnects (onClose: not this.client); MQTT.js's own close listener stays.
    client.on("error", () => {});
    if (this.connected) {
      const bye = client.publishAsync(this.topics.status, this.status(false, this.now()), { qos: 1, retain: true });
      // A broker that does not answer does not hold the shutdown up.
      await this.atMost(bye, 1000);
      this.connected = false;
      // MQTT.js is "disconnecting" from here on, so end(true) would do nothing: a stalled broker's connection is cut by hand.
      if (!(await this.atMost(client.endAsync(), 1000))) client.stream.destroy();
    }
    client.end(true);
    this.opts.log(`Cloud link closed.`);
  }
}
