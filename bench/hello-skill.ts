/** The anchor for the skill's cold start: a hello-world ask-sdk skill, bundled as the real skill is (bench/skill-cold.ts). */
import { type HandlerInput, SkillBuilders } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";

const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: (input: HandlerInput) => input.requestEnvelope.request.type === "LaunchRequest",
    handle: (input: HandlerInput) => input.responseBuilder.speak("Hello world.").reprompt("Say hello.").getResponse(),
  })
  .create();

export const handler = async (event: RequestEnvelope, context?: unknown) => skill.invoke(event, context);
