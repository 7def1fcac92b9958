/**
 * The floor for any launch, even one that never asks the bridge: the hello-world skill
 * (hello-skill.ts) plus the one read it cannot skip, this user's data (whose answer to the caution
 * decides what a launch says). No validation, no speech, no bridge.
 */
import { type HandlerInput, SkillBuilders } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import { readUserData } from "./user-read.js";

const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: (input: HandlerInput) => input.requestEnvelope.request.type === "LaunchRequest",
    async handle(input: HandlerInput) {
      const user = await readUserData();
      return input.responseBuilder
        .speak(`Hello, ${Object.keys(user).length} things kept.`)
        .reprompt("Say hello.")
        .getResponse();
    },
  })
  .create();

export const handler = async (event: RequestEnvelope, context?: unknown) => skill.invoke(event, context);
