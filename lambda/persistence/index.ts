import type { PersistenceAdapter } from "ask-sdk-core";
import type { SkillEnv } from "../env.js";
import { FilePersistenceAdapter } from "./file.js";

/** The DynamoDB adapter (and the AWS SDK under it) loads only when chosen: a faster cold start otherwise. */
export async function persistenceFromEnv(env: SkillEnv): Promise<PersistenceAdapter> {
  if (env.PERSISTENCE !== "dynamodb") return new FilePersistenceAdapter(env.SKILL_DATA_DIR);
  const { DynamoDbPersistenceAdapter } = await import("./dynamodb.js");
  return new DynamoDbPersistenceAdapter(env.DYNAMODB_TABLE as string);
}
