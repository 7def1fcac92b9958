/** The skill as configured by the environment: what the Lambda, the self-hosted server and `npm run say` run. */
import type { Skill as CustomSkill, PersistenceAdapter } from "ask-sdk-core";
import { BridgeClient } from "../bridge-api/client.js";
import { httpFetch } from "../bridge-api/http-fetch.js";
import type { Households } from "../households/skill-households.js";
import { parseSkillEnv, resolveBridgeToken, type SkillEnv } from "./env.js";
import { createSkill } from "./skill.js";

export async function skillFromEnv(processEnv: NodeJS.ProcessEnv = process.env): Promise<CustomSkill> {
  const env = parseSkillEnv(processEnv);
  const households = env.HOUSEHOLDS === "dynamodb" ? await householdsFromEnv(env, processEnv) : undefined;
  return createSkill({
    bridge: households ? undefined : await bridgeFromEnv(env, processEnv),
    households,
    persistence: await persistenceFromEnv(env),
    skillId: env.SKILL_ID,
  });
}

/**
 * One MQTT connection per container serves every household (a connection per household would
 * cost a connect per new household inside Alexa's 8 s, and IoT Core counts connections); each
 * household's BridgeClient publishes only to its own thing's topics and accepts answers only from them.
 */
async function householdsFromEnv(env: SkillEnv, processEnv: NodeJS.ProcessEnv): Promise<Households> {
  const [{ MqttLinks }, { SKILL_CLIENT_ID_PREFIX }, { HouseholdStore }, { storeHouseholds }] = await Promise.all([
    import("../link/mqtt-link.js"),
    import("../link/client-ids.js"),
    import("../households/store.js"),
    import("../households/skill-households.js"),
  ]);
  const url = env.MQTT_URL as string;
  const links = new MqttLinks({ url, clientIdPrefix: SKILL_CLIENT_ID_PREFIX, env: processEnv });
  const store = new HouseholdStore({ table: env.HOUSEHOLDS_TABLE as string });
  return storeHouseholds(store, (thing) => new BridgeClient({ url, token: "", link: links.forThing(thing) }));
}

/** The MQTT link (one per container: this runs once per container), else HTTP with the bridge's token. */
async function bridgeFromEnv(env: SkillEnv, processEnv: NodeJS.ProcessEnv): Promise<BridgeClient> {
  if (env.BRIDGE_LINK === "mqtt" && env.MQTT_URL && env.BRIDGE_THING) {
    const { MqttLink } = await import("../link/mqtt-link.js");
    const link = new MqttLink({ url: env.MQTT_URL, thing: env.BRIDGE_THING, env: processEnv });
    return new BridgeClient({ url: env.MQTT_URL, token: "", link });
  }
  const token = await resolveBridgeToken(env);
  // The subset of fetch the client uses, without loading undici (a cold start's largest cost).
  return new BridgeClient({ url: env.BRIDGE_URL, token, fetch: httpFetch as unknown as typeof fetch });
}

/** Each adapter (the AWS SDK under DynamoDB's, node:fs under the file's) loads only when chosen: a faster cold start. */
async function persistenceFromEnv(env: SkillEnv): Promise<PersistenceAdapter> {
  if (env.PERSISTENCE !== "dynamodb") {
    const { FilePersistenceAdapter } = await import("../user-data/persistence/file.js");
    return new FilePersistenceAdapter(env.SKILL_DATA_DIR);
  }
  const { DynamoDbPersistenceAdapter } = await import("../user-data/persistence/dynamodb.js");
  return new DynamoDbPersistenceAdapter(env.DYNAMODB_TABLE as string);
}
