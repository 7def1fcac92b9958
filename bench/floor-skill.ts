/**
 * The floor for the skill's first LaunchRequest: the hello-world skill (hello-skill.ts) plus what a
 * launch cannot do without since people came in: ask the bridge who lives there (GET /v1/people,
 * through the skill's own HTTP client) and read the user's data file. No validation, no speech, no
 * skill code: whatever the real skill costs beyond this is its own. (read-floor-skill.ts is the same
 * without the bridge request.)
 */
import { type HandlerInput, SkillBuilders } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import { httpFetch } from "../lambda/bridge-api/http-fetch.js";
import { readUserData } from "./user-read.js";

const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: (input: HandlerInput) => input.requestEnvelope.request.type === "LaunchRequest",
    async handle(input: HandlerInput) {
      const [people] = await Promise.all([
        httpFetch(`${process.env.BRIDGE_URL}/v1/people`, { headers: { Authorization: `Bearer ${process.env.BRIDGE_TOKEN}` } }).then((r) =>
          r.json(),
        ),
        readUserData(),
      ]);
      const count = (people as { people: unknown[] }).people.length;
      return input.responseBuilder.speak(`Hello, ${count} of you.`).reprompt("Say hello.").getResponse();
    },
  })
  .create();

export const handler = async (event: RequestEnvelope, context?: unknown) => skill.invoke(event, context);
