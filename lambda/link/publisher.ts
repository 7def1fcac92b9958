/**
 * A Lambda container's one MQTT connection for publishing (the link function's answers): opened on
 * the first publish, reused while warm, opened again when it has gone.
 */
import { randomBytes } from "node:crypto";
import type { IClientOptions, MqttClient } from "mqtt";
import { type Clock, systemClock } from "../../common/clock.js";
import { connectToBroker } from "./connect.js";

export interface PublishOptions {
  correlationData?: Buffer;
}

export type Publish = (topic: string, payload: string, options?: PublishOptions) => Promise<void>;

export interface MqttPublisherOptions {
  /** wss:// (signed with `env`'s credentials) or ws:// / mqtt(s):// unsigned. */
  url: string;
  clientIdPrefix: string;
  env?: NodeJS.ProcessEnv;
  connectTimeoutMs?: number;
  mqtt?: IClientOptions;
  /** The signing time and the connect timeout (default: the system's). */
  clock?: Clock;
}

export class MqttPublisher {
  readonly clientId: string;
  private client?: Promise<MqttClient>;
  private readonly clock: Clock;

  constructor(private readonly options: MqttPublisherOptions) {
    this.clientId = `${options.clientIdPrefix}${randomBytes(6).toString("hex")}`;
    this.clock = options.clock ?? systemClock;
  }

  readonly publish: Publish = async (topic, payload, options = {}) => {
    const client = await this.connected();
    await client.publishAsync(topic, payload, {
      qos: 1,
      properties: {
        contentType: "application/json",
        messageExpiryInterval: 60,
        ...(options.correlationData ? { correlationData: options.correlationData } : {}),
      },
    });
  };

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) (await client.catch(() => undefined))?.end(true);
  }

  private connected(): Promise<MqttClient> {
    const current = this.client;
    if (current)
      return current.then(
        (c) => {
          if (c.connected) return c;
          c.end(true);
          if (this.client === current) this.client = undefined;
          return this.connected();
        },
        () => this.connected(),
      );
    const opening = this.open();
    this.client = opening;
    opening.catch(() => {
      if (this.client === opening) this.client = undefined;
    });
    return opening;
  }

  private open(): Promise<MqttClient> {
    return connectToBroker({
      url: this.options.url,
      clientId: this.clientId,
      env: this.options.env ?? process.env,
      clock: this.clock,
      connectTimeoutMs: this.options.connectTimeoutMs ?? 3000,
      mqtt: this.options.mqtt,
    });
  }
}
