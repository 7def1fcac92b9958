/**
 * The floor for a cold launch through the link: the hello-world skill (hello-skill.ts) plus a bare
 * MQTT.js connect to the broker (MQTT_URL) and one round trip through it: `GET /v1/people` to the
 * bridge's `req` topic, its answer on this client's response topic. No validation, no status topic,
 * no skill code: whatever the real skill's first launch costs beyond this is its own.
 */
import { randomUUID } from "node:crypto";
import { type HandlerInput, SkillBuilders } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import mqtt from "mqtt";

async function roundTrip(): Promise<unknown> {
  const prefix = `biolight/v1/${process.env.BRIDGE_THING}/`;
  const clientId = `floor-${randomUUID().slice(0, 8)}`;
  const client = await mqtt.connectAsync(process.env.MQTT_URL as string, { protocolVersion: 5, clientId, clean: true, reconnectPeriod: 0 });
  const responseTopic = `${prefix}res/${clientId}`;
  await client.subscribeAsync(responseTopic, { qos: 1 });
  const id = randomUUID();
  const answered = new Promise<unknown>((resolve) => client.on("message", (_topic, payload) => resolve(JSON.parse(payload.toString()))));
  const request = { id, method: "GET", path: "/v1/people", exp: Date.now() + 3000 };
  await client.publishAsync(`${prefix}req`, JSON.stringify(request), {
    qos: 1,
    properties: { responseTopic, correlationData: Buffer.from(id) },
  });
  return answered;
}

const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: (input: HandlerInput) => input.requestEnvelope.request.type === "LaunchRequest",
    async handle(input: HandlerInput) {
      const answer = (await roundTrip()) as { body: { people: unknown[] } };
      return input.responseBuilder.speak(`Hello, ${answer.body.people.length} of you.`).reprompt("Say hello.").getResponse();
    },
  })
  .create();

export const handler = async (event: RequestEnvelope, context?: unknown) => skill.invoke(event, context);
