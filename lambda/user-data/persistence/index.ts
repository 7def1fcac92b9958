import type { PersistenceAdapter } from "ask-sdk-core";
import type { SkillEnv } from "../../entry/env.js";

/** Each adapter (the AWS SDK under DynamoDB's, node:fs under the file's) loads only when chosen: a faster cold start. */
export async function persistenceFromEnv(env: SkillEnv): Promise<PersistenceAdapter> {
  if (env.PERSISTENCE !== "dynamodb") {
    const { FilePersistenceAdapter } = await import("./file.js");
    return new FilePersistenceAdapter(env.SKILL_DATA_DIR);
  }
  const { DynamoDbPersistenceAdapter } = await import("./dynamodb.js");
  return new DynamoDbPersistenceAdapter(env.DYNAMODB_TABLE as string);
}
