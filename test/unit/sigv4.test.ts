/**
 * The skill's SigV4 presigned WebSocket URL for AWS IoT Core, against a fixed example computed
 * independently with botocore (SigV4QueryAuth, service iotdevicegateway, the same key and time):
 *   from botocore.auth import SigV4QueryAuth; SigV4QueryAuth(Credentials(AKID, SECRET), "iotdevicegateway",
 *   "eu-west-1", expires=86400).add_auth(AWSRequest("GET", "https://<host>/mqtt")) at 2025-03-14T09:26:53Z
 * A session token is appended after signing, as the AWS IoT guide's WebSocket procedure does.
 */
import { describe, expect, it } from "@jest/globals";
import { presignIotWebSocketUrl } from "../../lambda/link/sigv4.js";

const HOST = "a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com";
const BASE = {
  host: HOST,
  region: "eu-west-1",
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  now: new Date("2025-03-14T09:26:53.123Z"),
  expiresSeconds: 86400,
};
const BOTOCORE =
  "/mqtt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20250314%2Feu-west-1%2Fiotdevicegateway%2Faws4_request" +
  "&X-Amz-Date=20250314T092653Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
  "&X-Amz-Signature=b76cc1433c4bf1c3e38901f51ac22c5c5a3eb605ad8eac62fce7c1b77fa66f7f";

describe("presignIotWebSocketUrl", () => {
  it("matches botocore's signature for the same key, region, host and time", () => {
    expect(presignIotWebSocketUrl(BASE)).toBe(`wss://${HOST}${BOTOCORE}`);
  });

  it("appends the session token after the signature, encoded, without changing the signature", () => {
    const url = presignIotWebSocketUrl({ ...BASE, credentials: { ...BASE.credentials, sessionToken: "IQoJ/b3+Jp==" } });
    expect(url).toBe(`wss://${HOST}${BOTOCORE}&X-Amz-Security-Token=IQoJ%2Fb3%2BJp%3D%3D`);
  });

  it("signs something else for another second, secret or region", () => {
    const signature = (url: string) => new URL(url).searchParams.get("X-Amz-Signature");
    const reference = signature(presignIotWebSocketUrl(BASE));
    expect(signature(presignIotWebSocketUrl({ ...BASE, now: new Date("2025-03-14T09:26:54Z") }))).not.toBe(reference);
    expect(signature(presignIotWebSocketUrl({ ...BASE, credentials: { ...BASE.credentials, secretAccessKey: "other" } }))).not.toBe(
      reference,
    );
    expect(signature(presignIotWebSocketUrl({ ...BASE, region: "us-east-1" }))).not.toBe(reference);
  });
});
