/** The URL a Lambda function's MQTT client opens: wss:// to AWS IoT Core is signed with the function's own credentials. */
import { presignIotWebSocketUrl } from "./sigv4.js";

/** The region of an IoT Core endpoint (`…-ats.iot.<region>.amazonaws.com`), else AWS_REGION. */
function regionOf(host: string, env: NodeJS.ProcessEnv): string {
  const region = /\.iot\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(host)?.[1] ?? env.AWS_REGION;
  if (!region) throw new Error(`MQTT_URL ${host}: no AWS region in the host name and AWS_REGION is not set`);
  return region;
}

/** The presigned WebSocket URL for a wss:// MQTT_URL; undefined for ws:// and mqtt(s):// (unsigned). */
export function signedWsUrl(mqttUrl: string, env: NodeJS.ProcessEnv, now: number): string | undefined {
  const url = new URL(mqttUrl);
  if (url.protocol !== "wss:") return undefined;
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY)
    throw new Error("MQTT_URL is wss:// but AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are not set");
  return presignIotWebSocketUrl({
    host: url.host,
    region: regionOf(url.hostname, env),
    path: url.pathname || "/mqtt",
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN },
    now: new Date(now),
  });
}
