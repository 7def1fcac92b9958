/**
 * A Lambda container's MQTT 5 connection to the broker, as the skill's link and the link function's
 * publisher both open it: signed for AWS IoT Core when wss://, a clean session that expires with
 * the connection, no automatic reconnect (the caller opens a new one), Nagle off.
 */
import type { IClientOptions, MqttClient } from "mqtt";
import type { Clock } from "../../common/clock.js";
import { signedWsUrl } from "./broker-url.js";

/** The broker did not accept the connection: in time ("timeout"), or it closed it ("network"). */
export class BrokerConnectError extends Error {
  constructor(
    readonly reason: "timeout" | "network",
    message: string,
  ) {
    super(message);
  }
}

export interface BrokerConnectOptions {
  url: string;
  clientId: string;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  connectTimeoutMs: number;
  /** Seconds (default: MQTT.js's). */
  keepalive?: number;
  mqtt?: IClientOptions;
}

/** Resolves once the broker has accepted the connection; a bad wss:// set-up throws before connecting. */
export async function connectToBroker(o: BrokerConnectOptions): Promise<MqttClient> {
  const { connect } = await import("mqtt");
  const wsUrl = signedWsUrl(o.url, o.env, o.clock.now());
  const client = connect(o.url, {
    protocolVersion: 5,
    clientId: o.clientId,
    clean: true,
    ...(o.keepalive !== undefined ? { keepalive: o.keepalive } : {}),
    reconnectPeriod: 0,
    connectTimeout: o.connectTimeoutMs,
    properties: { sessionExpiryInterval: 0 },
    ...(wsUrl ? { transformWsUrl: () => wsUrl } : {}),
    ...o.mqtt,
  });
  client.on("error", () => {}); // "close" follows; the caller's answer says why
  try {
    await new Promise<void>((resolve, reject) => {
      const cancel = o.clock.after(o.connectTimeoutMs, () =>
        reject(new BrokerConnectError("timeout", `the broker did not accept a connection within ${o.connectTimeoutMs} ms`)),
      );
      client.once("connect", () => {
        cancel();
        resolve();
      });
      client.once("close", () => {
        cancel();
        reject(new BrokerConnectError("network", "the broker closed the connection"));
      });
    });
  } catch (err) {
    client.end(true);
    throw err;
  }
  // MQTT.js leaves Nagle on for mqtt(s)://: a small packet would wait out a delayed ACK (ws:// sets no-delay itself).
  (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
  return client;
}
