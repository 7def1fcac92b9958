/**
 * AWS IoT Core's topic rule for the link function, played on the test broker: each message on
 * `biolight/v1/+/link` becomes the event the rule's SQL hands the Lambda (deploy/template.yaml:
 * SELECT encode(*, 'base64') AS payload, topic(3) AS thing, the response topic and the
 * correlation data, base64).
 */
import mqtt, { type MqttClient } from "mqtt";
import type { LinkRuleEvent } from "../../lambda/entry/link-function.js";
import { householdTopics } from "../../matter-bridge/contract/cloud-link.js";
import type { Broker } from "./mosquitto.js";

/** Subscribed when it resolves; `end` it to stop. */
export async function playLinkRule(broker: Broker, invoke: (event: LinkRuleEvent) => unknown, clientId = "iot-rule"): Promise<MqttClient> {
  const rule = await mqtt.connectAsync(broker.tcpUrl, { protocolVersion: 5, clientId });
  rule.on("message", (topic, payload, packet) => {
    void invoke({
      payload: payload.toString("base64"),
      thing: topic.split("/")[2],
      responseTopic: packet.properties?.responseTopic,
      correlationData: packet.properties?.correlationData?.toString("base64"),
    });
  });
  await rule.subscribeAsync(householdTopics("+").requests, { qos: 1 });
  return rule;
}
