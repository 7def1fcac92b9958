/**
 * The SigV4 presigned WebSocket URL of AWS IoT Core (service `iotdevicegateway`), as in the AWS IoT
 * developer guide's "Connecting with MQTT over WebSocket": the query string is signed with the host
 * header only; a session token is appended after signing, as that procedure does. Pure: the time is a
 * parameter.
 */
import { createHash, createHmac } from "node:crypto";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface PresignOptions {
  /** The account's ATS endpoint, e.g. `abc123-ats.iot.eu-west-1.amazonaws.com`. */
  host: string;
  region: string;
  credentials: AwsCredentials;
  now: Date;
  /** How long the URL may be used to connect (a connection, once open, outlives it). */
  expiresSeconds?: number;
  path?: string;
}

const SERVICE = "iotdevicegateway";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const hmac = (key: string | Buffer, text: string) => createHmac("sha256", key).update(text, "utf8").digest();
/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function presignIotWebSocketUrl(o: PresignOptions): string {
  const amzDate = o.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, ""); // 20250314T092653Z
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${o.region}/${SERVICE}/aws4_request`;
  const path = o.path ?? "/mqtt";
  const query = [
    ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
    ["X-Amz-Credential", `${o.credentials.accessKeyId}/${scope}`],
    ["X-Amz-Date", amzDate],
    ["X-Amz-Expires", String(o.expiresSeconds ?? 300)],
    ["X-Amz-SignedHeaders", "host"],
  ]
    .map(([k, v]) => `${k}=${encode(v)}`)
    .join("&");
  const canonicalRequest = ["GET", path, query, `host:${o.host}\n`, "host", sha256("")].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  let key = hmac(`AWS4${o.credentials.secretAccessKey}`, day);
  for (const part of [o.region, SERVICE, "aws4_request"]) key = hmac(key, part);
  const signature = createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
  const token = o.credentials.sessionToken ? `&X-Amz-Security-Token=${encode(o.credentials.sessionToken)}` : "";
  return `wss://${o.host}${path}?${query}&X-Amz-Signature=${signature}${token}`;
}
