/** The guide's sequence for a region: gentle movement, optional self-release, then the light. */
import type { HandlerInput } from "ask-sdk-core";
import type { Response } from "ask-sdk-model";
import type { RegionId } from "../../matter-bridge/contract/regions.js";
import { cautionCurrent, setConversation, speech } from "../request/context.js";
import { ask } from "../request/respond.js";
import { askCaution } from "./caution.js";
import { identify } from "./person.js";

export async function startRoutine(h: HandlerInput, region: RegionId, prefix?: string): Promise<Response> {
  const who = await identify(h, { prefix });
  if (who.kind === "reply") return who.response;
  if (!cautionCurrent(h)) return askCaution(h, { routine: region });
  setConversation(h, { step: "routine", region, stage: "movement" });
  const text = speech(h).routineStart(region);
  return ask(h, prefix ? `${prefix} ${text}` : text, speech(h).routineReprompt());
}
