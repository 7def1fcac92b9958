import type { RequestHandler } from "ask-sdk-core";
import { deps } from "../request/context.js";
import { alexaUserId } from "../user-data/persistence/user-key.js";
import { isRequest } from "./match.js";

/**
 * The user disabled the skill (models/skill.json subscribes to the event): their link to a household
 * and what the skill kept for them are deleted. Alexa expects no speech.
 */
export const SkillDisabledHandler: RequestHandler = {
  canHandle: (h) => isRequest(h, "AlexaSkillEvent.SkillDisabled"),
  async handle(h) {
    await deps(h).households?.unlink(alexaUserId(h.requestEnvelope));
    await h.attributesManager.deletePersistentAttributes?.();
    return h.responseBuilder.getResponse();
  },
};
