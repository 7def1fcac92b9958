import { createHash } from "node:crypto";
import type { RequestEnvelope } from "ask-sdk-model";

/** The Alexa user id of a request; absent ids are an error, never a shared "anonymous" record. */
export function alexaUserId(envelope: RequestEnvelope): string {
  const id = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId;
  if (!id) throw new Error("The request has no Alexa user id.");
  return id;
}

/** File names from user ids: fixed length, no path characters, nothing personal on disk. */
export const userFileName = (userId: string): string => `${createHash("sha256").update(userId).digest("hex")}.json`;
