/**
 * `POST /provision {code, csr}` behind API Gateway (HTTP API, payload 2.0): a bridge joins hosted
 * mode with the code Alexa spoke. The code is checked as the link function checks it (same module,
 * same rate limit, keyed here by the caller's address since the caller has no thing yet); then the
 * thing and its certificate are made from the CSR and the Alexa user who asked for the code is bound
 * to it. The answer is the certificate, the thing's name and the endpoint; the key never came here.
 */
import type { IoTClient } from "@aws-sdk/client-iot";
import * as z from "zod";
import { describeIssues } from "../../matter-bridge/contract/issues.js";
import {
  PROVISION_ERRORS,
  type ProvisionErrorCode,
  ProvisionRequestSchema,
  type ProvisionResponse,
} from "../../matter-bridge/contract/provision.js";
import type { CodeRefusal, HouseholdStore } from "../households/store.js";
import { CsrError, checkCsr } from "./csr.js";
import { BadCsrError, createHouseholdThing, newThingName } from "./thing.js";

/** The subset of API Gateway's HTTP API event (payload format 2.0) this reads. */
export interface HttpApiEvent {
  requestContext?: { http?: { method?: string; sourceIp?: string } };
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface ProvisionDeps {
  iot: IoTClient;
  /** Link codes and bindings: the module the skill and the link function use. */
  households: Pick<HouseholdStore, "redeem" | "unlinkUser">;
  /** The policy every household's certificate gets (deploy/hosted.yaml's HouseholdPolicy). */
  policyName: string;
  /** The account's ATS endpoint (host name). */
  endpoint: () => Promise<string>;
  log?: (line: string) => void;
}

const MAX_BODY_BYTES = 16 * 1024;

const json = (statusCode: number, body: unknown): HttpApiResult => ({
  statusCode,
  headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  body: JSON.stringify(body),
});

const refuse = (code: ProvisionErrorCode, message: string) => json(PROVISION_ERRORS[code], { error: { code, message } });

const REFUSALS: Record<CodeRefusal, [ProvisionErrorCode, string]> = {
  wrong: [
    "CODE_UNKNOWN",
    "That code is not one Alexa gave: check the digits, or say “Alexa, ask bio light to link my bridge” for a new one.",
  ],
  expired: ["CODE_EXPIRED", "That code has expired (codes last 10 minutes): ask Alexa for a new one."],
  reused: ["CODE_USED", "That code was already used: each code works once. Ask Alexa for a new one."],
  "rate-limited": ["TOO_MANY_TRIES", "Too many wrong codes from this address in the last hour: wait, then try again with a new code."],
};

export async function handleProvision(event: HttpApiEvent, deps: ProvisionDeps): Promise<HttpApiResult> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const method = event.requestContext?.http?.method ?? "POST";
  if (method !== "POST") return refuse("BAD_REQUEST", `${method} is not allowed: POST {"code", "csr"} as JSON.`);
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : (event.body ?? "");
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return refuse("BAD_REQUEST", `The body is over ${MAX_BODY_BYTES / 1024} KiB.`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return refuse("BAD_REQUEST", 'The body must be JSON: {"code": "123456", "csr": "-----BEGIN CERTIFICATE REQUEST-----…"}.');
  }
  const parsed = ProvisionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const csrOnly = parsed.error.issues.every((i) => i.path[0] === "csr");
    return refuse(csrOnly ? "BAD_CSR" : "BAD_REQUEST", `Invalid request: ${describeIssues(parsed.error).join("; ")}`);
  }
  const { code, csr } = parsed.data;
  // Before the code: a bad CSR must not use up the code the owner typed.
  try {
    checkCsr(csr);
  } catch (err) {
    if (err instanceof CsrError)
      return refuse("BAD_CSR", `The certificate signing request was refused: ${err.message}. The code was not used.`);
    throw err;
  }

  // The thing's name is made here before the code is checked, so that a good code binds its user to it at once.
  const thing = newThingName();
  const caller = `provision@${event.requestContext?.http?.sourceIp ?? "unknown"}`;
  const redeemed = await deps.households.redeem(code, thing, caller);
  if (!redeemed.ok) {
    const [errorCode, message] = REFUSALS[redeemed.reason];
    const wait = redeemed.retryAfterSeconds ? ` (in ${Math.ceil(redeemed.retryAfterSeconds / 60)} min)` : "";
    return refuse(errorCode, message.replace("wait, then", `wait${wait}, then`));
  }

  try {
    const made = await createHouseholdThing(deps.iot, csr, deps.policyName, thing);
    const answer: ProvisionResponse = {
      thing: made.thing,
      certificateId: made.certificateId,
      certificatePem: made.certificatePem,
      endpoint: await deps.endpoint(),
    };
    log(`provisioned ${made.thing} (certificate ${made.certificateId})`);
    return json(201, answer);
  } catch (err) {
    // The user is bound to a thing that was not made: unbound again (the code stays used).
    await deps.households.unlinkUser(redeemed.userId).catch(() => {});
    if (err instanceof BadCsrError)
      return refuse("BAD_CSR", `${err.message}. Nothing was made; the code is used up: ask Alexa for a new one.`);
    log(`provisioning failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return refuse(
      "CLOUD_FAILED",
      "The cloud could not make this bridge's certificate; nothing was made. Ask Alexa for a new code and try again.",
    );
  }
}

/** The function's settings (deploy/hosted.yaml sets them). */
export const ProvisionEnvSchema = z.object({
  /** The household table, under the name the skill and the link function read it by. */
  HOUSEHOLDS_TABLE: z.string().min(3),
  IOT_POLICY: z.string().min(1),
  /** The ATS endpoint; absent: asked once per container with iot:DescribeEndpoint. */
  IOT_ENDPOINT: z.string().min(1).optional(),
});

let deps: Promise<ProvisionDeps> | undefined;

/** The Lambda entry (index.provision): clients made once per container. */
export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  deps ??= (async () => {
    const env = ProvisionEnvSchema.parse(process.env);
    const [{ IoTClient, DescribeEndpointCommand }, { HouseholdStore }] = await Promise.all([
      import("@aws-sdk/client-iot"),
      import("../households/store.js"),
    ]);
    const iot = new IoTClient({});
    let endpoint: Promise<string> | undefined;
    return {
      iot,
      households: new HouseholdStore({ table: env.HOUSEHOLDS_TABLE }),
      policyName: env.IOT_POLICY,
      endpoint: () =>
        (endpoint ??= env.IOT_ENDPOINT
          ? Promise.resolve(env.IOT_ENDPOINT)
          : iot.send(new DescribeEndpointCommand({ endpointType: "iot:Data-ATS" })).then((o) => o.endpointAddress ?? "")),
    };
  })();
  return handleProvision(event, await deps);
}
