/** The one read every launch makes, bridge or not: this user's data (the caution answer lives there), as a floor skill does it. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const USER_FILE = "user.json";

export const readUserData = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(join(process.env.SKILL_DATA_DIR ?? ".", USER_FILE), "utf8"));
