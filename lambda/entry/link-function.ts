/**
 * The link function (built to dist/lambda/link-function.js, `link-function.handler`): its own Lambda handler in the skill's package, invoked by an IoT topic rule for
 * each message a bridge publishes on `biolight/v1/<thing>/link` (deploy/template.yaml, LinkRule):
 *
 *   SELECT encode(*, 'base64') AS payload, topic(3) AS thing, clientid() AS clientId,
 *          get_mqtt_property('response_topic') AS responseTopic,
 *          get_mqtt_property('correlation_data') AS correlationData
 *   FROM 'biolight/v1/+/link'
 *
 * The thing is the topic's (its certificate alone may publish there) and never a field of the
 * payload, which arrives encoded whole so that it cannot shadow the rule's own fields. The answer
 * goes to the response topic only when that is under the same thing's `link/res/` prefix.
 */
import * as z from "zod";
import {
  type HouseholdAnswer,
  HouseholdRequestSchema,
  householdTopics,
  MAX_LINK_PAYLOAD_BYTES,
  ThingNameSchema,
} from "../../matter-bridge/contract/cloud-link.js";
import { answerHousehold } from "../households/answers.js";
import type { HouseholdStore } from "../households/store.js";
import type { Publish } from "../link/publisher.js";

/** What the topic rule hands the function. */
export const LinkRuleEventSchema = z.object({
  thing: ThingNameSchema,
  clientId: z.string().optional(),
  /** The message's payload, base64. */
  payload: z.string().max(Math.ceil((MAX_LINK_PAYLOAD_BYTES * 4) / 3) + 4),
  responseTopic: z.string().max(256).optional(),
  /** base64, as the rule engine gives MQTT 5 correlation data. */
  correlationData: z.string().max(1024).optional(),
});
export type LinkRuleEvent = z.infer<typeof LinkRuleEventSchema>;

export interface LinkFunctionDeps {
  store: HouseholdStore;
  publish: Publish;
  log?: (line: string) => void;
}

/** Answers one rule event; returns the answer it published (undefined when there was nowhere safe to answer). */
export function linkFunction({ store, publish, log = console.log }: LinkFunctionDeps) {
  return async (raw: unknown): Promise<HouseholdAnswer | undefined> => {
    const event = LinkRuleEventSchema.safeParse(raw);
    if (!event.success) {
      log(`link function: not a link rule event: ${event.error.issues.map((i) => i.path.join(".") || i.message).join(", ")}`);
      return undefined;
    }
    const { thing, clientId, responseTopic, correlationData } = event.data;
    if (clientId !== undefined && clientId !== thing) {
      log(`link function: ${thing}'s link topic used by client ${JSON.stringify(clientId)}: ignored`);
      return undefined;
    }
    const prefix = householdTopics(thing).responsePrefix;
    if (!responseTopic?.startsWith(prefix) || responseTopic.length === prefix.length || /[+#]/.test(responseTopic)) {
      log(`link function: ${thing} asked for an answer on ${JSON.stringify(responseTopic ?? null)}, outside ${prefix}: not answered`);
      return undefined;
    }
    const answer = await answerOf(store, thing, Buffer.from(event.data.payload, "base64"));
    await publish(responseTopic, JSON.stringify(answer), {
      ...(correlationData ? { correlationData: Buffer.from(correlationData, "base64") } : {}),
    });
    log(`link function: ${thing} ${answer.ok ? "ok" : `refused (${answer.reason})`}`);
    return answer;
  };
}

async function answerOf(store: HouseholdStore, thing: string, payload: Buffer): Promise<HouseholdAnswer> {
  let json: unknown;
  try {
    json = payload.length <= MAX_LINK_PAYLOAD_BYTES ? JSON.parse(payload.toString("utf8")) : undefined;
  } catch {}
  const request = HouseholdRequestSchema.safeParse(json);
  if (!request.success) {
    const id = typeof (json as { id?: unknown })?.id === "string" ? (json as { id: string }).id : null;
    return { id, ok: false, reason: "invalid", message: "The bridge's request was not one the link function knows." };
  }
  try {
    return await answerHousehold(store, thing, request.data);
  } catch (err) {
    console.error(`link function: ${thing} ${request.data.op} failed:`, err);
    return {
      id: request.data.id,
      ok: false,
      reason: "unavailable",
      message: "The cloud could not answer just now; try again in a minute.",
    };
  }
}

/** The function's settings (deploy/template.yaml and deploy/hosted.yaml set them). */
export const LinkFunctionEnvSchema = z.object({
  HOUSEHOLDS_TABLE: z.string().min(3),
  MQTT_URL: z.url({ protocol: /^(wss?|mqtts?)$/ }),
});

let ready: Promise<(raw: unknown) => Promise<HouseholdAnswer | undefined>> | undefined;

/** The Lambda entry (Handler: link-function.handler): HOUSEHOLDS_TABLE and MQTT_URL from the environment. */
export async function handler(event: unknown): Promise<HouseholdAnswer | undefined> {
  ready ??= (async () => {
    const env = LinkFunctionEnvSchema.parse(process.env);
    const [{ HouseholdStore }, { MqttPublisher }, { LINK_FUNCTION_CLIENT_ID_PREFIX }] = await Promise.all([
      import("../households/store.js"),
      import("../link/publisher.js"),
      import("../link/client-ids.js"),
    ]);
    const publisher = new MqttPublisher({ url: env.MQTT_URL, clientIdPrefix: LINK_FUNCTION_CLIENT_ID_PREFIX });
    return linkFunction({ store: new HouseholdStore({ table: env.HOUSEHOLDS_TABLE }), publish: publisher.publish });
  })().catch((err) => {
    ready = undefined;
    throw err;
  });
  return (await ready)(event);
}
