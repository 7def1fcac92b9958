import type { PersistenceAdapter } from "ask-sdk-core";
import type { SkillEnv } from "../env.js";
import { DynamoDbPersistenceAdapter } from "./dynamodb.js";
import { FilePersistenceAdapter } from "./file.js";

export { DynamoDbPersistenceAdapter } from "./dynamodb.js";
export { FilePersistenceAdapter } from "./file.js";

export const persistenceFromEnv = (env: SkillEnv): PersistenceAdapter =>
  env.PERSISTENCE === "dynamodb" ? new DynamoDbPersistenceAdapter(env.DYNAMODB_TABLE as string) : new FilePersistenceAdapter(env.SKILL_DATA_DIR);
