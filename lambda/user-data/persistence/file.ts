/** User data as one JSON file per Alexa user in SKILL_DATA_DIR, replaced atomically and durably. */
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { PersistenceAdapter } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import { writeFileDurably } from "../../../common/durable-file.js";
import { alexaUserId, userFileName } from "./user-key.js";

export class FilePersistenceAdapter implements PersistenceAdapter {
  constructor(readonly dir: string) {}

  private path(envelope: RequestEnvelope) {
    return join(this.dir, userFileName(alexaUserId(envelope)));
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const path = this.path(envelope);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw err;
    }
    try {
      const data = JSON.parse(text);
      if (data && typeof data === "object" && !Array.isArray(data)) return data;
    } catch {}
    // Kept aside for a person to look at, never silently overwritten; the user starts afresh (caution included).
    const aside = `${path}.corrupt-${Date.now()}`;
    await rename(path, aside);
    console.error(`skill user data was unreadable; moved to ${aside}`);
    return {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileDurably(this.path(envelope), JSON.stringify(attributes));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await rm(this.path(envelope), { force: true });
  }
}
